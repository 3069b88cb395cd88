import { OrgUnitRegistry } from '@lagesbild/reference-data';

let sweden: OrgUnitRegistry | undefined;

/** Sweden's org units for the projections. The reference data ships with the code and is versioned with it, so a rebuild reads the same. */
export const swedishUnits = () => (sweden ??= OrgUnitRegistry.sweden());

/**
 * The county an org unit reports under: a municipality's parent, a district's municipality's.
 * A district added after this list was read is found by its code, `<municipality>-NN`.
 */
export const countyOf = (orgUnit: string): string | undefined => (swedishUnits().countyOf(orgUnit) ?? swedishUnits().countyOf(orgUnit.split('-')[0]!))?.code;
