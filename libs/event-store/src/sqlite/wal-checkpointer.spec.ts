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

/** A WAL database with one table, as the writing connection opens it. */
function openWritten(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE t (x TEXT)');
  return db;
}

describe('WalCheckpointer', () => {
  it('copies what the writing connection commits into the database file from its own thread', async () => {
    const file = join(dir, 'views.db');
    const db = openWritten(file);
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

describe('WalCheckpointer with a reader on another connection', () => {
  it('starts a long WAL over although another connection keeps reading', async () => {
    const file = join(dir, 'views.db');
    const db = openWritten(file);
    const reader = new Database(file);
    const count = reader.prepare('SELECT count(*) AS n FROM t');
    const checkpointer = new WalCheckpointer(db, file, 20, 64);
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    // Once the thread is up (its first checkpoint has copied a row into the file)…
    db.transaction(() => insert.run('x'.repeat(10_000)))();
    const sizeBefore = statSync(file).size;
    const started = Date.now() + 10_000;
    while (statSync(file).size === sizeBefore && Date.now() < started) await new Promise((r) => setTimeout(r, 20));
    // A writer and a reader taking turns without pause, as the projection thread and the api do.
    for (let i = 0; i < 400; i += 1) {
      db.transaction(() => insert.run('x'.repeat(10_000)))();
      count.get();
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    // 400 commits of 10 kB: without a start-over the WAL file keeps the megabytes it grew to.
    // Started over once it passes 64 pages, it ends below that (plus its header).
    const limit = 64 * (4096 + 24) + 32;
    const deadline = Date.now() + 10_000;
    while (statSync(`${file}-wal`).size > limit && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(limit);
    await checkpointer.close();
    expect(count.get()).toEqual({ n: 401 });
    reader.close();
    db.close();
  }, 30_000);
});
