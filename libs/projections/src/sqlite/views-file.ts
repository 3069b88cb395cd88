import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/** `valid_to` of a key's open version: it runs until a later one replaces it. */
export const OPEN = Number.MAX_SAFE_INTEGER;

/**
 * The layout of the rows (`PRAGMA user_version`): 2 = views stored as `<view>@v<version>`;
 * 3 = values apart from the versions that point at them.
 */
const LAYOUT_VERSION = 3;

/**
 * `view_rows` is the version index: small entries, so finding the version valid at a position
 * is a short walk down a dense tree. The values (often over a kilobyte of JSON) live in
 * `view_values`, appended by rowid and fetched by it; inline, they spilled onto overflow pages
 * that every lookup and range scan dragged along.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS view_rows (
    view       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_to   INTEGER NOT NULL,
    value_id   INTEGER NOT NULL,
    PRIMARY KEY (view, key, valid_from)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS view_values (
    id    INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: parsed values are remembered by id
    value TEXT    NOT NULL
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT    PRIMARY KEY,
    position   INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * How a connection uses the views' file. `writing`: the projections' own (WAL, a commit per
 * batch). `reading`: a second connection that only reads views another connection writes (and
 * has opened first: the writer sets the file up). `bulk`: a new file built from scratch that
 * nobody reads until it is done and that is thrown away if the build stops (no journal, no syncs).
 */
export type ViewsFileUse = 'writing' | 'reading' | 'bulk';

/** Opens the views' file for a use, laid out in the current layout unless only read. */
export function openViewsFile(file: string, use: ViewsFileUse): Database.Database {
  const db = new Database(file);
  if (use === 'bulk') {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
  } else {
    if (use === 'writing') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    // The checkpointer's TRUNCATE holds writes back for a moment: wait, do not fail the batch.
    db.pragma('busy_timeout = 5000');
  }
  if (use !== 'reading') upgrade(db);
  return db;
}

/**
 * Views are disposable: a file written in an older layout (before `<view>@v<version>`
 * names) is emptied, and the projections rebuild it from the log.
 */
function upgrade(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < LAYOUT_VERSION) db.exec('DROP TABLE IF EXISTS view_rows; DROP TABLE IF EXISTS view_values; DROP TABLE IF EXISTS checkpoints;');
  db.exec(SCHEMA);
  if (version !== LAYOUT_VERSION) db.pragma(`user_version = ${LAYOUT_VERSION}`);
}

/** Removes a views' file and what SQLite keeps beside it (a build's leftovers). */
export function removeViewsFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** A projection's checkpoint, read and stored (the store, in the caller's transaction). */
export function checkpointStatements(db: Database.Database) {
  return {
    checkpoint: db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE projection = ?'),
    saveCheckpoint: db.prepare<[string, number]>(
      'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
    ),
  };
}
