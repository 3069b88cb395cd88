import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { runUntilKilled } from '../testing/kill-child.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const child = fileURLToPath(new URL('../testing/append-until-killed.ts', import.meta.url));

interface Ack {
  streamId: string;
  revision: number;
  position: bigint;
}

/** Runs the appending child until it has acknowledged `atLeast` appends, then SIGKILLs it. */
async function appendThenKill(file: string, run: string, atLeast: number): Promise<Ack[]> {
  const acks: Ack[] = [];
  await runUntilKilled(child, [file, run], ([word, streamId, revision, position]) => {
    if (word === 'ack') acks.push({ streamId: streamId!, revision: Number(revision), position: BigInt(position!) });
    // Kill at a moment that does not line up with any batch: the acks keep arriving.
    return acks.length >= atLeast;
  });
  return acks;
}

describe('embedded event log durability and tamper evidence', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lagesbild-durability-'));
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged event, in order and without a gap, after SIGKILL mid-run', async () => {
    const first = await appendThenKill(file, 'first', 400);
    const second = await appendThenKill(file, 'second', 300); // restart on the same file, kill again
    const acks = [...first, ...second];

    const store = new SqliteEventStore({ file });
    try {
      const head = await store.headPosition();
      const positions: bigint[] = [];
      const byPosition = new Map<bigint, { streamId: string; revision: number }>();
      for await (const event of store.readAll()) {
        positions.push(event.position);
        byPosition.set(event.position, { streamId: event.streamId, revision: event.revision });
      }
      expect(positions).toEqual(Array.from({ length: Number(head) }, (_, i) => BigInt(i + 1)));
      for (const ack of acks) {
        expect(byPosition.get(ack.position)).toEqual({ streamId: ack.streamId, revision: ack.revision });
      }
      expect(head).toBeGreaterThanOrEqual(BigInt(Math.max(...acks.map((a) => Number(a.position)))));
      expect(await store.verify()).toEqual({ ok: true, checked: Number(head) });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('names the position of an event whose bytes were changed in the database file', async () => {
    const store = new SqliteEventStore({ file });
    for (let i = 1; i <= 30; i += 1) {
      await store.append(`tamper-${i % 3}`, [{ type: 'TamperProbeAppended', data: { marker: `MARKER-${i}-END` } }]);
    }
    await store.close();
    // Move the WAL's pages into the main file, so the bytes live where we change them.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    const bytes = readFileSync(file);
    const at = bytes.indexOf('MARKER-17-END');
    expect(at).toBeGreaterThan(0);
    bytes[at + 'MARKER-'.length] = '9'.charCodeAt(0); // MARKER-17 becomes MARKER-97
    writeFileSync(file, bytes);

    const reopened = new SqliteEventStore({ file });
    try {
      const result = await reopened.verify();
      expect(result).toMatchObject({ ok: false, checked: 16, firstBrokenPosition: 17n });
      expect(result.reason).toMatch(/content/);
    } finally {
      await reopened.close();
    }
  });

  it('detects a removed event by the gap it leaves', async () => {
    const store = new SqliteEventStore({ file });
    for (let i = 1; i <= 10; i += 1) await store.append('gap', [{ type: 'GapProbeAppended', data: { i } }]);
    await store.close();
    const db = new Database(file);
    db.prepare('DELETE FROM events WHERE position = 6').run();
    db.close();

    const reopened = new SqliteEventStore({ file });
    try {
      expect(await reopened.verify()).toMatchObject({ ok: false, checked: 5, firstBrokenPosition: 6n });
    } finally {
      await reopened.close();
    }
  });
});
