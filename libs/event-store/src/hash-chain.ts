import { createHash } from 'node:crypto';

/** The predecessor hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a stored event that its hash covers, with data and metadata as stored text. */
export interface HashedFields {
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  dataJson: string;
  metadataJson: string;
}

/**
 * Tamper evidence: each event's hash covers its own content and its predecessor's hash, so
 * changing, removing or reordering a stored event breaks the chain from that event on.
 */
export function chainHash(prevHash: string, e: HashedFields): string {
  // One string, one native call: this runs for every appended event.
  const text = `${prevHash}\n${e.eventId}\n${e.streamId}\n${e.revision}\n${e.type}\n${e.schemaVersion}\n${e.recordedAt}\n${e.dataJson}\n${e.metadataJson}`;
  return createHash('sha256').update(text).digest('hex');
}

/** Default idempotency fingerprint: the stream and what the events say, not their ids. */
export function appendFingerprint(streamId: string, events: readonly { type: string; data: unknown }[]): string {
  const hash = createHash('sha256').update(streamId);
  for (const e of events) hash.update('\n').update(e.type).update('\n').update(JSON.stringify(e.data));
  return hash.digest('hex');
}
