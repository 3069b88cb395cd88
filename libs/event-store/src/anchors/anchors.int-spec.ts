import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { rewriteHistory } from '../testing/rewrite-history.js';
import { CheckpointLog } from './checkpoint-log.js';
import { checkAnchors, hashAt, parseAnchor } from './log-anchor.js';
import { signCheckpoint } from './signed-checkpoint.js';
import { checkCheckpoints, verifyWithAnchors } from './verify-checkpoints.js';

describe('anchors against an insider who rewrites the log and recomputes its chain', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagesbild-anchors-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore({ file });
    await store.append('report-2085', [{ type: 'Reported', data: { level: 1 } }, { type: 'Reported', data: { level: 2 } }]);
    await store.append('report-2062', [{ type: 'Reported', data: { level: 0 } }]);
    await store.append('report-2085', [{ type: 'Amended', data: { level: 3 } }]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Takes the anchors, closes the store, rewrites position 2 as an insider would, and opens it again. */
  async function attack() {
    const anchors = [3n, 4n].map(async (position) => ({ position, hash: (await hashAt(store, position))! }));
    const taken = await Promise.all(anchors);
    const checkpoints = new CheckpointLog(join(dir, 'checkpoints.db'));
    checkpoints.add(signCheckpoint(privateKey, taken[1]!, '2026-03-01T00:00:00.000Z'));
    await store.close();
    rewriteHistory(file, 2, (data) => ({ ...data, level: 0 }));
    store = new SqliteEventStore({ file });
    return { taken, checkpoints };
  }

  it('passes the plain chain check, yet fails every anchor at or after the rewritten event', async () => {
    const { taken, checkpoints } = await attack();
    try {
      expect(await store.verify()).toMatchObject({ ok: true, checked: 4 });
      const anchored = await verifyWithAnchors(store, [() => checkAnchors(store, taken)]);
      expect(anchored).toMatchObject({ ok: false, checked: 4, firstBrokenPosition: 3n, reason: 'the chain hash differs from the anchored one' });
      const signed = await checkCheckpoints(store, checkpoints.after(0n), publicKey);
      expect(signed).toMatchObject({ ok: false, firstBrokenPosition: 4n });
    } finally {
      checkpoints.close();
    }
  });

  it('passes anchors and checkpoints of a log nobody touched', async () => {
    const head = { position: 4n, hash: (await hashAt(store, 4n))! };
    const checkpoint = signCheckpoint(privateKey, head, '2026-03-01T00:00:00.000Z');
    expect(await checkCheckpoints(store, [checkpoint], publicKey)).toEqual({ ok: true, checked: 1 });
    expect(parseAnchor(`4:${head.hash}`)).toEqual(head);
  });

  it('refuses a checkpoint re-signed by another key or altered to the recomputed hash', async () => {
    const { checkpoints } = await attack();
    try {
      const [kept] = checkpoints.after(0n);
      const recomputed = (await hashAt(store, 4n))!;
      const altered = { ...kept!, hash: recomputed, signedText: kept!.signedText.replace(kept!.hash, recomputed) };
      expect(await checkCheckpoints(store, [altered], publicKey)).toMatchObject({ ok: false, firstBrokenPosition: 4n, reason: 'the checkpoint is not signed by the signing key' });
      const forged = signCheckpoint(generateKeyPairSync('ed25519').privateKey, { position: 4n, hash: recomputed }, kept!.at);
      expect(await checkCheckpoints(store, [forged], publicKey)).toMatchObject({ ok: false, firstBrokenPosition: 4n });
    } finally {
      checkpoints.close();
    }
  });
});
