import Database from 'better-sqlite3';
import { CatchUpSubscription } from '../catch-up-subscription.js';
import { type Clock, systemClock } from '../clock.js';
import { CommitSignal } from '../commit-signal.js';
import type { NewEvent, StoredEvent } from '../event-envelope.js';
import { EventStoreClosedError } from '../event-store.errors.js';
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
import { verifyHashChain } from './sqlite-chain-verification.js';
import { EVENT_LOG_SCHEMA, type EventLogStatements, configureDurableConnection, prepareEventLogStatements } from './sqlite-event-log.schema.js';
import { GroupCommit } from './sqlite-group-commit.js';
import { SqliteLogReader, toStoredEvent } from './sqlite-log-reader.js';

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

/**
 * The embedded event log: SQLite in WAL mode with a full fsync per commit, so an
 * acknowledged append survives a power cut. Appends go to a writer thread in group commits
 * (`GroupCommit`); reads go through this connection (`SqliteLogReader`).
 */
export class SqliteEventStore implements EventStore {
  readonly capabilities = { gaplessPositions: true };

  private readonly db: Database.Database;
  private readonly sql: EventLogStatements;
  private readonly reader: SqliteLogReader;
  private readonly signal: CommitSignal;
  private readonly writes: GroupCommit | undefined;
  private readonly headListeners = new Set<(head: bigint) => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.file);
    configureDurableConnection(this.db);
    // A reader opens a log its writer has made (and may be writing): it changes nothing.
    if (!options.readOnly) this.db.exec(EVENT_LOG_SCHEMA);
    this.sql = prepareEventLogStatements(this.db);
    this.reader = new SqliteLogReader(this.db, this.sql);
    const head = this.sql.head.get();
    this.signal = new CommitSignal(BigInt(head?.position ?? 0));
    if (options.readOnly) return;
    this.writes = new GroupCommit({
      file: options.file,
      clock: options.clock ?? systemClock,
      maxBatch: options.maxBatch ?? 1000,
      maxSizeBytes: options.maxSizeBytes,
      indexAfter: options.indexAfter,
      lastRecordedAtMs: head ? Date.parse(head.recorded_at) : 0,
      onCommitted: (position) => this.headMoved(position),
    });
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    if (!this.writes) return Promise.reject(new Error('This connection to the event log only reads'));
    return this.writes.append(streamId, events, options);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.reader.readStream(streamId, options);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    for (const rows of this.reader.pages(options)) for (const row of rows) yield toStoredEvent(row);
  }

  subscribeAll(fromPosition: bigint, handler: EventHandler, options?: SubscribeOptions): Subscription {
    this.assertOpen();
    const readPage = (after: bigint, limit: number) => (this.closed ? [] : this.reader.pageAfter(after, limit));
    const subscription = new CatchUpSubscription(readPage, this.signal, fromPosition, handler, options);
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    void subscription.done.then(forget, forget);
    return subscription;
  }

  async positionAt(instant: Date): Promise<bigint> {
    this.assertOpen();
    return this.reader.positionAt(instant);
  }

  async findIdempotentAppend(idempotencyKey: string): Promise<IdempotentAppend | undefined> {
    this.assertOpen();
    return this.reader.findIdempotentAppend(idempotencyKey);
  }

  /** How many transactions have committed appends, and how many appends they carried. */
  get stats(): { commits: number; appends: number } {
    return this.writes?.stats ?? { commits: 0, appends: 0 };
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.reader.headPosition();
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
    return verifyHashChain(this.sql, options);
  }

  /** Writes what is queued, answers it, then closes the writer and the log. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes?.drain();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.writes?.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
