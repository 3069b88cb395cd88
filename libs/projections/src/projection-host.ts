import type { ViewReader } from './view-store.port.js';

/** A row a batch wrote or removed: its view (as queries name it) and key. */
export type ChangedRow = [view: string, key: string];

/** A projection version's position, and whether it answers reads. */
export interface ProjectionStatus {
  name: string;
  version: number;
  position: bigint;
  serving: boolean;
}

/** What the projections tell whoever started them. */
export interface ProjectionListeners {
  /** A projection failed to apply a batch (what then happens is the error's to decide: a pause, or a stop). */
  onError?: (projection: string, error: unknown) => void;
  /**
   * The projections stopped on an error they cannot wait out, after `start` resolved (before, `start`
   * rejects with it). They may be started again: they resume from their checkpoints, and the batch
   * that failed is taken again.
   */
  onStopped?: (error: unknown) => void;
  /** A new version has caught up and replaced an older one. */
  onSwitch?: (projection: string, from: number, to: number) => void;
  /**
   * Which rows (view and key, as queries name them) the batches since the last call changed
   * and how far the serving versions have applied the log, before anyone waiting for that
   * position is told: answers remembered from those rows are out of date.
   */
  onChanged?: (rows: ChangedRow[], through: bigint) => void;
}

/**
 * What the api needs of the projections, wherever they run: in this process over a view store
 * (`ProjectionRunner`), or on a thread of their own over the embedded files (`ProjectionThread`).
 */
export interface ProjectionHost {
  /**
   * Starts catching up, telling `listeners` what happens until the projections stop; resolves
   * once every projection has reached the head seen at start.
   */
  start(listeners?: ProjectionListeners): Promise<void>;
  /** Stops following the log once the batch in hand is done. */
  stop(): Promise<void>;
  /**
   * Resolves true when the projections that answer reads have applied the log up to
   * `position`, or false when `timeoutMs` passes first (the waiter is then forgotten).
   */
  waitFor(position: bigint, timeoutMs?: number): Promise<boolean>;
  /** The log has reached `head` (committed: a reader saw it); the projections need not wait for the store's word of it. */
  logReached(head: bigint): void;
  /** Whether the views can be read yet (`readerAt`). */
  readonly viewsOpen: boolean;
  /** The views as of a position, each read from the version that answers reads. */
  readerAt(position: bigint): ViewReader;
  /** The log's head as last seen, and each projection version's position. */
  status(): { head: bigint; projections: ProjectionStatus[] };
}
