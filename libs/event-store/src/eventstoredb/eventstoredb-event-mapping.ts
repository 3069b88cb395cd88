import { randomUUID } from 'node:crypto';
import { START, jsonEvent, type AllStreamResolvedEvent, type ReadPosition, type ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, NewEvent, StoredEvent } from '../event-envelope.js';
import type { IdempotentAppend } from '../event-store.port.js';
import { chainHash, uuidFrom } from '../hash-chain.js';

/** How our envelope rides in an EventStoreDB event's metadata. */
interface StoredMetadata {
  meta: EventMetadata;
  envelope: { schemaVersion: number; recordedAt: string; prevHash: string; hash: string; fingerprint?: string };
}

/** Where in a stream an append writes, and what it carries besides its events. */
export interface AppendPlace {
  streamId: string;
  /** The stream's revision before the append (-1: no stream yet). */
  current: number;
  /** The hash of the stream's last event (the genesis hash for a new stream). */
  prevHash: string;
  recordedAt: string;
  idempotencyKey: string | undefined;
  fingerprint: string | undefined;
}

/** A position of ours as a place to read `$all` from: `$all`'s commit positions are our positions. */
export const readPositionOf = (position: bigint): ReadPosition => (position === 0n ? START : { commit: position, prepare: position });

/**
 * The events of an append as EventStoreDB events: each carries our envelope in its metadata,
 * chained by hash to the one before it in the stream. Under an idempotency key their ids are
 * derived from the key, and the first carries the append's fingerprint.
 */
export function toEventStoreDbEvents(events: readonly NewEvent[], place: AppendPlace) {
  const { streamId, current, recordedAt, idempotencyKey: key, fingerprint } = place;
  let prevHash = place.prevHash;
  return events.map((event, i) => {
    const meta: EventMetadata = { ...event.metadata, ...(key !== undefined ? { idempotencyKey: key } : {}) };
    const eventId = key !== undefined ? idempotentEventId(key, i) : (event.eventId ?? randomUUID());
    const schemaVersion = event.schemaVersion ?? 1;
    const hash = chainHash(prevHash, {
      eventId,
      streamId,
      revision: current + 1 + i,
      type: event.type,
      schemaVersion,
      recordedAt,
      dataJson: JSON.stringify(event.data ?? null),
      metadataJson: JSON.stringify(meta),
    });
    const metadata: StoredMetadata = {
      meta,
      envelope: { schemaVersion, recordedAt, prevHash, hash, ...(i === 0 && fingerprint ? { fingerprint } : {}) },
    };
    prevHash = hash;
    return jsonEvent({ id: eventId, type: event.type, data: (event.data ?? null) as never, metadata });
  });
}

/** One of our events from what EventStoreDB read; none for its system events and events not written by us. */
export function toStoredEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | undefined {
  const recorded = resolved.event;
  if (!recorded || recorded.type.startsWith('$') || recorded.streamId.startsWith('$') || !recorded.isJson) {
    return undefined;
  }
  const stored = recorded.metadata as unknown as StoredMetadata | undefined;
  if (!stored?.envelope) return undefined;
  return {
    eventId: recorded.id,
    type: recorded.type,
    schemaVersion: stored.envelope.schemaVersion,
    streamId: recorded.streamId,
    revision: Number(recorded.revision),
    position: recorded.position?.commit ?? resolved.commitPosition ?? 0n,
    recordedAt: stored.envelope.recordedAt,
    data: recorded.data,
    metadata: stored.meta,
    prevHash: stored.envelope.prevHash,
    hash: stored.envelope.hash,
    ...(stored.envelope.fingerprint ? { fingerprint: stored.envelope.fingerprint } : {}),
  } as StoredEvent;
}

/** The hash a stored event's content chains to after its predecessor's hash. */
export function hashOf(event: StoredEvent, prevHash: string): string {
  return chainHash(prevHash, {
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt,
    dataJson: JSON.stringify(event.data),
    metadataJson: JSON.stringify(event.metadata),
  });
}

/** The event ids an idempotency key gives an append, so a retry writes the very same ids. */
const idempotentEventId = (key: string, index: number) => uuidFrom(`${key}\u0000${index}`);

/** The append a key already made in this stream, found by its first event's derived id. */
export function idempotentAppendIn(existing: StoredEvent[], key: string, streamId: string): IdempotentAppend | undefined {
  const firstId = idempotentEventId(key, 0);
  const first = existing.find((e) => e.eventId === firstId) as (StoredEvent & { fingerprint?: string }) | undefined;
  if (!first) return undefined;
  const batch = existing.filter((e) => e.metadata.idempotencyKey === key);
  const last = batch[batch.length - 1] ?? first;
  return {
    fingerprint: first.fingerprint ?? '',
    result: {
      streamId,
      nextExpectedRevision: last.revision,
      firstPosition: first.position,
      position: last.position,
      recordedAt: first.recordedAt,
      duplicate: true,
    },
  };
}
