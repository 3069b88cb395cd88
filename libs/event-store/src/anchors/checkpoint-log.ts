import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SignedCheckpoint } from './signed-checkpoint.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS checkpoints (
  position INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  signed_text TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT`;

type Row = { position: bigint; hash: string; at: string; signed_text: string; signature: string };

const toCheckpoint = (row: Row): SignedCheckpoint => ({
  position: row.position.toString(),
  hash: row.hash,
  at: row.at,
  signedText: row.signed_text,
  signature: row.signature,
});

/**
 * Signed checkpoints in a file of their own beside the log (`checkpoints.db`), not in it: a
 * checkpoint among the events it vouches for would be rewritten along with them. Whoever edits
 * this file still cannot sign, so a forged or altered checkpoint fails its signature check.
 */
export class CheckpointLog {
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  /** Keeps a checkpoint; one a position (a second for the same head changes nothing). */
  add(checkpoint: SignedCheckpoint): void {
    this.db
      .prepare('INSERT OR IGNORE INTO checkpoints (position, hash, at, signed_text, signature) VALUES (?, ?, ?, ?, ?)')
      .run(BigInt(checkpoint.position), checkpoint.hash, checkpoint.at, checkpoint.signedText, checkpoint.signature);
  }

  /** The checkpoints after a position, oldest first. */
  after(position: bigint, limit = Number.MAX_SAFE_INTEGER): SignedCheckpoint[] {
    const rows = this.db.prepare('SELECT * FROM checkpoints WHERE position > ? ORDER BY position LIMIT ?').safeIntegers(true).all(position, BigInt(limit)) as Row[];
    return rows.map(toCheckpoint);
  }

  /** The newest checkpoint's position (0 when there is none). */
  lastPosition(): bigint {
    const row = this.db.prepare('SELECT max(position) AS position FROM checkpoints').safeIntegers(true).get() as { position: bigint | null };
    return row.position ?? 0n;
  }

  close(): void {
    this.db.close();
  }
}
