import type { ProjectionStatus } from '../projection-host.js';

/** What the api's thread and its projection thread tell each other (bigints as strings). */

export type ToProjectionThread = { kind: 'head'; head: string } | { kind: 'stop' };

export type FromProjectionThread =
  | {
      kind: 'progress';
      head: string;
      /** How far the versions that answer reads have all applied the log. */
      servingPosition: string;
      /** For each view, the stored name of the version that answers reads. */
      serving: Array<[view: string, stored: string]>;
      projections: Array<Omit<ProjectionStatus, 'position'> & { position: string }>;
      /** The rows the batches since the last message changed (view as queries name it, key). */
      changed: Array<[view: string, key: string]>;
    }
  | { kind: 'caught-up' }
  | { kind: 'switched'; projection: string; from: number; to: number }
  | { kind: 'projection-failed'; projection: string; error: SerializedError }
  | { kind: 'stopped-by-error'; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

export function serializeError(error: unknown): SerializedError {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, stack: e.stack, ...(typeof code === 'string' ? { code } : {}) };
}

/** The error again, on this side of the thread boundary, with its name, message, code and stack. */
export function deserializeError(error: SerializedError): Error {
  const revived = Object.assign(new Error(error.message), { name: error.name, ...(error.code ? { code: error.code } : {}) });
  if (error.stack) revived.stack = error.stack;
  return revived;
}
