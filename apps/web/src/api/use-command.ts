import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Query } from './client';
import type { CommandAnswer } from './types';
import { useApi } from './use-api';

/** A read that shows what a command wrote: an api path and its parameters. */
export type ApiRead = readonly [path: string, query?: Query];

/**
 * Sends a command and makes the page show it (read your writes): the first read it `changes`
 * is asked with the command's position as `minPosition`, so the views hold the write; then every
 * query of those paths, at every moment, is marked stale and the page's own are asked again.
 * Resolves to the command's answer and that first read's answer.
 */
export function useCommand() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async <A extends CommandAnswer = CommandAnswer, V = unknown>(method: 'POST' | 'PUT', path: string, body: unknown, changes: readonly ApiRead[]): Promise<{ answer: A; view: V | undefined }> => {
      const answer = await api.send<A>(method, path, body);
      const [first] = changes;
      const view = first ? await api.get<V>(first[0], { ...first[1], minPosition: answer.position }) : undefined;
      await Promise.all(changes.map(([changed]) => queryClient.invalidateQueries({ queryKey: [changed] })));
      return { answer, view };
    },
    [api, queryClient],
  );
}
