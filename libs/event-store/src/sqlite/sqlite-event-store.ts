import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { CatchUpSubscription } from '../catch-up-subscription.js';
import { type Clock, systemClock } from '../clock.js';
import { CommitSignal } from '../commit-signal.js';
import type { EventMetadata, NewEvent, StoredEvent } from '../event-envelope.js';
import {
  DuplicateEventIdError,
  EventStoreClosedError,
  EventStoreError,
  EventStoreUnavailableError,
  IdempotencyKeyConflictError,
  WrongExpectedRevisionError,
} from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  VerificationResult,
  VerifyOptions,
} from '../event-store.port.js';
import { GENESIS_HASH, appendFingerprint, chainHash } from '../hash-chain.js';
import {
  EVENT_LOG_SCHEMA,
  type EventLogStatements,
  type EventRow,
  configureDurableConnection,
  prepareEventLogStatements,
} from './sqlite-event-log.schema.js';

export interface SqliteEventStoreOptions {
  /** Path of the database file (`:memory:` for a throwaway log). */
  file: string;
  clock?: Clock;
  /** The most appends that share one transaction. */
  maxBatch?: number;
}

interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

interface PendingAppend {
  streamId: string;
  events: PreparedEvent[];
  expectedRevision: ExpectedRevision;
  idempotencyKey?: string;
  fingerprint?: string;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** The log's tip as a batch sees it while it writes. */
interface Tip {
  position: number;
  hash: string;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: EventStoreError };

const MAX_POSITION = Number.MAX_SAFE_INTEGER;
const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB)/;

/**
 * The embedded event log: SQLite in WAL mode with a full fsync per commit, so an
 * acknowledged append survives a power cut. Appends that arrive in the same turn of the
 * event loop share one transaction and one fsync (group commit); each keeps its own
 * expected-revision check inside a savepoint, so one failed check fails only its own append.
 */
export class SqliteEventStore implements EventStore {
  readonly capabilities = { gaplessPositions: true };

  private readonly db: Database.Database;
  private readonly sql: EventLogStatements;
  private readonly clock: Clock;
  private readonly maxBatch: number;
  private readonly signal: CommitSignal;
  private readonly subscriptions = new Set<Subscription>();
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private lastRecordedAtMs: number;
  private commits = 0;
  private appended = 0;
  private readonly writeBatch: Database.Transaction<(batch: PendingAppend[], recordedAt: string) => Outcome[]>;
  /** Nested inside `writeBatch`, so it runs as a savepoint. */
  private readonly appendOne: Database.Transaction<
    (pending: PendingAppend, tip: Tip, recordedAt: string) => { result: AppendResult; tip: Tip }
  >;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.file);
    configureDurableConnection(this.db);
    this.db.exec(EVENT_LOG_SCHEMA);
    this.sql = prepareEventLogStatements(this.db);
    this.clock = options.clock ?? systemClock;
    this.maxBatch = options.maxBatch ?? 1000;
    const head = this.sql.head.get();
    this.lastRecordedAtMs = head ? Date.parse(head.recorded_at) : 0;
    this.signal = new CommitSignal(BigInt(head?.position ?? 0));
    this.writeBatch = this.db.transaction((batch, recordedAt) => this.writeAppends(batch, recordedAt));
    this.appendOne = this.db.transaction((pending, tip, recordedAt) => this.appendInSavepoint(pending, tip, recordedAt));
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    let prepared: PreparedEvent[];
    try {
      prepared = events.map((event) => prepareEvent(event, options.idempotencyKey));
    } catch (error) {
      return Promise.reject(error);
    }
    const fingerprint = options.idempotencyKey
      ? (options.fingerprint ?? appendFingerprint(streamId, events))
      : undefined;
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({
        streamId,
        events: prepared,
        expectedRevision: options.expectedRevision ?? 'any',
        idempotencyKey: options.idempotencyKey,
        fingerprint,
        resolve,
        reject,
      });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const to = options.toPosition === undefined ? MAX_POSITION : Number(options.toPosition);
    return this.sql.readStream.all(streamId, options.fromRevision ?? 0, to).map(toStoredEvent);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const batchSize = options.batchSize ?? 1000;
    const to = options.toPosition === undefined ? MAX_POSITION : Number(options.toPosition);
    let after = Number(options.fromPosition ?? 0n);
    for (;;) {
      const rows = this.sql.readPage.all(after, to, batchSize);
      for (const row of rows) yield toStoredEvent(row);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]!.position;
    }
  }

  subscribeAll(fromPosition: bigint, handler: EventHandler, options?: SubscribeOptions): Subscription {
    if (this.closed) throw new EventStoreClosedError();
    const readPage = (after: bigint, limit: number) =>
      this.closed ? [] : this.sql.readPage.all(Number(after), MAX_POSITION, limit).map(toStoredEvent);
    const subscription = new CatchUpSubscription(readPage, this.signal, fromPosition, handler, options);
    this.subscriptions.add(subscription);
    void subscription.done.then(
      () => this.subscriptions.delete(subscription),
      () => this.subscriptions.delete(subscription),
    );
    return subscription;
  }

  /** How many transactions have committed appends, and how many appends they carried. */
  get stats(): { commits: number; appends: number } {
    return { commits: this.commits, appends: this.appended };
  }

  async headPosition(): Promise<bigint> {
    if (this.closed) throw new EventStoreClosedError();
    return BigInt(this.sql.head.get()?.position ?? 0);
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    const pageSize = 5000;
    let expected = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const rows = this.sql.readPage.all(expected - 1, MAX_POSITION, pageSize);
      for (const row of rows) {
        const broken = (reason: string): VerificationResult => ({
          ok: false,
          checked,
          firstBrokenPosition: BigInt(expected),
          reason,
        });
        if (row.position !== expected) return broken(`event at position ${expected} is missing`);
        if (row.prev_hash !== prevHash) return broken('predecessor hash does not match');
        const hash = chainHash(prevHash, {
          eventId: row.event_id,
          streamId: row.stream_id,
          revision: row.revision,
          type: row.type,
          schemaVersion: row.schema_version,
          recordedAt: row.recorded_at,
          dataJson: row.data,
          metadataJson: row.metadata,
        });
        if (hash !== row.hash) return broken('content does not match its hash');
        prevHash = row.hash;
        expected += 1;
        checked += 1;
      }
      if (rows.length > 0) options.onProgress?.(checked, BigInt(expected - 1));
      if (rows.length < pageSize) return { ok: true, checked };
      // Let the server answer requests between pages of a long walk.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.queue.length > 0) this.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  /** Writes one batch of queued appends in one transaction, then answers each of them. */
  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    let recordedAtMs: number;
    try {
      recordedAtMs = Math.max(this.clock().getTime(), this.lastRecordedAtMs);
      outcomes = this.writeBatch.immediate(batch, new Date(recordedAtMs).toISOString());
    } catch (error) {
      const failure = toStoreError(error);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    this.lastRecordedAtMs = recordedAtMs;
    this.commits += 1;
    this.appended += batch.length;
    let committed = false;
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        committed ||= !outcome.result.duplicate;
        batch[i]!.resolve(outcome.result);
      } else {
        batch[i]!.reject(outcome.error);
      }
    });
    if (committed) this.signal.notify(BigInt(this.sql.head.get()?.position ?? 0));
  }

  private writeAppends(batch: PendingAppend[], recordedAt: string): Outcome[] {
    const head = this.sql.head.get();
    let tip: Tip = { position: head?.position ?? 0, hash: head?.hash ?? GENESIS_HASH };
    return batch.map((pending): Outcome => {
      try {
        // A failed rule rolls back this append's savepoint only; the batch goes on.
        const written = this.appendOne(pending, tip, recordedAt);
        tip = written.tip;
        return { ok: true, result: written.result };
      } catch (error) {
        if (error instanceof EventStoreError) return { ok: false, error };
        throw error;
      }
    });
  }

  private appendInSavepoint(pending: PendingAppend, tip: Tip, recordedAt: string): { result: AppendResult; tip: Tip } {
    const { streamId, events, idempotencyKey, fingerprint } = pending;
    if (idempotencyKey !== undefined) {
      const seen = this.sql.getIdempotencyKey.get(idempotencyKey);
      if (seen) {
        if (seen.fingerprint !== fingerprint) throw new IdempotencyKeyConflictError(idempotencyKey);
        return {
          tip,
          result: {
            streamId: seen.stream_id,
            nextExpectedRevision: seen.next_revision,
            firstPosition: BigInt(seen.first_position),
            position: BigInt(seen.last_position),
            recordedAt: seen.recorded_at,
            duplicate: true,
          },
        };
      }
    }
    const current = this.sql.streamRevision.get(streamId)?.revision ?? -1;
    if (!revisionMatches(pending.expectedRevision, current)) {
      throw new WrongExpectedRevisionError(streamId, pending.expectedRevision, current);
    }
    let { position, hash } = tip;
    let revision = current;
    for (const event of events) {
      if (this.sql.eventIdExists.get(event.eventId)) throw new DuplicateEventIdError(event.eventId);
      position += 1;
      revision += 1;
      const prevHash = hash;
      hash = chainHash(prevHash, { ...event, streamId, revision, recordedAt, dataJson: event.dataJson });
      this.sql.insertEvent.run(
        position,
        event.eventId,
        streamId,
        revision,
        event.type,
        event.schemaVersion,
        recordedAt,
        event.dataJson,
        event.metadataJson,
        prevHash,
        hash,
      );
    }
    const firstPosition = events.length > 0 ? tip.position + 1 : tip.position;
    if (idempotencyKey !== undefined) {
      this.sql.insertIdempotencyKey.run(
        idempotencyKey,
        streamId,
        fingerprint!,
        firstPosition,
        position,
        revision,
        recordedAt,
      );
    }
    return {
      tip: { position, hash },
      result: {
        streamId,
        nextExpectedRevision: revision,
        firstPosition: BigInt(firstPosition),
        position: BigInt(position),
        recordedAt,
        duplicate: false,
      },
    };
  }
}

function revisionMatches(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  return expected === current;
}

function prepareEvent(event: NewEvent, idempotencyKey: string | undefined): PreparedEvent {
  const metadata: EventMetadata = { ...event.metadata };
  if (idempotencyKey !== undefined) metadata.idempotencyKey = idempotencyKey;
  return {
    eventId: event.eventId ?? randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    dataJson: JSON.stringify(event.data ?? null),
    metadataJson: JSON.stringify(metadata),
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    recordedAt: row.recorded_at,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toStoreError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) {
    return new EventStoreUnavailableError(`The event log cannot be written (${code}); nothing was stored`, {
      cause: error,
    });
  }
  return error;
}
