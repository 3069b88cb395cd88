/** Storage failures that pass (a full disk, a busy file, a MongoDB connection lost): the runner waits and tries again. */
const TRANSIENT = /^SQLITE_(FULL|IOERR|BUSY|LOCKED)|^(MongoNetworkError|MongoServerSelectionError)$/;

/** How long the runner waits before it takes a batch that failed on such an error again. */
export const RETRY_AFTER_MS = 1000;

/** Whether an error is a storage failure that passes, by its code (SQLite) or name (MongoDB). */
export function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown };
  return TRANSIENT.test(typeof e.code === 'string' ? e.code : '') || TRANSIENT.test(typeof e.name === 'string' ? e.name : '');
}
