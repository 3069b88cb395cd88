import type { KeyObject } from 'node:crypto';
import type { EventStore, VerificationResult, VerifyOptions } from '../event-store.port.js';
import { checkAnchors } from './log-anchor.js';
import { type SignedCheckpoint, isSignedByKey } from './signed-checkpoint.js';

/**
 * Checks signed checkpoints against the log: each must carry the key's signature over what it
 * says, and the log's chain hash at its position must still be the one it signed.
 */
export async function checkCheckpoints(store: EventStore, checkpoints: readonly SignedCheckpoint[], publicKey: KeyObject): Promise<VerificationResult> {
  for (const [checked, checkpoint] of checkpoints.entries()) {
    if (!isSignedByKey(publicKey, checkpoint)) {
      return { ok: false, checked, firstBrokenPosition: BigInt(checkpoint.position), reason: 'the checkpoint is not signed by the signing key' };
    }
  }
  return checkAnchors(store, checkpoints.map((c) => ({ position: BigInt(c.position), hash: c.hash })));
}

/**
 * The chain, then every anchor check: ok with the number of events checked, or the failure at
 * the lowest position (the first place the log no longer matches what was kept elsewhere).
 */
export async function verifyWithAnchors(store: EventStore, checks: ReadonlyArray<() => Promise<VerificationResult>>, options: VerifyOptions = {}): Promise<VerificationResult> {
  const chain = await store.verify(options);
  if (!chain.ok) return chain;
  let first: VerificationResult | undefined;
  for (const check of checks) {
    const result = await check();
    if (!result.ok && (first === undefined || result.firstBrokenPosition! < first.firstBrokenPosition!)) first = result;
  }
  return first ? { ...first, checked: chain.checked } : chain;
}
