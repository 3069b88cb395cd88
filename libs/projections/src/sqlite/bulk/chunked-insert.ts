import type Database from 'better-sqlite3';

/**
 * Rows inserted many to a statement: each statement run costs about as much as the row it
 * inserts, so a bulk build inserts fifty at once: their values are put into one list, inserted
 * each time it is full, and `flush` inserts the rest (all within the caller's transaction).
 */
export class ChunkedInsert {
  private static readonly ROWS = 50;
  private readonly many: Database.Statement<unknown[]>;
  private readonly one: Database.Statement<unknown[]>;
  private readonly chunk: unknown[];
  private filled = 0;

  constructor(
    db: Database.Database,
    insertInto: string,
    private readonly columns: number,
  ) {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    this.many = db.prepare(`${insertInto} ${Array.from({ length: ChunkedInsert.ROWS }, () => row).join(', ')}`);
    this.one = db.prepare(`${insertInto} ${row}`);
    this.chunk = new Array<unknown>(columns * ChunkedInsert.ROWS).fill(null);
  }

  /** The next value: rows are given value after value, `columns` each (one call a value: a list a row would be allocated for each). */
  push(value: unknown): void {
    this.chunk[this.filled++] = value;
    if (this.filled === this.chunk.length) {
      this.many.run(this.chunk);
      this.filled = 0;
    }
  }

  /** Inserts the rows added since the last full chunk. */
  flush(): void {
    for (let i = 0; i < this.filled; i += this.columns) this.one.run(this.chunk.slice(i, i + this.columns));
    this.filled = 0;
  }
}
