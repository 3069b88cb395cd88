import { type UseQueryOptions, type UseQueryResult, keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTimeMachine } from '../time-machine';
import type { ApiPath, QueryAnswer } from './api-paths';
import type { ApiClient, Query } from './client';
import { useApi } from './use-api';

/**
 * A query's key: its api path, its parameters and the time machine's moment (undefined: now).
 * The path comes first, so a command marks every query of a path stale at once.
 */
export const apiQueryKey = (path: string, query: Query, asOf: string | undefined) => [path, query, asOf] as const;

/** What a page may ask of a query beyond its path: `refetchInterval` to keep it current while shown. */
export interface ApiQueryOptions {
  refetchInterval?: number;
}

function apiQueryOptions<P extends ApiPath<'get'>>(api: ApiClient, asOf: string | undefined, path: P | null, query: Query, options: ApiQueryOptions = {}): UseQueryOptions<QueryAnswer<P>> {
  return {
    ...options,
    queryKey: apiQueryKey(path ?? '', query, asOf),
    queryFn: () => api.get(path!, { ...query, asOf }),
    enabled: path !== null,
    // While the next answer is on its way (another moment, another month) the last one stays on the page.
    placeholderData: keepPreviousData,
  };
}

/** A query of the api as of the time machine's moment, typed by its path; `path` null while it cannot be asked yet. */
export function useApiQuery<P extends ApiPath<'get'>>(path: P | null, query: Query = {}, options?: ApiQueryOptions): UseQueryResult<QueryAnswer<P>> {
  const api = useApi();
  const { asOf } = useTimeMachine();
  return useQuery(apiQueryOptions(api, asOf, path, query, options));
}

/** Several queries of the api at once, as of the time machine's moment, in the order asked. */
export function useApiQueries<P extends ApiPath<'get'>>(reads: Array<[path: P, query: Query]>): Array<UseQueryResult<QueryAnswer<P>>> {
  const api = useApi();
  const { asOf } = useTimeMachine();
  return useQueries({ queries: reads.map(([path, query]) => apiQueryOptions(api, asOf, path, query)) });
}
