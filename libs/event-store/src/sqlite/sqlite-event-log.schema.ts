import type { Database, Statement } from 'better-sqlite3';
import type { EventSelection } from '../event-store.port.js';

/**
 * Schema of the embedded event log. `position` is the rowid: strictly increasing, gapless.
 *
 * The stream index is kept apart and written behind the log: a commit appends to the end of
 * `events` only, and the writer moves the recent events into `stream_index` in bulk (see
 * SqliteLogWriter). An index on (stream, revision) inside `events` would rewrite one scattered
 * index page per stream touched at every commit, which costs small group commits more than
 * the events themselves. Events above `indexed_through` are found by position instead.
 * (Logs made before this layout keep their old unique (stream, revision) index; it is merely
 * redundant.)
 */
export const EVENT_LOG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY,
    event_id       TEXT    NOT NULL UNIQUE,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    recorded_at    TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    hash           TEXT    NOT NULL
  );
  CREATE TABLE IF NOT EXISTS stream_index (
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    PRIMARY KEY (stream_id, revision)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS stream_index_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO stream_index_state (id, indexed_through) VALUES (1, 0);
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    key            TEXT    PRIMARY KEY,
    stream_id      TEXT    NOT NULL,
    fingerprint    TEXT    NOT NULL,
    first_position INTEGER NOT NULL,
    last_position  INTEGER NOT NULL,
    next_revision  INTEGER NOT NULL,
    recorded_at    TEXT    NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The columns events are read with, in the order of `EventRow`. Statements that hand events
 * over return each row as an array, not an object: better-sqlite3 builds arrays faster, which
 * a rebuild reading every event notices.
 */
const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, recorded_at, data, metadata, prev_hash, hash';

/** The columns of an event up to its data: what a read for data alone reads (`EventSelection.dataOnly`). */
const DATA_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, recorded_at, data';

type DataRow = [position: number, eventId: string, streamId: string, revision: number, type: string, schemaVersion: number, recordedAt: string, data: string];
export type EventRow = [...DataRow, metadata: string, prevHash: string, hash: string];
/** An event as a selected read has it: metadata and hashes null for one read for its data alone. */
export type SelectedRow = [...DataRow, metadata: string | null, prevHash: string | null, hash: string | null];

export interface IdempotencyRow {
  key: string;
  stream_id: string;
  fingerprint: string;
  first_position: number;
  last_position: number;
  next_revision: number;
  recorded_at: string;
}

/** Opens the connection durably: WAL, and a full fsync at every commit. */
export function configureDurableConnection(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

export function prepareEventLogStatements(db: Database) {
  const typed = <P extends unknown[], R>(sql: string) => db.prepare<P, R>(sql) as Statement<P, R>;
  const events = <P extends unknown[]>(sql: string) => db.prepare<P, EventRow>(sql).raw() as unknown as Statement<P, EventRow>;
  return {
    insertEvent: typed<
      [number, string, string, number, string, number, string, string, string, string, string],
      never
    >(
      `INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, recorded_at,
                           data, metadata, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    indexedRevision: typed<[string], { revision: number }>(
      'SELECT revision FROM stream_index WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    indexedThrough: typed<[], { indexed_through: number }>('SELECT indexed_through FROM stream_index_state WHERE id = 1'),
    /** The events not yet in the stream index, as (stream, revision, position). */
    unindexed: typed<[number], { stream_id: string; revision: number; position: number }>(
      'SELECT stream_id, revision, position FROM events WHERE position > ? ORDER BY position',
    ),
    indexThrough: typed<[number, number], never>(
      'INSERT INTO stream_index (stream_id, revision, position) SELECT stream_id, revision, position FROM events WHERE position > ? AND position <= ?',
    ),
    setIndexedThrough: typed<[number], never>('UPDATE stream_index_state SET indexed_through = ? WHERE id = 1'),
    readIndexedStream: events<[string, number, number]>(
      `SELECT ${EVENT_COLUMNS.replace(/\w+/g, 'e.$&')} FROM stream_index i JOIN events e ON e.position = i.position
       WHERE i.stream_id = ? AND i.revision >= ? AND i.position <= ? ORDER BY i.revision`,
    ),
    eventAt: events<[number]>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = ?`),
    head: typed<[], { position: number; hash: string; recorded_at: string }>(
      'SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
    ),
    recordedAtOf: typed<[number], { recorded_at: string }>('SELECT recorded_at FROM events WHERE position = ?'),
    eventIdExists: typed<[string], { one: number }>('SELECT 1 AS one FROM events WHERE event_id = ?'),
    getIdempotencyKey: typed<[string], IdempotencyRow>('SELECT * FROM idempotency_keys WHERE key = ?'),
    insertIdempotencyKey: typed<[string, string, string, number, number, number, string], never>(
      `INSERT INTO idempotency_keys (key, stream_id, fingerprint, first_position, last_position, next_revision, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readPage: events<[number, number, number]>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`),
    selectedPages: selectedPages(db),
    /** Reads through a memory map of the file, not by copying each page out of the OS's cache (SQLite maps at most 2 GB). */
    mapFile: typed<[], unknown>(`PRAGMA mmap_size = ${2 * 1024 ** 3}`),
    unmapFile: typed<[], unknown>('PRAGMA mmap_size = 0'),
  };
}

/**
 * The pages of the events some selections take (`ReadAllOptions.select`), filtered in SQL: the
 * others are skipped unread, and so are the metadata and hashes of events taken only by
 * selections for data alone (`dataOnly`). A statement per shape of selections, prepared once;
 * a read works out its statement and parameters once, then reads page after page.
 */
function selectedPages(db: Database) {
  const prepared = new Map<string, Statement<unknown[], SelectedRow>>();
  return (select: readonly EventSelection[]): ((after: number, to: number, limit: number) => SelectedRow[]) => {
    const { columns, parameters: columnParameters } = selectedColumns(select);
    const sql = `SELECT ${columns} FROM events WHERE position > ? AND position <= ? AND (${select.map(condition).join(' OR ')}) ORDER BY position LIMIT ?`;
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare<unknown[], SelectedRow>(sql).raw() as unknown as Statement<unknown[], SelectedRow>));
    const parameters = parametersOf(select);
    return (after, to, limit) => statement.all(...columnParameters, after, to, ...parameters, limit);
  };
}

/** What a selection takes, in SQL (its parameters: `parametersOf`). */
function condition({ types, streams }: EventSelection): string {
  const conditions = [types && 'type IN (SELECT value FROM json_each(?))', streams && 'stream_id >= ? AND stream_id < ?'].filter(Boolean);
  return conditions.length > 0 ? `(${conditions.join(' AND ')})` : 'true';
}

function parametersOf(select: readonly EventSelection[]): unknown[] {
  return select.flatMap(({ types, streams }) => [...(types ? [JSON.stringify(types)] : []), ...(streams ? [streams.from, streams.to] : [])]);
}

/** The columns a selected read reads: metadata and hashes only of the events a selection without `dataOnly` takes. */
function selectedColumns(select: readonly EventSelection[]): { columns: string; parameters: unknown[] } {
  const whole = select.filter((selection) => !selection.dataOnly);
  if (whole.length === select.length) return { columns: EVENT_COLUMNS, parameters: [] };
  if (whole.length === 0) return { columns: `${DATA_COLUMNS}, NULL, NULL, NULL`, parameters: [] };
  const takenWhole = whole.map(condition).join(' OR ');
  const ifTakenWhole = ['metadata', 'prev_hash', 'hash'].map((column) => `CASE WHEN ${takenWhole} THEN ${column} END`);
  return { columns: `${DATA_COLUMNS}, ${ifTakenWhole.join(', ')}`, parameters: ifTakenWhole.flatMap(() => parametersOf(whole)) };
}

export type EventLogStatements = ReturnType<typeof prepareEventLogStatements>;
