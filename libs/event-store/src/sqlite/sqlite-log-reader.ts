import type Database from 'better-sqlite3';
import type { EventMetadata, StoredEvent } from '../event-envelope.js';
import type { IdempotentAppend, ReadAllOptions, ReadStreamOptions } from '../event-store.port.js';
import type { EventLogStatements, EventRow, SelectedRow } from './sqlite-event-log.schema.js';
import { UnindexedTail } from './unindexed-tail.js';

const MAX_POSITION = Number.MAX_SAFE_INTEGER;

/** `toPosition` as the statements take it: no bound is the largest position. */
export const upToPosition = (toPosition: bigint | undefined) => (toPosition === undefined ? MAX_POSITION : Number(toPosition));

/**
 * The reads of the embedded log through one connection: a stream (the stream index plus the
 * events not yet in it), pages of the whole log, and the lookups by time and idempotency key.
 * Synchronous; the store answers the port's promises with what it returns.
 */
export class SqliteLogReader {
  private readonly readStreamRows: Database.Transaction<(streamId: string, fromRevision: number, toPosition: number) => EventRow[]>;

  constructor(
    db: Database.Database,
    private readonly sql: EventLogStatements,
  ) {
    const tail = new UnindexedTail(sql);
    // One snapshot: the index's rows and the tail above its watermark, neither twice nor missed.
    this.readStreamRows = db.transaction((streamId: string, fromRevision: number, toPosition: number) => {
      tail.refresh();
      const indexed = sql.readIndexedStream.all(streamId, fromRevision, toPosition);
      const recent = tail.positions(streamId, fromRevision, toPosition).map((p) => sql.eventAt.get(p)!);
      return recent.length === 0 ? indexed : [...indexed, ...recent];
    });
  }

  readStream(streamId: string, options: ReadStreamOptions): StoredEvent[] {
    return this.readStreamRows.deferred(streamId, options.fromRevision ?? 0, upToPosition(options.toPosition)).map(toStoredEvent);
  }

  /** The rows of `readAll`, page by page: only those its selections take, if it has any. */
  *pages(options: ReadAllOptions): Generator<SelectedRow[]> {
    const batchSize = options.batchSize ?? 1000;
    const to = upToPosition(options.toPosition);
    let after = Number(options.fromPosition ?? 0n);
    const { select } = options;
    if (select?.length === 0) return;
    const readPage = select ? this.sql.selectedPages(select) : (from: number, upTo: number, limit: number) => this.sql.readPage.all(from, upTo, limit);
    // Once a page comes back full the read is a scan (a rebuild's threads each scan the whole
    // log): its pages are read through a memory map of the file, let go after each page, since
    // mapped pages count in the process's resident memory. A read of the tail maps nothing:
    // mapping would cost it more than it saved.
    let scanning = false;
    for (;;) {
      const rows = scanning ? this.mapped(() => readPage(after, to, batchSize)) : readPage(after, to, batchSize);
      yield rows;
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]![0];
      scanning = true;
    }
  }

  /** Up to `limit` events after a position: a catch-up subscription's page. */
  pageAfter(after: bigint, limit: number): StoredEvent[] {
    return this.sql.readPage.all(Number(after), MAX_POSITION, limit).map(toStoredEvent);
  }

  /** Binary search over positions: `recordedAt` grows with position (one reading per batch). */
  positionAt(instant: Date): bigint {
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

  findIdempotentAppend(idempotencyKey: string): IdempotentAppend | undefined {
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

  headPosition(): bigint {
    return BigInt(this.sql.head.get()?.position ?? 0);
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
}

/** The metadata of an event read for its data alone (`EventSelection.dataOnly`): none, one frozen object for all. */
const NO_METADATA: EventMetadata = Object.freeze({});

/** An event from its row; one read for its data alone, with empty metadata and hashes. */
export function toStoredEvent([position, eventId, streamId, revision, type, schemaVersion, recordedAt, data, metadata, prevHash, hash]: SelectedRow): StoredEvent {
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
