import { createHash } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import type { CommandContext } from '@lagesbild/event-store';

/**
 * The id of a new aggregate (a risk, an action…). With an Idempotency-Key it is derived
 * from the key, so a retry addresses the same stream and is recognised; else a fresh one.
 */
export function newAggregateId(context: CommandContext, kind: string): string {
  if (context.idempotencyKey === undefined) return timeOrderedUuid();
  const hex = createHash('sha256').update(`${kind}\u0000${context.idempotencyKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Sweden, YYYY-MM-DD. */
export function swedishToday(now = new Date()): string {
  return SWEDISH_DATE.format(now);
}
