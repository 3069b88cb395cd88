import { ConflictError, type Decider } from '@lagesbild/domain';
import type { Actor, EventMetadata } from './event-envelope.js';
import { IdempotencyKeyConflictError, WrongExpectedRevisionError } from './event-store.errors.js';
import type { EventStore } from './event-store.port.js';
import { type DomainEvent, aggregateStream } from './typed-reads.js';

/** Who asks, and how: everything that lands in the events' metadata, plus the HTTP preconditions. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  reason?: string;
  idempotencyKey?: string;
  /** What makes a retry "the same request" (a digest of the request). */
  fingerprint?: string;
  /** `If-Match`: the revision the caller last saw; a mismatch fails with 412. */
  expectedRevision?: number;
  /** Extra metadata, e.g. `simulated: true` from the seeders. */
  metadata?: EventMetadata;
}

export interface CommandResult {
  streamId: string;
  /** The stream's revision after the command. */
  revision: number;
  /** The global position of the last event written (or found, for a retry). */
  position: bigint;
  /** True when an idempotent retry was answered with the first result. */
  duplicate: boolean;
}

/** A command, or a function that builds it from the current state (to resolve lookups). */
export type CommandOrBuilder<C, S> = C | ((state: S) => C | Promise<C>);

const RETRIES_ON_RACE = 3;

/**
 * The one command handler (STYLE.md rule 6): read the stream, fold it, decide, append with
 * the revision that was read. A retry with the same idempotency key is answered with the
 * first result before anything is decided; a race with another writer is decided again.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: CommandOrBuilder<C, S>,
  context: CommandContext,
): Promise<CommandResult> {
  if (context.idempotencyKey !== undefined) {
    const earlier = await store.findIdempotentAppend(context.idempotencyKey, streamId);
    if (earlier) {
      const sameRequest = earlier.result.streamId === streamId && (context.fingerprint === undefined || earlier.fingerprint === context.fingerprint);
      if (!sameRequest) throw new IdempotencyKeyConflictError(context.idempotencyKey);
      return { streamId, revision: earlier.result.nextExpectedRevision, position: earlier.result.position, duplicate: true };
    }
  }
  for (let attempt = 0; ; attempt += 1) {
    const { state, revision: current } = await aggregateStream(store, decider, streamId);
    if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
      throw new WrongExpectedRevisionError(streamId, context.expectedRevision, current);
    }
    const resolved = typeof command === 'function' ? await (command as (state: S) => C | Promise<C>)(state) : command;
    const events = decider.decide(resolved, state);
    const metadata: EventMetadata = {
      ...context.metadata,
      actor: context.actor,
      correlationId: context.correlationId,
      ...(context.causationId !== undefined ? { causationId: context.causationId } : {}),
      ...(context.reason !== undefined ? { reason: context.reason } : {}),
    };
    try {
      const result = await store.append(
        streamId,
        events.map((event) => ({ type: event.type, data: event.data, metadata })),
        {
          expectedRevision: current < 0 ? 'no_stream' : current,
          idempotencyKey: context.idempotencyKey,
          fingerprint: context.fingerprint,
        },
      );
      return { streamId, revision: result.nextExpectedRevision, position: result.position, duplicate: result.duplicate };
    } catch (error) {
      // With If-Match the caller named the revision: a mismatch is theirs to see (412).
      const raced = error instanceof WrongExpectedRevisionError && context.expectedRevision === undefined;
      if (!raced) throw error;
      if (attempt < RETRIES_ON_RACE) continue;
      throw new ConflictError('concurrent-modification', `${streamId} kept changing while this command was decided; try again.`);
    }
  }
}
