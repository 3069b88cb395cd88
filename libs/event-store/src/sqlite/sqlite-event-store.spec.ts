import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { StoredEvent } from '../event-envelope.js';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { EventSelection } from '../event-store.port.js';
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
    // Nothing of the failed batch is remembered: the stream still does not exist.
    await expect(store.append('a', [{ type: 'Probe', data: {} }], { expectedRevision: 'no_stream' })).resolves.toMatchObject({
      nextExpectedRevision: 0,
    });
    await store.close();
  });

  it('checks expected revisions against appends made through another connection to the same log', async () => {
    const first = new SqliteEventStore({ file: file() });
    const second = new SqliteEventStore({ file: file() });
    await first.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 'no_stream' });
    await second.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 0 });

    // The first writer last saw revision 0; the log says 1.
    await expect(first.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 0 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    await expect(first.append('shared', [{ type: 'Probe', data: {} }], { expectedRevision: 1 })).resolves.toMatchObject({
      nextExpectedRevision: 2,
    });
    await Promise.all([first.close(), second.close()]);
  });
});

describe('SqliteEventStore stream index', () => {
  const streamOf = async (store: SqliteEventStore, streamId: string, options = {}) =>
    (await store.readStream(streamId, options)).map((e) => [e.revision, (e.data as { n: number }).n]);

  it('reads a stream whole and in order while its events lie partly in the index and partly above it', async () => {
    // The writer moves events into the index after every few, so reads straddle its watermark.
    const store = new SqliteEventStore({ file: file(), indexAfter: 3 });
    const expected: Record<string, [number, number][]> = { a: [], b: [] };
    for (let n = 0; n < 40; n += 1) {
      const streamId = n % 3 === 0 ? 'b' : 'a';
      const events = n % 5 === 0 ? [{ type: 'Probe', data: { n } }, { type: 'Probe', data: { n: n + 1000 } }] : [{ type: 'Probe', data: { n } }];
      const revision = expected[streamId]!.length - 1;
      await store.append(streamId, events, { expectedRevision: revision === -1 ? 'no_stream' : revision });
      for (const e of events) expected[streamId]!.push([expected[streamId]!.length, e.data.n]);
      expect(await streamOf(store, streamId)).toEqual(expected[streamId]);
    }
    const db = new Database(file(), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM stream_index').get()).not.toEqual({ n: 0 });
    db.close();
    expect(await streamOf(store, 'a', { fromRevision: 10 })).toEqual(expected.a!.slice(10));
    const tenth = (await store.readStream('b'))[10]!.position;
    expect(await streamOf(store, 'b', { toPosition: tenth })).toEqual(expected.b!.slice(0, 11));
    // A stale expected revision is refused wherever the stream's last event lies.
    await expect(store.append('a', [{ type: 'Probe', data: {} }], { expectedRevision: 3 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    await store.close();

    const reopened = new SqliteEventStore({ file: file() });
    expect(await streamOf(reopened, 'a')).toEqual(expected.a);
    expect(await streamOf(reopened, 'b')).toEqual(expected.b);
    await reopened.close();
  }, 30_000);

  it('indexes, when it opens, a log whose stream index is missing', async () => {
    const store = new SqliteEventStore({ file: file() });
    await store.append('old', [1, 2, 3].map((n) => ({ type: 'Probe', data: { n } })));
    await store.append('other', [{ type: 'Probe', data: { n: 9 } }]);
    await store.close();
    const db = new Database(file());
    db.exec('DROP TABLE stream_index; DROP TABLE stream_index_state');
    db.close();

    const reopened = new SqliteEventStore({ file: file() });
    expect(await streamOf(reopened, 'old')).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    await expect(reopened.append('old', [{ type: 'Probe', data: {} }], { expectedRevision: 1 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    await reopened.close();
  }, 30_000);
});

describe('SqliteEventStore read for data alone (a rebuild of projections that read no metadata)', () => {
  it('hands over the events only data-only selections take with empty metadata and hashes, unread, and the others whole', async () => {
    const store = new SqliteEventStore({ file: file() });
    const metadata = { correlationId: 'c-1', actor: { id: 'a', name: 'Anna', roles: [], org: '20' } };
    await store.append('s', [
      { type: 'Probe', data: { n: 1 }, metadata },
      { type: 'Other', data: { n: 2 }, metadata },
      { type: 'Both', data: { n: 3 }, metadata },
    ]);
    const read = async (select: EventSelection[]) => {
      const events = [];
      for await (const event of store.readAll({ select })) events.push(event);
      return events;
    };
    const whole = await read([{}]);
    expect(whole.map((e) => e.metadata)).toEqual([metadata, metadata, metadata]);
    expect(whole.map((e) => e.hash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    const dataOnly = (event: StoredEvent) => ({ ...event, metadata: {}, prevHash: '', hash: '' });
    expect(await read([{ dataOnly: true }])).toEqual(whole.map(dataOnly));
    expect(await read([{ types: ['Probe', 'Both'], dataOnly: true }, { types: ['Other', 'Both'] }])).toEqual([dataOnly(whole[0]!), whole[1], whole[2]]);
    await store.close();
  });
});

describe('SqliteEventStore read-only (a second connection, e.g. on the projection thread)', () => {
  it('refuses appends, reads what the writer committed, and wakes its watchers and subscribers when told of a commit', async () => {
    const writer = new SqliteEventStore({ file: file() });
    await writer.append('s', [{ type: 'Probe', data: { n: 1 } }]);
    const reader = new SqliteEventStore({ file: file(), readOnly: true });
    await expect(reader.append('s', [{ type: 'Probe', data: {} }])).rejects.toThrow('only reads');

    const heads: bigint[] = [];
    writer.watchHead((head) => heads.push(head));
    const seen: bigint[] = [];
    const subscription = reader.subscribeAll(0n, (event) => {
      seen.push(event.position);
    });
    const until = async (n: number) => {
      const deadline = Date.now() + 5000;
      while (seen.length < n && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await until(1);
    const written = await writer.append('s', [{ type: 'Probe', data: { n: 2 } }]);
    expect(heads).toEqual([2n]);
    // The reader's subscription does not poll: it learns of the commit when told.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([1n]);
    reader.headMoved(written.position);
    await until(2);
    expect(seen).toEqual([1n, 2n]);
    expect((await reader.readStream('s')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);

    await subscription.close();
    await reader.close();
    await writer.close();
  });
});
