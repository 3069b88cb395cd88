import { useCallback, useEffect, useRef, useState } from 'react';
import { useCommand } from '../api/use-command';

/** How long after the last keystroke a draft is saved: a pause in typing, not every key. */
const PAUSE_MS = 1500;

export type AutosaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown; sent: unknown };

/**
 * Saves `body` as the period's draft once the user pauses, whenever it has changed since the
 * form opened. Saves go one at a time, in order, so an older body never overwrites a newer one.
 * `pause()` (before submitting) waits for a save under way and holds the rest; `resume()` lets
 * them go again (a refused submission keeps the user typing).
 */
export function useDraftAutosave(path: `/org-units/${string}/drafts/${string}`, body: unknown, changed: boolean) {
  const command = useCommand();
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const paused = useRef(false);
  const json = JSON.stringify(body);

  useEffect(() => {
    if (!changed || paused.current) return;
    const timer = setTimeout(() => {
      queue.current = queue.current.then(async () => {
        if (paused.current) return;
        setState({ kind: 'saving' });
        const sent = JSON.parse(json) as unknown;
        try {
          await command('PUT', path, sent, []);
          setState({ kind: 'saved', at: new Date().toISOString() });
        } catch (error) {
          setState({ kind: 'failed', error, sent });
        }
      });
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [json, changed, path, command]);

  const pause = useCallback(() => {
    paused.current = true;
    return queue.current;
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
  }, []);
  return { state, pause, resume };
}
