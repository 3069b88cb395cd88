import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { describeEventStoreContract } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

let dir: string;

describeEventStoreContract('embedded SQLite', {
  create: async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagesbild-contract-'));
    return new SqliteEventStore({ file: join(dir, 'events.db') });
  },
  dispose: () => rm(dir, { recursive: true, force: true }),
});

describe('embedded SQLite log, read by type', () => {
  it('skips the events of other types without handing them over', async () => {
    const where = await mkdtemp(join(tmpdir(), 'lagesbild-types-'));
    const store = new SqliteEventStore({ file: join(where, 'events.db') });
    try {
      await store.append('s-1', [{ type: 'A', data: {} }, { type: 'B', data: {} }, { type: 'A', data: {} }, { type: 'C', data: {} }]);
      const read: string[] = [];
      for await (const event of store.readAll({ select: [{ types: ['A', 'C'] }], batchSize: 2 })) read.push(`${event.type}@${event.position}`);
      expect(read).toEqual(['A@1', 'A@3', 'C@4']);
    } finally {
      await store.close();
      await rm(where, { recursive: true, force: true });
    }
  });

  it('skips what none of several selections takes, in SQL, and hands each event over once', async () => {
    const where = await mkdtemp(join(tmpdir(), 'lagesbild-select-'));
    const store = new SqliteEventStore({ file: join(where, 'events.db') });
    try {
      await store.append('s-1', [{ type: 'A', data: {} }, { type: 'B', data: {} }]);
      await store.append('s-2', [{ type: 'A', data: {} }, { type: 'B', data: {} }]);
      await store.append('s-3', [{ type: 'A', data: {} }, { type: 'C', data: {} }]);
      const read: string[] = [];
      const select = [{ types: ['C'] }, { types: ['A', 'C'], streams: { from: 's-2', to: 's-3' } }, { streams: { from: 's-3', to: 's-4' } }];
      for await (const event of store.readAll({ select, batchSize: 2 })) read.push(`${event.streamId}/${event.type}@${event.position}`);
      expect(read).toEqual(['s-2/A@3', 's-3/A@5', 's-3/C@6']);
    } finally {
      await store.close();
      await rm(where, { recursive: true, force: true });
    }
  });
});
