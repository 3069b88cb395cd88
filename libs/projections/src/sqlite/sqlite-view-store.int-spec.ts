import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeViewStoreContract } from '../testing/view-store.contract.js';
import { SqliteViewStore } from './sqlite-view-store.js';

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-contract-'));
let files = 0;

describeViewStoreContract('SQLite', {
  create: async () => new SqliteViewStore(join(dir, `views-${++files}.db`)),
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});

const bulkDir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-bulk-'));

describeViewStoreContract('SQLite, built in bulk (the version index kept in memory until the first read)', {
  create: async () => new SqliteViewStore(join(bulkDir, `views-${++files}.db`), { bulk: true }),
  dispose: async () => rmSync(bulkDir, { recursive: true, force: true }),
});

