import { type UseQueryOptions, type UseQueryResult, keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTimeMachine } from '../time-machine';
import type { ApiClient, Query } from './client';
import { useApi } from './use-api';

/**
 * A query's key: its api path, its parameters and the time machine's moment (undefined: now).
 * The path comes first, so a command marks every query of a path stale at once.
 */
export const apiQueryKey = (path: string, query: Query, asOf: string | undefined) => [path, query, asOf] as const;

function apiQueryOptions<T>(api: ApiClient, asOf: string | undefined, path: string | null, query: Query): UseQueryOptions<T> {
  return {
    queryKey: apiQueryKey(path ?? '', query, asOf),
    queryFn: () => api.get<T>(path!, { ...query, asOf }),
    enabled: path !== null,
    // While the next answer is on its way (another moment, another month) the last one stays on the page.
    placeholderData: keepPreviousData,
  };
}

/** A query of the api as of the time machine's moment; `path` null while it cannot be asked yet. */
export function useApiQuery<T>(path: string | null, query: Query = {}): UseQueryResult<T> {
  const api = useApi();
  const { asOf } = useTimeMachine();
  return useQuery(apiQueryOptions<T>(api, asOf, path, query));
}

/** Several queries of the api at once, as of the time machine's moment, in the order asked. */
export function useApiQueries<T>(reads: Array<[path: string, query: Query]>): Array<UseQueryResult<T>> {
  const api = useApi();
  const { asOf } = useTimeMachine();
  return useQueries({ queries: reads.map(([path, query]) => apiQueryOptions<T>(api, asOf, path, query)) });
}
