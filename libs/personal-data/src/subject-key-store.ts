import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Where the subjects' keys live: outside the event log, so destroying one erases its subject for good. */
export interface SubjectKeyStore {
  /** A new random key for a subject (an existing one is kept). */
  create(subjectId: string, key: Buffer): Promise<void>;
  get(subjectId: string): Promise<Buffer | undefined>;
  /** Destroys the key so that no copy of it remains in the store's files. */
  destroy(subjectId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded key store: its own SQLite file. `secure_delete` overwrites a deleted key's
 * bytes, and each destruction is checkpointed out of the WAL and the WAL truncated, so the
 * key survives in no page of any file.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID');
  }

  async create(subjectId: string, key: Buffer): Promise<void> {
    this.db.prepare('INSERT OR IGNORE INTO subject_keys (subject_id, key) VALUES (?, ?)').run(subjectId, key);
  }

  async get(subjectId: string): Promise<Buffer | undefined> {
    return this.db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject_id = ?').get(subjectId)?.key;
  }

  async destroy(subjectId: string): Promise<void> {
    this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
