/** What an error says, for a health check's details: its message (errors from native code, such as SQLite's, are not always `instanceof Error` here). */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
