import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { fixtureTemplate } from '../testing/template.fixture.js';
import { type PublishTemplateVersion, templateDecider } from './template.decider.js';

const spec = specFor(templateDecider);
const areas = [
  ...fixtureTemplate.areas,
  { id: 'extra', label: 'Nytt område', items: [{ id: 'extra.level', type: 'level' as const, label: 'Nivå' }] },
];
const publish = (overrides: Partial<PublishTemplateVersion> = {}): PublishTemplateVersion => ({
  type: 'PublishTemplateVersion',
  areas,
  changeNote: 'Nytt område',
  builtIn: fixtureTemplate,
  ...overrides,
});

describe('template', () => {
  it('publishes the next version after the built-in one, keeping scale, trends and sources', () => {
    spec().when(publish()).then([{ type: 'TemplateVersionPublished', data: { ...fixtureTemplate, version: 2, changeNote: 'Nytt område', areas } }]);
  });

  it('numbers versions on from the last published one', () => {
    const v2 = { ...fixtureTemplate, version: 2, areas };
    spec([{ type: 'TemplateVersionPublished', data: v2 }])
      .when(publish({ changeNote: 'Tredje' }))
      .then([{ type: 'TemplateVersionPublished', data: { ...v2, version: 3, changeNote: 'Tredje' } }]);
  });

  it('never lets an item id change its meaning', () => {
    const retyped = [{ id: 'social-risk', label: 'x', items: [{ id: 'social-risk.level', type: 'count' as const, label: 'Antal' }] }];
    spec().when(publish({ areas: retyped })).thenThrows('validation-failed', ['areas.0.items.0.type']);
  });

  it('names duplicate ids, empty areas and a missing change note', () => {
    spec()
      .when(publish({ areas: [{ id: 'a', label: 'A', items: [] }, { id: 'a', label: 'B', items: [{ id: 'x', type: 'text', label: 'X' }, { id: 'x', type: 'text', label: 'Y' }] }] }))
      .thenThrows('validation-failed', ['areas.0.items', 'areas.1.id', 'areas.1.items.1.id']);
    spec().when(publish({ changeNote: ' ' })).thenThrows('validation-failed', ['changeNote']);
  });
});
