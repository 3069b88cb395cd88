import { useApiQuery } from './use-api-query';

/** One org unit (its name, kind and parent); the reference data never changes within a session. */
export function useOrgUnit(code: string | undefined) {
  return useApiQuery(code ? `/org-units/${code}` : null);
}

/** The units directly under `parent` (a county's municipalities, a city's districts). */
export function useOrgUnitsUnder(parent: string) {
  return useApiQuery('/org-units', { parent });
}

/** A unit's name, once it is known (a page shows none rather than a bare code). */
export function useOrgUnitName(code: string | undefined): string | undefined {
  return useOrgUnit(code).data?.name;
}
