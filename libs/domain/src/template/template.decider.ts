import type { Decider } from '../shared/decider.js';
import type { FieldProblem } from '../shared/domain-error.js';
import { ValidationError } from '../shared/domain-errors.js';
import { ITEM_TYPES, type ItemType, type TemplateArea, type TemplateDefinition } from './template.types.js';

export const TEMPLATE_STREAM_ID = 'template';

export interface PublishTemplateVersion {
  type: 'PublishTemplateVersion';
  areas: TemplateArea[];
  changeNote: string;
  /** The built-in version 1 (reference data): the base of the first published version. */
  builtIn: TemplateDefinition;
}

export interface TemplateVersionPublished {
  type: 'TemplateVersionPublished';
  data: TemplateDefinition;
}

export interface TemplateState {
  /** The newest published version, if any was published. */
  latest?: TemplateDefinition;
  /** Every item id ever used, with its type: an id is never reused for another meaning. */
  itemTypes: Map<string, ItemType>;
}

function structureProblems(areas: TemplateArea[], itemTypes: Map<string, ItemType>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (areas.length === 0) problems.push({ path: 'areas', message: 'a template has at least one area' });
  const areaIds = new Set<string>();
  const itemIds = new Set<string>();
  areas.forEach((area, a) => {
    if (areaIds.has(area.id)) problems.push({ path: `areas.${a}.id`, message: `area "${area.id}" appears twice` });
    areaIds.add(area.id);
    if (area.items.length === 0) problems.push({ path: `areas.${a}.items`, message: 'an area has at least one item' });
    area.items.forEach((item, i) => {
      const at = `areas.${a}.items.${i}`;
      if (itemIds.has(item.id)) problems.push({ path: `${at}.id`, message: `item "${item.id}" appears twice` });
      itemIds.add(item.id);
      if (!ITEM_TYPES.includes(item.type)) problems.push({ path: `${at}.type`, message: `must be one of ${ITEM_TYPES.join(', ')}` });
      const earlier = itemTypes.get(item.id);
      if (earlier && earlier !== item.type) {
        problems.push({ path: `${at}.type`, message: `item "${item.id}" was a ${earlier}; an id keeps its meaning — use a new id` });
      }
    });
  });
  return problems;
}

const typesOf = (template: TemplateDefinition) =>
  template.areas.flatMap((area) => area.items.map((item) => [item.id, item.type] as const));

export const templateDecider: Decider<PublishTemplateVersion, TemplateVersionPublished, TemplateState> = {
  initialState: () => ({ itemTypes: new Map() }),
  evolve: (state, event) => ({ latest: event.data, itemTypes: new Map([...state.itemTypes, ...typesOf(event.data)]) }),
  decide: (command, state) => {
    const previous = state.latest ?? command.builtIn;
    const itemTypes = new Map([...typesOf(command.builtIn), ...state.itemTypes]);
    if (command.changeNote.trim() === '') {
      throw new ValidationError('A new version says what changed', [{ path: 'changeNote', message: 'must not be empty' }]);
    }
    const problems = structureProblems(command.areas, itemTypes);
    if (problems.length > 0) throw new ValidationError('The template is not well formed', problems);
    return [
      {
        type: 'TemplateVersionPublished',
        data: { ...previous, version: previous.version + 1, changeNote: command.changeNote.trim(), areas: command.areas },
      },
    ];
  },
};
