/**
 * The view store: versioned key/value rows per view, each version valid over a span of log
 * positions [validFrom, validTo). Applying an event closes a key's current version and opens
 * the next, so any view can be read "as of" any position without replaying the log, and
 * the cost of that read does not grow with the length of history.
 */
export interface ViewWriter {
  /** The current version of a row, as this batch has left it. */
  get<T>(view: string, key: string): Promise<T | undefined>;
  /** A new version of the row, valid from the position of the event being applied. */
  put<T>(view: string, key: string, value: T): Promise<void>;
  /** Ends the row at the position of the event being applied. */
  remove(view: string, key: string): Promise<void>;
}

export interface ViewReader {
  get<T>(view: string, key: string): Promise<T | undefined>;
  /** Rows whose keys start with `prefix`, in key order. */
  list<T>(view: string, prefix: string): Promise<Array<{ key: string; value: T }>>;
}

export interface ViewStore {
  /**
   * Applies a batch for one projection in one transaction that also moves its checkpoint
   * to `upTo`: a crash leaves either all of it or none of it.
   */
  applyBatch<E extends { position: bigint }>(
    projection: string,
    events: ReadonlyArray<E>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: E) => Promise<void>,
  ): Promise<void>;
  checkpoint(projection: string): Promise<bigint>;
  /** Removes a retired projection version: every version of its views' rows, and its checkpoint. */
  drop(projection: string, views: readonly string[]): Promise<void>;
  /**
   * Keeps only these checkpoints and stored views: every other (a projection, or a version of
   * one, that the code no longer has) is dropped with all its row versions.
   */
  keepOnly(checkpoints: readonly string[], views: readonly string[]): Promise<void>;
  /** A SHA-256 over every row version of every view: equal digests, equal views. */
  digest(): Promise<string>;
  /** What the views held as of a position (inclusive). */
  readerAt(position: bigint): ViewReader;
  close(): Promise<void>;
}
