import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CatchUpSubscription } from '../catch-up-subscription.js';
import { type Clock, systemClock } from '../clock.js';
import { CommitSignal } from '../commit-signal.js';
import type { EventMetadata, NewEvent, StoredEvent } from '../event-envelope.js';
import {
  DuplicateEventIdError,
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
import { GENESIS_HASH, appendFingerprint, chainHash } from '../hash-chain.js';
import { timeOrderedUuid } from '../time-ordered-uuid.js';
import {
  EVENT_LOG_SCHEMA,
  type EventLogStatements,
  type EventRow,
  type SelectedRow,
  configureDurableConnection,
  prepareEventLogStatements,
} from './sqlite-event-log.schema.js';
import type {
  AppendRequest,
  BatchResult,
  PreparedEvent,
  RuleViolation,
  SqliteLogWriterOptions,
  WrittenAppend,
} from './sqlite-log-writer.js';
import type { WriterMessage } from './sqlite-writer.worker.js';
import { startWorker } from './start-worker.js';
import { UnindexedTail } from './unindexed-tail.js';

export interface SqliteEventStoreOptions {
  /** Path of the database file. */
  file: string;
  clock?: Clock;
  /** The most appends that share one transaction. */
  maxBatch?: number;
  /** A quota on the log's size: appends beyond it fail as on a full disk (503). */
  maxSizeBytes?: number;
  /** How many events may wait outside the stream index before the writer moves them in (1,000). */
  indexAfter?: number;
  /**
   * A reader of a log that another connection writes (in this process: a projection thread
   * beside the api's store): no writer thread, appends refused, and the writer's side tells it
   * of commits through `headMoved`.
   */
  readOnly?: boolean;
}

interface PendingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

const MAX_POSITION = Number.MAX_SAFE_INTEGER;
const MAX_BATCHES_IN_FLIGHT = 2;
const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB)/;

/**
 * The embedded event log: SQLite in WAL mode with a full fsync per commit, so an
 * acknowledged append survives a power cut.
 *
 * Group commit: appends that arrive together share one transaction and one fsync, each with
 * its own expected-revision check (one failed check fails only its own append). The writes
 * run on a writer thread, so the event loop goes on serving requests while a commit syncs,
 * and the next batch is prepared while the current one commits.
 */
export class SqliteEventStore implements EventStore {
  readonly capabilities = { gaplessPositions: true };

  private readonly db: Database.Database;
  private readonly sql: EventLogStatements;
  private readonly readStreamRows: Database.Transaction<(streamId: string, fromRevision: number, toPosition: number) => EventRow[]>;
  private readonly clock: Clock;
  private readonly maxBatch: number;
  private readonly signal: CommitSignal;
  private readonly writer: Worker | undefined;
  private readonly writerReady: Promise<void>;
  private readonly headListeners = new Set<(head: bigint) => void>();
  private readonly inFlight = new Map<number, PendingAppend[]>();
  private readonly subscriptions = new Set<Subscription>();
  private queue: PendingAppend[] = [];
  private dispatchScheduled = false;
  private nextBatchId = 1;
  private closed = false;
  private lastRecordedAtMs: number;
  private commits = 0;
  private appended = 0;
  private drained: (() => void) | undefined;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.file);
    configureDurableConnection(this.db);
    // A reader opens a log its writer has made (and may be writing): it changes nothing.
    if (!options.readOnly) this.db.exec(EVENT_LOG_SCHEMA);
    this.sql = prepareEventLogStatements(this.db);
    const tail = new UnindexedTail(this.sql);
    // One snapshot: the index's rows and the tail above its watermark, neither twice nor missed.
    this.readStreamRows = this.db.transaction((streamId: string, fromRevision: number, toPosition: number) => {
      tail.refresh();
      const indexed = this.sql.readIndexedStream.all(streamId, fromRevision, toPosition);
      const recent = tail.positions(streamId, fromRevision, toPosition).map((p) => this.sql.eventAt.get(p)!);
      return recent.length === 0 ? indexed : [...indexed, ...recent];
    });
    this.clock = options.clock ?? systemClock;
    this.maxBatch = options.maxBatch ?? 1000;
    const head = this.sql.head.get();
    this.lastRecordedAtMs = head ? Date.parse(head.recorded_at) : 0;
    this.signal = new CommitSignal(BigInt(head?.position ?? 0));
    if (options.readOnly) {
      this.writerReady = Promise.resolve();
      return;
    }
    const writerOptions: SqliteLogWriterOptions = { maxSizeBytes: options.maxSizeBytes, indexAfter: options.indexAfter };
    const writer = startWorker(import.meta.url, 'sqlite-writer.worker', { file: options.file, options: writerOptions });
    this.writer = writer;
    this.writerReady = new Promise((resolve, reject) => {
      writer.once('message', () => resolve());
      writer.once('error', reject);
    });
    this.writerReady.catch(() => undefined);
    writer.on('message', (message: { id?: number; result?: BatchResult }) => {
      if (message.id !== undefined && message.result) this.settle(message.id, message.result);
    });
    writer.on('error', (error) => this.failAll(error));
    // An idle writer does not keep the process alive; one with appends in flight does.
    writer.unref();
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    if (!this.writer) return Promise.reject(new Error('This connection to the event log only reads'));
    let prepared: PreparedEvent[];
    try {
      prepared = events.map((event) => prepareEvent(event, options.idempotencyKey));
    } catch (error) {
      return Promise.reject(error);
    }
    const request: AppendRequest = {
      streamId,
      events: prepared,
      expectedRevision: options.expectedRevision ?? 'any',
      idempotencyKey: options.idempotencyKey,
      fingerprint: options.idempotencyKey ? (options.fingerprint ?? appendFingerprint(streamId, events)) : undefined,
    };
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleDispatch();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const to = options.toPosition === undefined ? MAX_POSITION : Number(options.toPosition);
    return this.readStreamRows.deferred(streamId, options.fromRevision ?? 0, to).map(toStoredEvent);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    const batchSize = options.batchSize ?? 1000;
    const to = options.toPosition === undefined ? MAX_POSITION : Number(options.toPosition);
    let after = Number(options.fromPosition ?? 0n);
    const { select } = options;
    if (select?.length === 0) return;
    const readPage = select ? this.sql.selectedPages(select) : (from: number, upTo: number, limit: number) => this.sql.readPage.all(from, upTo, limit);
    // Once a page comes back full the read is a scan (a rebuild's threads each scan the whole
    // log): its pages are read through a memory map of the file, let go after each page (mapped
    // pages count in the process's resident memory while they are mapped). On ten national
    // years one thread's scan took 230 → 190 ms; a read of the tail maps nothing, which would
    // cost it more than it saved.
    let scanning = false;
    for (;;) {
      const rows = scanning ? this.mapped(() => readPage(after, to, batchSize)) : readPage(after, to, batchSize);
      for (const row of rows) yield toStoredEvent(row);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]![0];
      scanning = true;
    }
  }

  /** A read through a memory map of the log's file, let go after it. */
  private mapped<R>(read: () => R): R {
    this.sql.mapFile.get();
    try {
      return read();
    } finally {
      this.sql.unmapFile.get();
    }
  }

  subscribeAll(fromPosition: bigint, handler: EventHandler, options?: SubscribeOptions): Subscription {
    this.assertOpen();
    const readPage = (after: bigint, limit: number) =>
      this.closed ? [] : this.sql.readPage.all(Number(after), MAX_POSITION, limit).map(toStoredEvent);
    const subscription = new CatchUpSubscription(readPage, this.signal, fromPosition, handler, options);
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    void subscription.done.then(forget, forget);
    return subscription;
  }

  /** Binary search over positions: `recordedAt` grows with position (one reading per batch). */
  async positionAt(instant: Date): Promise<bigint> {
    this.assertOpen();
    const target = instant.toISOString();
    let low = 0;
    let high = this.sql.head.get()?.position ?? 0;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.sql.recordedAtOf.get(middle)!.recorded_at <= target) low = middle;
      else high = middle - 1;
    }
    return BigInt(low);
  }

  async findIdempotentAppend(idempotencyKey: string): Promise<IdempotentAppend | undefined> {
    this.assertOpen();
    const row = this.sql.getIdempotencyKey.get(idempotencyKey);
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      result: {
        streamId: row.stream_id,
        nextExpectedRevision: row.next_revision,
        firstPosition: BigInt(row.first_position),
        position: BigInt(row.last_position),
        recordedAt: row.recorded_at,
        duplicate: true,
      },
    };
  }

  /** How many transactions have committed appends, and how many appends they carried. */
  get stats(): { commits: number; appends: number } {
    return { commits: this.commits, appends: this.appended };
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.sql.head.get()?.position ?? 0);
  }

  watchHead(listener: (head: bigint) => void): () => void {
    this.headListeners.add(listener);
    return () => this.headListeners.delete(listener);
  }

  /**
   * The log has grown to `head` (said by this store's writer thread, or, to a read-only store,
   * by the side that writes): wakes subscribers and watchers.
   */
  headMoved(head: bigint): void {
    if (head <= this.signal.headPosition) return;
    this.signal.notify(head);
    for (const listener of this.headListeners) listener(head);
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    this.assertOpen();
    const pageSize = 5000;
    const upTo = options.toPosition === undefined ? MAX_POSITION : Number(options.toPosition);
    let expected = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const rows = this.sql.readPage.all(expected - 1, upTo, pageSize);
      for (const [position, eventId, streamId, revision, type, schemaVersion, recordedAt, dataJson, metadataJson, prev, hash] of rows) {
        const broken = (reason: string): VerificationResult => ({
          ok: false,
          checked,
          firstBrokenPosition: BigInt(expected),
          reason,
        });
        if (position !== expected) return broken(`event at position ${expected} is missing`);
        if (prev !== prevHash) return broken('predecessor hash does not match');
        if (chainHash(prevHash, { eventId, streamId, revision, type, schemaVersion, recordedAt, dataJson, metadataJson }) !== hash) {
          return broken('content does not match its hash');
        }
        prevHash = hash;
        expected += 1;
        checked += 1;
      }
      if (rows.length > 0) options.onProgress?.(checked, BigInt(expected - 1));
      if (rows.length < pageSize) return { ok: true, checked };
      // Let the server answer requests between pages of a long walk.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Writes what is queued, answers it, then closes the writer and the log. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.queue.length > 0 || this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        this.scheduleDispatch();
      });
    }
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    const writer = this.writer;
    if (writer) {
      // Keep the process alive until the writer has started (it may not have yet) and closed the file.
      writer.ref();
      await this.writerReady.catch(() => undefined);
      const exited = new Promise((resolve) => writer.once('exit', resolve));
      writer.postMessage({ kind: 'close' } satisfies WriterMessage);
      await exited;
    }
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    // After the current job's other appends, which then travel in the same batch.
    queueMicrotask(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  /**
   * Keeps at most two batches at the writer: one committing, one waiting. While both places
   * are taken, appends gather in the queue and leave as one batch when a place frees up.
   * An idle writer gets what is queued in two halves, so it commits one while the callers
   * of the other prepare their next appends.
   */
  private dispatch(): void {
    while (this.queue.length > 0 && this.inFlight.size < MAX_BATCHES_IN_FLIGHT) {
      const halves = this.inFlight.size === 0 && this.queue.length > 1 ? 2 : 1;
      this.send(this.queue.splice(0, Math.min(this.maxBatch, Math.ceil(this.queue.length / halves))));
    }
  }

  private send(batch: PendingAppend[]): void {
    const id = this.nextBatchId++;
    // One clock reading per batch, never earlier than the last: recordedAt grows with position.
    this.lastRecordedAtMs = Math.max(this.clock().getTime(), this.lastRecordedAtMs);
    this.inFlight.set(id, batch);
    this.writer!.ref();
    const message: WriterMessage = {
      kind: 'write',
      id,
      batch: batch.map((p) => p.request),
      recordedAt: new Date(this.lastRecordedAtMs).toISOString(),
    };
    this.writer!.postMessage(message);
  }

  private settle(id: number, result: BatchResult): void {
    const batch = this.inFlight.get(id);
    if (!batch) return;
    this.inFlight.delete(id);
    if (this.inFlight.size === 0) this.writer!.unref();
    if (!result.committed) {
      const error = storeFailure(result.failure);
      for (const pending of batch) pending.reject(error);
    } else {
      this.commits += 1;
      this.appended += batch.length;
      result.outcomes.forEach((outcome, i) => {
        const pending = batch[i]!;
        if (outcome.ok) pending.resolve(toAppendResult(outcome.written));
        else pending.reject(toRuleError(outcome.violation));
      });
      this.headMoved(BigInt(result.head));
    }
    this.scheduleDispatch();
    if (this.drained && this.inFlight.size === 0 && this.queue.length === 0) this.drained();
  }

  private failAll(error: unknown): void {
    const failure = new EventStoreUnavailableError('The event log writer stopped; nothing more can be stored', {
      cause: error,
    });
    for (const batch of this.inFlight.values()) for (const pending of batch) pending.reject(failure);
    this.inFlight.clear();
    for (const pending of this.queue.splice(0)) pending.reject(failure);
    this.drained?.();
  }
}

function prepareEvent(event: NewEvent, idempotencyKey: string | undefined): PreparedEvent {
  const metadata: EventMetadata = { ...event.metadata };
  if (idempotencyKey !== undefined) metadata.idempotencyKey = idempotencyKey;
  return {
    eventId: event.eventId ?? timeOrderedUuid(),
    idFromCaller: event.eventId !== undefined,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    dataJson: JSON.stringify(event.data ?? null),
    metadataJson: JSON.stringify(metadata),
  };
}

function toAppendResult(written: WrittenAppend): AppendResult {
  return {
    ...written,
    firstPosition: BigInt(written.firstPosition),
    position: BigInt(written.position),
  };
}

function toRuleError(violation: RuleViolation): Error {
  switch (violation.code) {
    case 'wrong-expected-revision':
      return new WrongExpectedRevisionError(violation.streamId, violation.expected, violation.actual);
    case 'idempotency-key-conflict':
      return new IdempotencyKeyConflictError(violation.idempotencyKey);
    case 'duplicate-event-id':
      return new DuplicateEventIdError(violation.eventId);
  }
}

function storeFailure(failure: { code: string; message: string }): Error {
  if (failure.code.startsWith('SQLITE_FULL')) {
    return new EventStoreUnavailableError(`The disk holding the event log is full (${failure.code}); nothing was stored`);
  }
  if (UNAVAILABLE_CODES.test(failure.code)) {
    return new EventStoreUnavailableError(`The event log cannot be written (${failure.code}); nothing was stored`);
  }
  return new Error(`The event log failed to write a batch: ${failure.message} (${failure.code})`);
}

/** The metadata of an event read for its data alone (`EventSelection.dataOnly`): none, one frozen object for all. */
const NO_METADATA: EventMetadata = Object.freeze({});

/** An event from its row; one read for its data alone, with empty metadata and hashes. */
function toStoredEvent([position, eventId, streamId, revision, type, schemaVersion, recordedAt, data, metadata, prevHash, hash]: SelectedRow): StoredEvent {
  return {
    eventId,
    type,
    schemaVersion,
    streamId,
    revision,
    position: BigInt(position),
    recordedAt,
    data: JSON.parse(data) as unknown,
    metadata: metadata === null ? NO_METADATA : (JSON.parse(metadata) as EventMetadata),
    prevHash: prevHash ?? '',
    hash: hash ?? '',
  };
}
