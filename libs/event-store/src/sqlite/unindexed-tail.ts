import type { EventLogStatements } from './sqlite-event-log.schema.js';

export interface TailEntry {
  streamId: string;
  revision: number;
  position: number;
}

/**
 * The events the stream index does not hold yet (those above its `indexed_through`), by
 * stream, in memory: a lookup by stream is the index's rows plus these. Each connection keeps
 * its own and brings it up to date inside its transaction, so it sees what other connections
 * committed too, and forgets what the index has taken over.
 */
export class UnindexedTail {
  private readonly byStream = new Map<string, TailEntry[]>();
  /** Every entry, in position order. */
  private entries: TailEntry[] = [];
  private indexedThrough = 0;
  private seenThrough = 0;

  constructor(private readonly sql: EventLogStatements) {}

  /** Call inside a transaction: the snapshot it reads is the one the caller then reads. */
  refresh(): void {
    const indexedThrough = this.sql.indexedThrough.get()!.indexed_through;
    if (indexedThrough > this.indexedThrough) this.forgetThrough(indexedThrough);
    for (const row of this.sql.unindexed.all(Math.max(this.seenThrough, indexedThrough))) {
      this.add({ streamId: row.stream_id, revision: row.revision, position: row.position });
    }
  }

  /** Adds what this connection has just committed, so that the next refresh need not read it back. */
  addCommitted(entries: readonly TailEntry[]): void {
    for (const entry of entries) if (entry.position > this.seenThrough) this.add(entry);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The stream's last revision among the unindexed events, if it has any. */
  lastRevision(streamId: string): number | undefined {
    return this.byStream.get(streamId)?.at(-1)?.revision;
  }

  /** Positions of the stream's unindexed events from a revision on, up to a position. */
  positions(streamId: string, fromRevision: number, toPosition: number): number[] {
    const entries = this.byStream.get(streamId) ?? [];
    return entries.filter((e) => e.revision >= fromRevision && e.position <= toPosition).map((e) => e.position);
  }

  private add(entry: TailEntry): void {
    this.entries.push(entry);
    this.seenThrough = entry.position;
    const stream = this.byStream.get(entry.streamId);
    if (stream) stream.push(entry);
    else this.byStream.set(entry.streamId, [entry]);
  }

  private forgetThrough(indexedThrough: number): void {
    this.indexedThrough = indexedThrough;
    let dropped = 0;
    while (dropped < this.entries.length && this.entries[dropped]!.position <= indexedThrough) {
      const { streamId } = this.entries[dropped]!;
      const stream = this.byStream.get(streamId)!;
      stream.shift();
      if (stream.length === 0) this.byStream.delete(streamId);
      dropped += 1;
    }
    this.entries = this.entries.slice(dropped);
    this.seenThrough = Math.max(this.seenThrough, indexedThrough);
  }
}
