import Database from 'better-sqlite3';
import type { ExpectedRevision } from '../event-store.port.js';
import { GENESIS_HASH, chainHash } from '../hash-chain.js';
import {
  EVENT_LOG_SCHEMA,
  type EventLogStatements,
  configureDurableConnection,
  prepareEventLogStatements,
} from './sqlite-event-log.schema.js';
import { type TailEntry, UnindexedTail } from './unindexed-tail.js';

/** An event serialised by the caller, ready to be written. */
export interface PreparedEvent {
  eventId: string;
  /** Ids we generate are time-ordered UUIDs and never collide; a caller's must be checked. */
  idFromCaller: boolean;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

export interface AppendRequest {
  streamId: string;
  events: PreparedEvent[];
  expectedRevision: ExpectedRevision;
  idempotencyKey?: string;
  fingerprint?: string;
}

export interface WrittenAppend {
  streamId: string;
  nextExpectedRevision: number;
  firstPosition: number;
  position: number;
  recordedAt: string;
  duplicate: boolean;
}

/** A broken rule, as plain data so that it crosses the thread boundary. */
export type RuleViolation =
  | { code: 'wrong-expected-revision'; streamId: string; expected: ExpectedRevision; actual: number }
  | { code: 'idempotency-key-conflict'; idempotencyKey: string }
  | { code: 'duplicate-event-id'; eventId: string };

export type AppendOutcome = { ok: true; written: WrittenAppend } | { ok: false; violation: RuleViolation };

export type BatchResult =
  | { committed: true; outcomes: AppendOutcome[]; head: number }
  | { committed: false; failure: { code: string; message: string } };

class RuleBroken extends Error {
  constructor(readonly violation: RuleViolation) {
    super(violation.code);
  }
}

/** The log's tip as a batch sees it while it writes. */
interface Tip {
  position: number;
  hash: string;
}

export interface SqliteLogWriterOptions {
  /** A quota: the log refuses to grow beyond it (as on a full disk). */
  maxSizeBytes?: number;
  /** How many events may wait outside the stream index before a batch moves them in. */
  indexAfter?: number;
}

/**
 * Writes batches of appends, one transaction and one fsync per batch. Every rule of an
 * append is checked before any of its rows is written, so a broken rule fails that append
 * alone and needs no rollback; only an I/O failure stops a batch, and then none of it commits.
 * Synchronous: it runs on the writer thread.
 */
export class SqliteLogWriter {
  private readonly db: Database.Database;
  private readonly sql: EventLogStatements;
  private readonly writeAll: Database.Transaction<(batch: AppendRequest[], recordedAt: string) => AppendOutcome[]>;
  private readonly moveToIndex: Database.Transaction<() => void>;
  private readonly refreshTail: Database.Transaction<() => void>;
  private tip: Tip = { position: 0, hash: GENESIS_HASH };
  private readonly tail: UnindexedTail;
  private readonly indexAfter: number;
  /** What the current batch has written so far: each stream's revision, and every event. */
  private batchRevisions = new Map<string, number>();
  private batchEntries: TailEntry[] = [];

  constructor(file: string, options: SqliteLogWriterOptions = {}) {
    this.db = new Database(file);
    configureDurableConnection(this.db);
    this.db.exec(EVENT_LOG_SCHEMA);
    if (options.maxSizeBytes !== undefined) {
      const pageSize = this.db.pragma('page_size', { simple: true }) as number;
      this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
    }
    this.sql = prepareEventLogStatements(this.db);
    this.tail = new UnindexedTail(this.sql);
    this.indexAfter = options.indexAfter ?? 1000;
    this.writeAll = this.db.transaction((batch, recordedAt) => {
      // Inside the write lock, so that appends through other connections are seen too.
      this.tail.refresh();
      this.batchRevisions = new Map();
      this.batchEntries = [];
      const head = this.sql.head.get();
      this.tip = { position: head?.position ?? 0, hash: head?.hash ?? GENESIS_HASH };
      return batch.map((request) => this.appendChecked(request, recordedAt));
    });
    this.moveToIndex = this.db.transaction(() => {
      const indexedThrough = this.sql.indexedThrough.get()!.indexed_through;
      const head = this.sql.head.get()?.position ?? 0;
      if (head <= indexedThrough) return;
      this.sql.indexThrough.run(indexedThrough, head);
      this.sql.setIndexedThrough.run(head);
    });
    this.refreshTail = this.db.transaction(() => this.tail.refresh());
    // A log written before the stream index existed, or left with a long tail, is indexed now.
    this.indexTail();
  }

  write(batch: AppendRequest[], recordedAt: string): BatchResult {
    try {
      const outcomes = this.writeAll.immediate(batch, recordedAt);
      this.tail.addCommitted(this.batchEntries);
      return { committed: true, outcomes, head: this.tip.position };
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      return {
        committed: false,
        failure: { code: typeof e.code === 'string' ? e.code : 'UNKNOWN', message: String(e.message ?? error) },
      };
    }
  }

  /** Whether enough events wait outside the stream index to move them now. */
  get indexDue(): boolean {
    return this.tail.size >= this.indexAfter;
  }

  /** Whether any event this writer knows of waits outside the stream index. */
  get hasUnindexed(): boolean {
    return this.tail.size > 0;
  }

  /**
   * Moves the events above the stream index's watermark into it, in one transaction. It
   * commits without an fsync of its own (synchronous=NORMAL: WAL mode stays consistent): the
   * index is derived from the log, a lost index commit loses its watermark too and is redone,
   * and the next append's fsync makes it durable anyway.
   */
  indexTail(): void {
    this.db.pragma('synchronous = NORMAL');
    try {
      this.moveToIndex.immediate();
    } catch {
      // A full disk, say: the events stay findable through the tail, and the next try moves them.
      return;
    } finally {
      this.db.pragma('synchronous = FULL');
    }
    // Only once the move has committed may the tail forget what it moved.
    this.refreshTail.deferred();
  }

  close(): void {
    this.db.close();
  }

  private appendChecked(request: AppendRequest, recordedAt: string): AppendOutcome {
    try {
      return { ok: true, written: this.append(request, recordedAt) };
    } catch (error) {
      if (error instanceof RuleBroken) return { ok: false, violation: error.violation };
      throw error;
    }
  }

  private append(request: AppendRequest, recordedAt: string): WrittenAppend {
    const { streamId, events, idempotencyKey, fingerprint, expectedRevision } = request;
    if (idempotencyKey !== undefined) {
      const seen = this.sql.getIdempotencyKey.get(idempotencyKey);
      if (seen) {
        if (seen.fingerprint !== fingerprint) throw new RuleBroken({ code: 'idempotency-key-conflict', idempotencyKey });
        return {
          streamId: seen.stream_id,
          nextExpectedRevision: seen.next_revision,
          firstPosition: seen.first_position,
          position: seen.last_position,
          recordedAt: seen.recorded_at,
          duplicate: true,
        };
      }
    }
    const current = this.currentRevision(streamId);
    if (!revisionMatches(expectedRevision, current)) {
      throw new RuleBroken({ code: 'wrong-expected-revision', streamId, expected: expectedRevision, actual: current });
    }
    const callerIds = events.filter((e) => e.idFromCaller).map((e) => e.eventId);
    for (const [i, eventId] of callerIds.entries()) {
      if (callerIds.indexOf(eventId) !== i || this.sql.eventIdExists.get(eventId)) {
        throw new RuleBroken({ code: 'duplicate-event-id', eventId });
      }
    }

    const firstPosition = this.tip.position + (events.length > 0 ? 1 : 0);
    let { position, hash } = this.tip;
    let revision = current;
    for (const event of events) {
      position += 1;
      revision += 1;
      const prevHash = hash;
      hash = chainHash(prevHash, {
        eventId: event.eventId,
        streamId,
        revision,
        type: event.type,
        schemaVersion: event.schemaVersion,
        recordedAt,
        dataJson: event.dataJson,
        metadataJson: event.metadataJson,
      });
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
      this.batchEntries.push({ streamId, revision, position });
    }
    if (idempotencyKey !== undefined) {
      this.sql.insertIdempotencyKey.run(idempotencyKey, streamId, fingerprint!, firstPosition, position, revision, recordedAt);
    }
    this.tip = { position, hash };
    this.batchRevisions.set(streamId, revision);
    return { streamId, nextExpectedRevision: revision, firstPosition, position, recordedAt, duplicate: false };
  }

  private currentRevision(streamId: string): number {
    return (
      this.batchRevisions.get(streamId) ??
      this.tail.lastRevision(streamId) ??
      this.sql.indexedRevision.get(streamId)?.revision ??
      -1
    );
  }
}

function revisionMatches(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  return expected === current;
}
