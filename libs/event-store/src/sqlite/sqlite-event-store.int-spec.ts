import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
