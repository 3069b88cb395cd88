import type { Worker } from 'node:worker_threads';
import type { Clock } from '../clock.js';
import type { EventMetadata, NewEvent } from '../event-envelope.js';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  IdempotencyKeyConflictError,
  WrongExpectedRevisionError,
} from '../event-store.errors.js';
import type { AppendOptions, AppendResult } from '../event-store.port.js';
import { appendFingerprint } from '../hash-chain.js';
import { timeOrderedUuid } from '../time-ordered-uuid.js';
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

export interface GroupCommitOptions extends SqliteLogWriterOptions {
  /** Path of the database file. */
  file: string;
  clock: Clock;
  /** The most appends that share one transaction. */
  maxBatch: number;
  /** When the log's last event was recorded: the clock readings of new batches never go back before it. */
  lastRecordedAtMs: number;
  /** Told the new head after each commit. */
  onCommitted: (head: bigint) => void;
}

interface PendingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCHES_IN_FLIGHT = 2;
const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB)/;

/**
 * The appends of the embedded log, sent to its writer thread. Appends that arrive together
 * share one transaction and one fsync, each with its own expected-revision check (one failed
 * check fails only its own append). The writer thread commits, so the event loop goes on
 * serving requests while a commit syncs, and the next batch is prepared while the current one
 * commits.
 */
export class GroupCommit {
  private readonly writer: Worker;
  private readonly writerReady: Promise<void>;
  private readonly inFlight = new Map<number, PendingAppend[]>();
  private queue: PendingAppend[] = [];
  private dispatchScheduled = false;
  private nextBatchId = 1;
  private lastRecordedAtMs: number;
  private commits = 0;
  private appended = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly options: GroupCommitOptions) {
    this.lastRecordedAtMs = options.lastRecordedAtMs;
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

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
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

  /** How many transactions have committed appends, and how many appends they carried. */
  get stats(): { commits: number; appends: number } {
    return { commits: this.commits, appends: this.appended };
  }

  /** Resolves once every append queued or in flight has been answered. */
  async drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight.size === 0) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
      this.scheduleDispatch();
    });
  }

  /** Stops the writer thread, which closes its connection. */
  async close(): Promise<void> {
    const writer = this.writer;
    // Keep the process alive until the writer has started (it may not have yet) and closed the file.
    writer.ref();
    await this.writerReady.catch(() => undefined);
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    writer.postMessage({ kind: 'close' } satisfies WriterMessage);
    await exited;
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
      this.send(this.queue.splice(0, Math.min(this.options.maxBatch, Math.ceil(this.queue.length / halves))));
    }
  }

  private send(batch: PendingAppend[]): void {
    const id = this.nextBatchId++;
    // One clock reading per batch, never earlier than the last: recordedAt grows with position.
    this.lastRecordedAtMs = Math.max(this.options.clock().getTime(), this.lastRecordedAtMs);
    this.inFlight.set(id, batch);
    this.writer.ref();
    const message: WriterMessage = {
      kind: 'write',
      id,
      batch: batch.map((p) => p.request),
      recordedAt: new Date(this.lastRecordedAtMs).toISOString(),
    };
    this.writer.postMessage(message);
  }

  private settle(id: number, result: BatchResult): void {
    const batch = this.inFlight.get(id);
    if (!batch) return;
    this.inFlight.delete(id);
    if (this.inFlight.size === 0) this.writer.unref();
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
      this.options.onCommitted(BigInt(result.head));
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
