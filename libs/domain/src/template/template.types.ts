/** The reporting template (lägesbildsmall): areas and their items, versioned. */
export type ItemType = 'level' | 'count' | 'boolean' | 'text';

export const ITEM_TYPES: readonly ItemType[] = ['level', 'count', 'boolean', 'text'];

export interface TemplateItem {
  /** Stable across versions: never reused for another meaning. */
  id: string;
  type: ItemType;
  label: string;
  labelEn?: string;
}

export interface TemplateArea {
  id: string;
  label: string;
  labelEn?: string;
  items: TemplateItem[];
}

export interface LabelledValue<V> {
  value: V;
  label: string;
}

export interface TemplateDefinition {
  version: number;
  changeNote: string;
  scale: { levels: LabelledValue<number>[] };
  trends: LabelledValue<string>[];
  sources: LabelledValue<string>[];
  areas: TemplateArea[];
}

/** Levels are on a fixed 0–4 scale (Ingen … Mycket hög). */
export const LEVEL_MIN = 0;
export const LEVEL_MAX = 4;

export const TRENDS = ['rising', 'unchanged', 'falling', 'unknown'] as const;
export type Trend = (typeof TRENDS)[number];

export type TemplateItemsById = ReadonlyMap<string, Readonly<TemplateItem & { area: string }>>;

/** A template's items by id, worked out once per template (every submission is checked against one). */
export function templateItems(template: TemplateDefinition): TemplateItemsById {
  let items = itemsByTemplate.get(template);
  if (!items) {
    items = new Map(template.areas.flatMap((area) => area.items.map((item) => [item.id, { ...item, area: area.id }] as const)));
    itemsByTemplate.set(template, items);
  }
  return items;
}

const itemsByTemplate = new WeakMap<TemplateDefinition, TemplateItemsById>();
