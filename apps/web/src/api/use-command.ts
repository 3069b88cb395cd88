import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiPath, CommandResult, QueryAnswer } from './api-paths';
import type { CommandMethod, Query } from './client';
import type { CommandAnswer } from './types';
import { useApi } from './use-api';

/** A read that shows what a command wrote: an api path and its parameters. */
export type ApiRead<P extends ApiPath<'get'> = ApiPath<'get'>> = readonly [path: P, query?: Query];

/**
 * Sends a command and makes the page show it (read your writes): the first read it `changes`
 * is asked with the command's position as `minPosition`, so the views hold the write; then every
 * query of those paths, at every moment, is marked stale and the page's own are asked again.
 * Resolves to the command's answer and that first read's answer, each typed by its path.
 */
export function useCommand() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async <M extends CommandMethod, P extends ApiPath<Lowercase<M>>, R extends ApiPath<'get'> = never>(
      method: M,
      path: P,
      body: unknown,
      changes: readonly [first: ApiRead<R>, ...rest: ApiRead[]] | readonly ApiRead[],
    ): Promise<{ answer: CommandResult<Lowercase<M>, P>; view: QueryAnswer<R> | undefined }> => {
      // Every command answers at least its id, revision and position.
      const answer = await api.send(method, path, body);
      const [first] = changes;
      const view = first ? await api.get(first[0], { ...first[1], minPosition: (answer as CommandAnswer).position }) : undefined;
      await Promise.all(changes.map(([changed]) => queryClient.invalidateQueries({ queryKey: [changed] })));
      return { answer, view };
    },
    [api, queryClient],
  );
}
