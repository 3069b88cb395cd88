import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, test } from '@jest/globals';
import type { SubjectKeyStore } from '../subject-key-store.js';
import { SubjectVault } from '../subject-vault.js';

export interface KeyStoreContractOptions {
  create: () => Promise<SubjectKeyStore>;
  dispose?: () => Promise<void>;
  skipReason?: string;
}

/** What every subject key store does, whichever database holds the keys. */
export function describeKeyStoreContract(adapter: string, options: KeyStoreContractOptions): void {
  if (options.skipReason) {
    process.stderr.write(`\n  SKIPPED: subject key store contract suite for ${adapter} — ${options.skipReason}\n\n`);
    describe(`subject key store contract: ${adapter}`, () => {
      test.skip(`SKIPPED — ${options.skipReason}`, () => undefined);
    });
    return;
  }
  describe(`subject key store contract: ${adapter}`, () => {
    afterAll(async () => {
      await options.dispose?.();
    });

    it('keeps the first key of a subject, gives it back, and forgets it when destroyed', async () => {
      const store = await options.create();
      try {
        const first = randomBytes(32);
        await store.create('s-1', first);
        await store.create('s-1', randomBytes(32));
        expect((await store.get('s-1'))!.equals(first)).toBe(true);
        expect(await store.get('s-2')).toBeUndefined();
        await store.destroy('s-1');
        expect(await store.get('s-1')).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it('lets the vault open a subject until its key is destroyed, and never after', async () => {
      const store = await options.create();
      try {
        const vault = new SubjectVault(store);
        const sealed = await vault.seal('s-3', { name: 'Åke Ärlig', personalIdentityNumber: '19700101-0101' });
        expect(await vault.open('s-3', sealed)).toEqual({ name: 'Åke Ärlig', personalIdentityNumber: '19700101-0101' });
        await vault.erase('s-3');
        expect(await vault.open('s-3', sealed)).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
}
