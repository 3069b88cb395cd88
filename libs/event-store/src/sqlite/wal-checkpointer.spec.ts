import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { WalCheckpointer } from './wal-checkpointer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lagesbild-checkpointer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('WalCheckpointer', () => {
  it('copies what the writing connection commits into the database file from its own thread', async () => {
    const file = join(dir, 'views.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x TEXT)');
    const checkpointer = new WalCheckpointer(db, file, 50);
    const sizeBefore = statSync(file).size;

    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 20; i += 1) db.transaction(() => insert.run('x'.repeat(50_000)))();
    // The writer no longer checkpoints by itself: everything is still in the WAL alone.
    expect(statSync(file).size).toBe(sizeBefore);

    const deadline = Date.now() + 10_000;
    while (statSync(file).size < 1_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(1_000_000);

    await checkpointer.close();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 20 });
    db.close();
  }, 30_000);
});
