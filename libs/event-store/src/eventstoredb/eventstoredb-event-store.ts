import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import { type Clock, systemClock } from '../clock.js';
import type { NewEvent, StoredEvent } from '../event-envelope.js';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
  IdempotencyKeyConflictError,
  WrongExpectedRevisionError,
} from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  IdempotentAppend,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  VerificationResult,
  VerifyOptions,
} from '../event-store.port.js';
import { GENESIS_HASH, appendFingerprint } from '../hash-chain.js';
import { hashOf, idempotentAppendIn, readPositionOf, toEventStoreDbEvents, toStoredEvent } from './eventstoredb-event-mapping.js';

const RETRIES_FOR_ANY = 20;

/**
 * The production event log on EventStoreDB, chosen by `EVENTSTORE_URL`. `$all` commit
 * positions are our positions (strictly increasing, not gapless). The hash chain runs per
 * stream, since an append to EventStoreDB cannot know its predecessor in `$all`.
 * Idempotency keys become deterministic event ids, so a retry finds its first attempt in
 * the stream it wrote to (`eventstoredb-event-mapping.ts`).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly capabilities = { gaplessPositions: false };
  private closed = false;
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly clock: Clock,
  ) {}

  static connect(connectionString: string, clock: Clock = systemClock): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), clock);
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const key = options.idempotencyKey;
    const fingerprint = key ? (options.fingerprint ?? appendFingerprint(streamId, events)) : undefined;
    const expected = options.expectedRevision ?? 'any';
    for (let attempt = 0; ; attempt += 1) {
      const existing = await this.readStream(streamId);
      if (key) {
        const earlier = idempotentAppendIn(existing, key, streamId);
        if (earlier && earlier.fingerprint !== fingerprint) throw new IdempotencyKeyConflictError(key);
        if (earlier) return earlier.result;
      }
      const current = existing.length - 1;
      if (expected === 'no_stream' && current !== -1) throw new WrongExpectedRevisionError(streamId, expected, current);
      if (typeof expected === 'number' && expected !== current) {
        throw new WrongExpectedRevisionError(streamId, expected, current);
      }
      try {
        return await this.appendAfter(streamId, events, existing, key, fingerprint);
      } catch (error) {
        // Someone else appended between our read and our write: with "any" we read again.
        if (error instanceof WrongExpectedVersionError) {
          if (expected === 'any' && attempt < RETRIES_FOR_ANY) continue;
          throw new WrongExpectedRevisionError(streamId, expected, Number(error.actualVersion ?? -1));
        }
        throw unavailable(error);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
        direction: FORWARDS,
      });
      for await (const resolved of read) {
        const event = toStoredEvent(resolved);
        if (!event) continue;
        if (options.toPosition !== undefined && event.position > options.toPosition) break;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw unavailable(error);
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    const batchSize = options.batchSize ?? 1000;
    let after = options.fromPosition ?? 0n;
    for (;;) {
      const page = await this.readPage(after, batchSize);
      for (const event of page.events) {
        if (options.toPosition !== undefined && event.position > options.toPosition) return;
        yield event;
      }
      if (page.exhausted) return;
      after = page.last;
    }
  }

  subscribeAll(fromPosition: bigint, handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = this.client.subscribeToAll({
      fromPosition: readPositionOf(fromPosition),
      filter: excludeSystemEvents(),
    });
    let stopped = false;
    const run = async () => {
      const head = await this.headPosition();
      let caughtUp = false;
      if (head <= fromPosition) {
        caughtUp = true;
        options.onCaughtUp?.(fromPosition);
      }
      for await (const resolved of subscription) {
        if (stopped) return;
        const event = toStoredEvent(resolved);
        if (!event || event.position <= fromPosition) continue;
        await handler(event);
        if (!caughtUp && event.position >= head) {
          caughtUp = true;
          options.onCaughtUp?.(event.position);
        }
      }
    };
    const done = run().catch((error: unknown) => {
      options.onError?.(error);
      throw error;
    });
    done.catch(() => undefined);
    const handle: Subscription = {
      done,
      close: async () => {
        stopped = true;
        await subscription.unsubscribe();
        await done.catch(() => undefined);
        this.subscriptions.delete(handle);
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  async findIdempotentAppend(idempotencyKey: string, streamId: string): Promise<IdempotentAppend | undefined> {
    return idempotentAppendIn(await this.readStream(streamId), idempotencyKey, streamId);
  }

  /** Reads `$all` backwards from the head to the first event recorded at or before the instant. */
  async positionAt(instant: Date): Promise<bigint> {
    const target = instant.toISOString();
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS })) {
      const event = toStoredEvent(resolved);
      if (event && event.recordedAt <= target) return event.position;
    }
    return 0n;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 100 })) {
      const event = toStoredEvent(resolved);
      if (event) return event.position;
    }
    return 0n;
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    const lastHash = new Map<string, string>();
    let checked = 0;
    for await (const event of this.readAll({ batchSize: 5000, ...(options.toPosition !== undefined ? { toPosition: options.toPosition } : {}) })) {
      const prevHash = lastHash.get(event.streamId) ?? GENESIS_HASH;
      const broken = (reason: string): VerificationResult => ({
        ok: false,
        checked,
        firstBrokenPosition: event.position,
        reason,
      });
      if (event.prevHash !== prevHash) return broken('predecessor hash does not match');
      if (hashOf(event, prevHash) !== event.hash) return broken('content does not match its hash');
      lastHash.set(event.streamId, event.hash);
      checked += 1;
      if (checked % 10_000 === 0) options.onProgress?.(checked, event.position);
    }
    return { ok: true, checked };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.closed = true;
    await this.client.dispose();
  }

  private async appendAfter(
    streamId: string,
    events: readonly NewEvent[],
    existing: StoredEvent[],
    idempotencyKey: string | undefined,
    fingerprint: string | undefined,
  ): Promise<AppendResult> {
    const recordedAt = this.clock().toISOString();
    const current = existing.length - 1;
    const prevHash = existing[current]?.hash ?? GENESIS_HASH;
    const toWrite = toEventStoreDbEvents(events, { streamId, current, prevHash, recordedAt, idempotencyKey, fingerprint });
    const expectedRevision: AppendExpectedRevision = current < 0 ? NO_STREAM : BigInt(current);
    const result = await this.client.appendToStream(streamId, toWrite, { expectedRevision });
    const written = await this.readStream(streamId, { fromRevision: current + 1 });
    return {
      streamId,
      nextExpectedRevision: Number(result.nextExpectedRevision),
      firstPosition: written[0]?.position ?? result.position?.commit ?? 0n,
      position: result.position?.commit ?? written[written.length - 1]?.position ?? 0n,
      recordedAt,
      duplicate: false,
    };
  }

  private async readPage(after: bigint, limit: number) {
    const events: StoredEvent[] = [];
    let seen = 0;
    let last = after;
    for await (const resolved of this.client.readAll({ fromPosition: readPositionOf(after), direction: FORWARDS, maxCount: limit })) {
      seen += 1;
      last = resolved.event?.position.commit ?? last;
      const event = toStoredEvent(resolved);
      if (event && event.position > after) events.push(event);
    }
    return { events, last, exhausted: seen < limit };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function unavailable(error: unknown): unknown {
  if (error instanceof Error && /unavailable|deadline|connect|ECONNREFUSED/i.test(`${error.name} ${error.message}`)) {
    return new EventStoreUnavailableError(`EventStoreDB cannot be reached: ${error.message}`, { cause: error });
  }
  return error;
}
