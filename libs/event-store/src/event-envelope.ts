/** Who caused an event: taken from the verified token, never from the request body. */
export interface Actor {
  id: string;
  name: string;
  roles: string[];
  org: string;
}

/**
 * Metadata of every stored event (ARCHITECTURE.md "Envelope"). Open for additions such as
 * `simulated` (seeders running on a simulated clock) or `importedFrom`.
 */
export interface EventMetadata {
  actor?: Actor;
  idempotencyKey?: string;
  correlationId?: string;
  causationId?: string;
  reason?: string;
  simulated?: boolean;
  importedFrom?: string;
  [key: string]: unknown;
}

/** An event as a caller hands it to `append`. */
export interface NewEvent<Data = unknown> {
  /** Defaults to a fresh UUID; pass one to make a retried append recognisable. */
  eventId?: string;
  /** Past tense, aggregate in the name (`SituationReportSubmitted`). A contract: never renamed. */
  type: string;
  schemaVersion?: number;
  data: Data;
  metadata?: EventMetadata;
}

/** An event as the store gives it back. */
export interface StoredEvent<Data = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** Zero-based position of the event within its stream. */
  revision: number;
  /** Global log position, assigned by the store, strictly increasing. */
  position: bigint;
  /** ISO 8601 UTC, assigned by the store's clock at append. */
  recordedAt: string;
  data: Data;
  metadata: EventMetadata;
  /** Hash of the predecessor (tamper evidence) and of this event. */
  prevHash: string;
  hash: string;
}
