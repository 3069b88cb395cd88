import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { SqliteSubjectKeyStore } from './subject-key-store.js';
import { SubjectVault } from './subject-vault.js';

describe('subject vault on the embedded key store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-vault-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('seals under a key of the subject’s own, opens while the key lives, and never again once destroyed', async () => {
    const keys = new SqliteSubjectKeyStore(join(dir, 'keys.db'));
    const vault = new SubjectVault(keys);
    const sealed = await vault.seal('s-1', { name: 'Åsa Öberg', personalIdentityNumber: '19800101-1234' });
    expect(sealed).not.toContain('Åsa');
    expect(await vault.open('s-1', sealed)).toEqual({ name: 'Åsa Öberg', personalIdentityNumber: '19800101-1234' });
    // A sealed text of another subject does not open under this one's key.
    const other = await vault.seal('s-2', { name: 'Bo' });
    await expect(vault.open('s-1', other)).rejects.toThrow();

    const key = (await keys.get('s-1'))!;
    await vault.erase('s-1');
    expect(await vault.open('s-1', sealed)).toBeUndefined();
    expect(await vault.open('s-2', other)).toEqual({ name: 'Bo' });
    await keys.close();
    // The destroyed key's bytes are in no file of the store.
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(key)).toBe(false);
  });
});
