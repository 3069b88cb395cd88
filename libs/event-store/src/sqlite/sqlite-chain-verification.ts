import type { VerificationResult, VerifyOptions } from '../event-store.port.js';
import { GENESIS_HASH, chainHash } from '../hash-chain.js';
import type { EventLogStatements } from './sqlite-event-log.schema.js';
import { upToPosition } from './sqlite-log-reader.js';

const PAGE_SIZE = 5000;

/**
 * Walks the embedded log from its first position and checks that none is missing and that
 * every event's hash covers its content and its predecessor's hash.
 */
export async function verifyHashChain(sql: EventLogStatements, options: VerifyOptions): Promise<VerificationResult> {
  const upTo = upToPosition(options.toPosition);
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = sql.readPage.all(expected - 1, upTo, PAGE_SIZE);
    for (const [position, eventId, streamId, revision, type, schemaVersion, recordedAt, dataJson, metadataJson, prev, hash] of rows) {
      const broken = (reason: string): VerificationResult => ({
        ok: false,
        checked,
        firstBrokenPosition: BigInt(expected),
        reason,
      });
      if (position !== expected) return broken(`event at position ${expected} is missing`);
      if (prev !== prevHash) return broken('predecessor hash does not match');
      if (chainHash(prevHash, { eventId, streamId, revision, type, schemaVersion, recordedAt, dataJson, metadataJson }) !== hash) {
        return broken('content does not match its hash');
      }
      prevHash = hash;
      expected += 1;
      checked += 1;
    }
    if (rows.length > 0) options.onProgress?.(checked, BigInt(expected - 1));
    if (rows.length < PAGE_SIZE) return { ok: true, checked };
    // Let the server answer requests between pages of a long walk.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
