import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader, ViewWriter } from '../view-store.port.js';

/**
 * Rows kept under `<orgUnit>|<id>` (so an org unit's rows are one key range) and found by
 * id through an index view (so a later event, which names only the id, finds its row).
 */
export async function putIndexed<T>(views: ViewWriter, view: string, index: string, orgUnit: string, id: string, row: T): Promise<void> {
  await views.put(view, `${orgUnit}|${id}`, row);
  await views.put(index, id, orgUnit);
}

/** Replaces the row of `id` with `update(row)`; an id never seen is left alone. */
export async function updateIndexed<T>(views: ViewWriter, view: string, index: string, id: string, update: (row: T) => T): Promise<void> {
  const orgUnit = await views.get<string>(index, id);
  const row = orgUnit === undefined ? undefined : await views.get<T>(view, `${orgUnit}|${id}`);
  if (row !== undefined) await views.put(view, `${orgUnit}|${id}`, update(row));
}

/** The rows kept under an org unit and under every unit below it. */
export async function rowsWithin<T>(reader: ViewReader, view: string, units: OrgUnitRegistry, orgUnit: string): Promise<T[]> {
  const lists = await Promise.all(units.within(orgUnit).map((unit) => reader.list<T>(view, `${unit.code}|`)));
  return lists.flat().map((r) => r.value);
}
