import { ValidationError } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';

/** A path or query value that must name a county, else a 400 naming the field. */
export function requireCounty(units: OrgUnitRegistry, code: string, path: string): void {
  if (units.get(code)?.kind !== 'county') throw new ValidationError('Not a county', [{ path, message: `${code} is not a county` }]);
}

/** The codes of a county and every unit within it: what the county's records may name. */
export function codesWithin(units: OrgUnitRegistry, code: string): string[] {
  return units.within(code).map((u) => u.code);
}
