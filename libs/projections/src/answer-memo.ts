import type { ChangedRow } from './projection-host.js';
import type { ViewReader } from './view-store.port.js';

/** What an answer read: single rows, and key ranges (a list by prefix) of a view. */
interface ReadSet {
  rows: Set<string>;
  ranges: Array<[view: string, prefix: string]>;
}

interface Remembered {
  json: string;
  /** The position it was computed at: it holds from there until a row it read changes. */
  position: bigint;
  reads: ReadSet;
}

const rowId = (view: string, key: string) => `${view}\u0000${key}`;

/**
 * Answers to queries at the head of the log, remembered (as their JSON) until a row they read
 * changes. An answer is computed through a reader that notes every row and range it reads; the
 * projections say which rows each batch changed before anyone waiting for that batch's
 * position is told, and every answer that read one of them is forgotten. So a remembered
 * answer is the one the views would give now, and a question asked again while nothing it
 * depends on has changed costs neither the view reads nor the serialisation.
 *
 * Only reads at the head are remembered: an as-of answer is for one moment alone.
 */
export class AnswerMemo {
  /** By answer id, least recently used first. */
  private readonly answers = new Map<string, Remembered>();
  /** Answer ids by the row they read. */
  private readonly byRow = new Map<string, Set<string>>();
  /** Answer ids by the view and key prefix they listed. */
  private readonly byRange = new Map<string, Map<string, Set<string>>>();
  /** The position the latest change was applied by: an answer computed below it may not show it. */
  private changedThrough = -1n;
  /** Counts changes: an answer computed while one came in is not kept. */
  private changes = 0;

  constructor(private readonly capacity = 1000) {}

  get size(): number {
    return this.answers.size;
  }

  /** The remembered JSON of an answer at `position` (the head), if nothing it read has changed since. */
  get(id: string, position: bigint): string | undefined {
    const answer = this.answers.get(id);
    // One computed at a later head than this caller's may show a change it must not see yet.
    if (!answer || answer.position > position) return undefined;
    this.answers.delete(id);
    this.answers.set(id, answer);
    return answer.json;
  }

  /**
   * Computes an answer as of `position` through a reader that notes what it reads, and keeps
   * its JSON unless a change came in meanwhile or one is known beyond `position`.
   */
  async remember(id: string, position: bigint, reader: ViewReader, compute: (reader: ViewReader) => Promise<unknown>): Promise<string> {
    const changesBefore = this.changes;
    const reads: ReadSet = { rows: new Set(), ranges: [] };
    const json = JSON.stringify(
      await compute({
        get: (view, key) => {
          reads.rows.add(rowId(view, key));
          return reader.get(view, key);
        },
        list: (view, prefix) => {
          reads.ranges.push([view, prefix]);
          return reader.list(view, prefix);
        },
      }),
    );
    if (this.changes === changesBefore && position >= this.changedThrough) this.keep(id, { json, position, reads });
    return json;
  }

  /** Rows the projections changed, applied through `through`: every answer that read one is forgotten. */
  changed(rows: readonly ChangedRow[], through: bigint): void {
    if (rows.length === 0) return;
    this.changes += 1;
    if (through > this.changedThrough) this.changedThrough = through;
    for (const [view, key] of rows) {
      const readers = this.byRow.get(rowId(view, key));
      if (readers) for (const id of [...readers]) this.forget(id);
      const ranges = this.byRange.get(view);
      if (ranges) {
        for (const [prefix, ids] of ranges) if (key.startsWith(prefix)) for (const id of [...ids]) this.forget(id);
      }
    }
  }

  /** Forgets every answer (the versions that serve the views have changed). */
  clear(): void {
    this.changes += 1;
    this.answers.clear();
    this.byRow.clear();
    this.byRange.clear();
  }

  private keep(id: string, answer: Remembered): void {
    this.forget(id);
    this.answers.set(id, answer);
    for (const row of answer.reads.rows) {
      let ids = this.byRow.get(row);
      if (!ids) this.byRow.set(row, (ids = new Set()));
      ids.add(id);
    }
    for (const [view, prefix] of answer.reads.ranges) {
      let ranges = this.byRange.get(view);
      if (!ranges) this.byRange.set(view, (ranges = new Map()));
      let ids = ranges.get(prefix);
      if (!ids) ranges.set(prefix, (ids = new Set()));
      ids.add(id);
    }
    if (this.answers.size > this.capacity) this.forget(this.answers.keys().next().value!);
  }

  private forget(id: string): void {
    const answer = this.answers.get(id);
    if (!answer) return;
    this.answers.delete(id);
    for (const row of answer.reads.rows) {
      const ids = this.byRow.get(row);
      ids?.delete(id);
      if (ids?.size === 0) this.byRow.delete(row);
    }
    for (const [view, prefix] of answer.reads.ranges) {
      const ranges = this.byRange.get(view);
      const ids = ranges?.get(prefix);
      ids?.delete(id);
      if (ids?.size === 0) ranges!.delete(prefix);
      if (ranges?.size === 0) this.byRange.delete(view);
    }
  }
}
