import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EventStoreUnavailableError } from '../event-store.errors.js';
import { SqliteEventStore } from './sqlite-event-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lagesbild-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const file = () => join(dir, 'events.db');

describe('SqliteEventStore group commit', () => {
  it('writes appends that arrive together in one transaction, each with its own check', async () => {
    const store = new SqliteEventStore({ file: file() });
    await store.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 'no_stream' });
    const before = store.stats.commits;

    const results = await Promise.allSettled([
      ...Array.from({ length: 40 }, (_, i) => store.append(`s-${i}`, [{ type: 'Probe', data: { i } }])),
      store.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 5 }), // fails alone
      store.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 0 }),
    ]);

    // The writer was idle, so what arrived together went out as two halves, each one commit.
    expect(store.stats.commits - before).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(41);
    expect(results[40]!.status).toBe('rejected');
    const stamps = new Set(
      results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.recordedAt] : [])),
    );
    // One clock reading per commit, not per append.
    expect(stamps.size).toBeLessThanOrEqual(2);
    expect(await store.headPosition()).toBe(42n);
    await store.close();
  });

  it('keeps recordedAt monotonic with position when a simulated clock goes backwards', async () => {
    const times = [Date.parse('2018-03-01T10:00:00Z'), Date.parse('2018-02-01T10:00:00Z')];
    const store = new SqliteEventStore({ file: file(), clock: () => new Date(times.shift() ?? 0) });
    const a = await store.append('clock', [{ type: 'Probe', data: {} }]);
    const b = await store.append('clock', [{ type: 'Probe', data: {} }]);
    expect(a.recordedAt).toBe('2018-03-01T10:00:00.000Z');
    expect(b.recordedAt).toBe('2018-03-01T10:00:00.000Z');
    await store.close();
  });

  it('fails every append of a batch whose transaction cannot be written, and keeps none of it', async () => {
    // A size quota makes SQLite refuse to grow the log: the same path as a full disk.
    const store = new SqliteEventStore({ file: file(), maxSizeBytes: 64 * 1024 });
    await store.append('before', [{ type: 'Probe', data: {} }]);
    const failed = await Promise.allSettled([
      store.append('a', [{ type: 'Probe', data: { big: 'x'.repeat(200_000) } }]),
      store.append('b', [{ type: 'Probe', data: { big: 'y'.repeat(200_000) } }]),
    ]);
    for (const r of failed) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(EventStoreUnavailableError);
    }
    expect(await store.headPosition()).toBe(1n);
    await store.close();
  });
});
