import type { EventStore, VerificationResult } from '../event-store.port.js';

/** A log digest kept outside the log: the chain hash of the event at a position. */
export interface LogAnchor {
  position: bigint;
  hash: string;
}

const ANCHOR = /^(\d{1,19}):([0-9a-f]{64})$/;

/** `POSITION:HASH` (a position from 1 and a SHA-256 in hex), or undefined when it is not one. */
export function parseAnchor(text: string): LogAnchor | undefined {
  const match = ANCHOR.exec(text.trim().toLowerCase());
  if (!match || BigInt(match[1]!) < 1n) return undefined;
  return { position: BigInt(match[1]!), hash: match[2]! };
}

export const formatAnchor = (anchor: LogAnchor) => `${anchor.position}:${anchor.hash}`;

/** The chain hash of the event at a position, or undefined when the log has none there. */
export async function hashAt(store: EventStore, position: bigint): Promise<string | undefined> {
  let hash: string | undefined;
  if (position > 0n) for await (const event of store.readAll({ fromPosition: position - 1n, toPosition: position })) hash = event.hash;
  return hash;
}

/**
 * Checks the log against digests kept elsewhere. A rewritten event whose chain was recomputed
 * still changes every later hash, so the first anchor at or after it no longer matches.
 */
export async function checkAnchors(store: EventStore, anchors: readonly LogAnchor[]): Promise<VerificationResult> {
  const ordered = [...anchors].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  let checked = 0;
  for (const anchor of ordered) {
    const hash = await hashAt(store, anchor.position);
    if (hash === undefined) return { ok: false, checked, firstBrokenPosition: anchor.position, reason: 'the log has no event at the anchored position' };
    if (hash !== anchor.hash) return { ok: false, checked, firstBrokenPosition: anchor.position, reason: 'the chain hash differs from the anchored one' };
    checked += 1;
  }
  return { ok: true, checked };
}
