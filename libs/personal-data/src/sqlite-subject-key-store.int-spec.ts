import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSubjectKeyStore } from './subject-key-store.js';
import { describeKeyStoreContract } from './testing/key-store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-keys-'));
let n = 0;
describeKeyStoreContract('SQLite', {
  create: async () => new SqliteSubjectKeyStore(join(dir, `keys-${(n += 1)}.db`)),
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});
