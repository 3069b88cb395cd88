import type { UseQueryResult } from '@tanstack/react-query';
import type { QueryAnswer } from './api-paths';
import type { Query } from './client';
import { useApiQuery } from './use-api-query';

/** One path answers the situation of every kind of unit: the nation's, a county's, a municipality's (or district's). */
type Situation = QueryAnswer<`/org-units/${string}/situation`>;

/** The situation of a kind of unit. */
export type SituationOf<K extends Situation['kind']> = Extract<Situation, { kind: K }>;

/**
 * A unit's situation, as of the time machine's moment. The api answers the kind of unit the
 * code names, and a page asks only for units of the kind it shows, so the answer is read as that kind.
 */
export function useSituation<K extends Situation['kind']>(code: string, query: Query): UseQueryResult<SituationOf<K>> {
  return useApiQuery(`/org-units/${code}/situation`, query) as UseQueryResult<SituationOf<K>>;
}
