import { createHash, hash } from 'node:crypto';

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
  return hash('sha256', text, 'hex');
}

/**
 * A UUID (version 8: custom) derived from a text, so the same text always names the same
 * thing: a retried append writes the same event ids, a retried create addresses the same stream.
 */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Default idempotency fingerprint: the stream and what the events say, not their ids. */
export function appendFingerprint(streamId: string, events: readonly { type: string; data: unknown }[]): string {
  const hash = createHash('sha256').update(streamId);
  for (const e of events) hash.update('\n').update(e.type).update('\n').update(JSON.stringify(e.data));
  return hash.digest('hex');
}
