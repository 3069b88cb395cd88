import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ViewReader, ViewStore, ViewWriter } from '../view-store.port.js';

const OPEN = Number.MAX_SAFE_INTEGER;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS view_rows (
    view       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_to   INTEGER NOT NULL,
    value      TEXT    NOT NULL,
    PRIMARY KEY (view, key, valid_from)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT    PRIMARY KEY,
    position   INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The embedded view store: its own SQLite file beside the event log (views can always be
 * rebuilt from the log, so a lost tail after a power cut is re-applied from the checkpoint,
 * which lives in the same transaction).
 */
export class SqliteViewStore implements ViewStore {
  private readonly db: Database.Database;
  private readonly sql;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.sql = {
      current: this.db.prepare<[string, string, number], { value: string; valid_from: number }>(
        'SELECT value, valid_from FROM view_rows WHERE view = ? AND key = ? AND valid_to = ?',
      ),
      close: this.db.prepare<[number, string, string, number]>('UPDATE view_rows SET valid_to = ? WHERE view = ? AND key = ? AND valid_to = ?'),
      insert: this.db.prepare<[string, string, number, number, string]>(
        'INSERT OR REPLACE INTO view_rows (view, key, valid_from, valid_to, value) VALUES (?, ?, ?, ?, ?)',
      ),
      at: this.db.prepare<[string, string, number, number], { value: string }>(
        'SELECT value FROM view_rows WHERE view = ? AND key = ? AND valid_from <= ? AND valid_to > ? ORDER BY valid_from DESC LIMIT 1',
      ),
      listAt: this.db.prepare<[string, string, string, number, number], { key: string; value: string }>(
        `SELECT key, value FROM view_rows
          WHERE view = ? AND key >= ? AND key < ? AND valid_from <= ? AND valid_to > ? ORDER BY key`,
      ),
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE projection = ?'),
      saveCheckpoint: this.db.prepare<[string, number]>(
        'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
      ),
    };
  }

  async applyBatch(
    projection: string,
    events: ReadonlyArray<{ position: bigint }>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: { position: bigint }) => Promise<void>,
  ): Promise<void> {
    // Manual BEGIN/COMMIT: the projection's apply may await, and this connection serves
    // only the projection runner, so nothing else writes in between.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const event of events) {
        await apply(this.writerAt(Number(event.position)), event);
      }
      this.sql.saveCheckpoint.run(projection, Number(upTo));
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async checkpoint(projection: string): Promise<bigint> {
    return BigInt(this.sql.checkpoint.get(projection)?.position ?? 0);
  }

  readerAt(position: bigint): ViewReader {
    const at = Number(position);
    return {
      get: async <T>(view: string, key: string) => {
        const row = this.sql.at.get(view, key, at, at);
        return row ? (JSON.parse(row.value) as T) : undefined;
      },
      list: async <T>(view: string, prefix: string) =>
        this.sql.listAt.all(view, prefix, `${prefix}\uffff`, at, at).map((row) => ({ key: row.key, value: JSON.parse(row.value) as T })),
    };
  }

  async digest(): Promise<string> {
    const hash = createHash('sha256');
    for (const row of this.db.prepare<[], { view: string; key: string; valid_from: number; valid_to: number; value: string }>(
      'SELECT view, key, valid_from, valid_to, value FROM view_rows ORDER BY view, key, valid_from',
    ).iterate()) {
      hash.update(`${row.view}\u0000${row.key}\u0000${row.valid_from}\u0000${row.valid_to}\u0000${row.value}\n`);
    }
    return hash.digest('hex');
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private writerAt(position: number): ViewWriter {
    return {
      get: async <T>(view: string, key: string) => {
        const row = this.sql.current.get(view, key, OPEN);
        return row ? (JSON.parse(row.value) as T) : undefined;
      },
      put: async <T>(view: string, key: string, value: T) => {
        this.sql.close.run(position, view, key, OPEN);
        this.sql.insert.run(view, key, position, OPEN, JSON.stringify(value));
      },
      remove: async (view: string, key: string) => {
        this.sql.close.run(position, view, key, OPEN);
      },
    };
  }
}
