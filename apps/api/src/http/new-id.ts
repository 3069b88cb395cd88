import { type CommandContext, timeOrderedUuid, uuidFrom } from '@lagesbild/event-store';

/**
 * The id of a new aggregate (a risk, an action…). With an Idempotency-Key it is derived
 * from the key, so a retry addresses the same stream and is recognised; else a fresh one.
 */
export function newAggregateId(context: CommandContext, kind: string): string {
  return context.idempotencyKey === undefined ? timeOrderedUuid() : uuidFrom(`${kind}\u0000${context.idempotencyKey}`);
}
