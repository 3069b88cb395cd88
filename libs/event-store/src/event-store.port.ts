import type { NewEvent, StoredEvent } from './event-envelope.js';

/**
 * What the writer expects of the stream before its append:
 * `'any'`, `'no_stream'` (it must not exist yet), or the exact revision of its last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | number;

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
  /**
   * A retry with the same key is answered with the first append's result and writes nothing.
   * Remembered durably, so a retry after a crash is still recognised.
   */
  idempotencyKey?: string;
  /**
   * What makes two appends "the same request" under one key. Defaults to a digest of the
   * stream id and the events' types and data; the api passes a digest of the HTTP request.
   */
  fingerprint?: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's revision after the append: the revision of its last event. */
  nextExpectedRevision: number;
  /** Position of the first and of the last appended event. */
  firstPosition: bigint;
  position: bigint;
  recordedAt: string;
  /** True when this was a retry recognised by its idempotency key: nothing was appended. */
  duplicate: boolean;
}

export interface IdempotentAppend {
  result: AppendResult;
  fingerprint: string;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  /** Only events at or before this global position ("as of"). */
  toPosition?: bigint;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Defaults to the start of the log. */
  fromPosition?: bigint;
  /** Inclusive upper bound. */
  toPosition?: bigint;
  batchSize?: number;
  /**
   * Only the events one of these selections takes (every event, without any). A store may hand
   * over others as well, so a caller still checks (`selects`).
   */
  select?: readonly EventSelection[];
}

/** Events of some types, of some streams, or both. */
export interface EventSelection {
  /** Only events of these types. */
  types?: readonly string[];
  /**
   * Only events of the streams whose ids sort from `from` (inclusive) to `to` (exclusive): for
   * building views in parts (one county's reports are one range of stream ids).
   */
  streams?: StreamRange;
  /**
   * For a reader of these events' data alone (projections that read no metadata): they may come
   * with empty metadata and without the log's hashes, which are then neither read nor parsed.
   * An event that a selection without it takes as well comes whole.
   */
  dataOnly?: boolean;
}

export interface StreamRange {
  from: string;
  to: string;
}

/** Whether an event falls in the range of streams (any event, when there is none). */
export const inStreams = (streamId: string, streams: StreamRange | undefined) => !streams || (streamId >= streams.from && streamId < streams.to);

/** Whether a selection takes an event. */
export const selects = (selection: EventSelection, event: { type: string; streamId: string }) =>
  (!selection.types || selection.types.includes(event.type)) && inStreams(event.streamId, selection.streams);

export type EventHandler = (event: StoredEvent) => void | Promise<void>;

export interface SubscribeOptions {
  batchSize?: number;
  /** Called once the subscription has read everything that was stored when it started. */
  onCaughtUp?: (position: bigint) => void;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops the subscription; resolves when its handler is no longer running. */
  close(): Promise<void>;
  /** Settles when the subscription ends: resolves on close, rejects if the handler throws. */
  readonly done: Promise<void>;
}

export interface VerificationResult {
  ok: boolean;
  checked: number;
  /** The first position whose event is missing, altered or out of order. */
  firstBrokenPosition?: bigint;
  reason?: string;
}

export interface VerifyOptions {
  onProgress?: (checked: number, position: bigint) => void;
  /** Check the log as it stood at this position (inclusive): the events up to it. Default: the whole log. */
  toPosition?: bigint;
}

/** Properties a contract suite needs to know of an adapter. */
export interface EventStoreCapabilities {
  /** Positions are 1, 2, 3, … with no gaps (the embedded store); EventStoreDB's are not. */
  gaplessPositions: boolean;
}

/** The event log: the only source of truth (ARCHITECTURE.md "Event store port"). */
export interface EventStore {
  readonly capabilities: EventStoreCapabilities;
  /** Group-commit counters, where the adapter keeps them (the embedded log does). */
  readonly stats?: { commits: number; appends: number };
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** Catch up from `fromPosition` (exclusive), then follow the live tail. */
  subscribeAll(fromPosition: bigint, handler: EventHandler, options?: SubscribeOptions): Subscription;
  /**
   * The append an idempotency key already made, with the fingerprint it was made with, so a
   * retry can be answered without deciding again. `streamId` is where the caller would write.
   */
  findIdempotentAppend(idempotencyKey: string, streamId: string): Promise<IdempotentAppend | undefined>;
  /** The position of the last event recorded at or before an instant (0 if none): "as of" a time. */
  positionAt(instant: Date): Promise<bigint>;
  /** Position of the last stored event; 0 when the log is empty. */
  headPosition(): Promise<bigint>;
  /**
   * Calls `listener` with the new head each time the log grows, reading no events (where the
   * adapter can: the embedded log can). Returns the way to stop.
   */
  watchHead?(listener: (head: bigint) => void): () => void;
  /** Walks the log and checks the hash chain. */
  verify(options?: VerifyOptions): Promise<VerificationResult>;
  close(): Promise<void>;
}
