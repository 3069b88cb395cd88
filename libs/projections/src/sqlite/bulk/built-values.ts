import type Database from 'better-sqlite3';
import { ChunkedInsert } from './chunked-insert.js';

/**
 * A bulk build's values, numbered in the order they came and held until they are stored. Each
 * gets its id when it is stored, after the file's last (so that every insert appends, though
 * another connection stores values in between): the build keeps values by number and maps
 * numbers to ids for the index.
 */
export class BuiltValues {
  private readonly insert: ChunkedInsert;
  private readonly lastId: Database.Statement<[], number | null>;
  /** Texts waiting to be stored, the first of them number `stored`. */
  private waitingTexts: string[] = [];
  private stored = 0;
  /** The id each value stored so far got, by number. */
  private readonly ids: number[] = [];

  constructor(db: Database.Database) {
    this.insert = new ChunkedInsert(db, 'INSERT INTO view_values (id, value) VALUES', 2);
    this.lastId = db.prepare<[], number | null>('SELECT max(id) FROM view_values').pluck();
  }

  /** Takes a value to store; its number in this build. */
  add(json: string): number {
    this.waitingTexts.push(json);
    return this.stored + this.waitingTexts.length - 1;
  }

  /** Gives a value not yet stored another text. */
  replace(value: number, json: string): void {
    if (value < this.stored) throw new Error(`Value ${value} of this build is stored already`);
    this.waitingTexts[value - this.stored] = json;
  }

  /** How many values wait to be stored. */
  get waiting(): number {
    return this.waitingTexts.length;
  }

  /** Stores the waiting values (in the caller's transaction), after the file's last. */
  store(): void {
    let id = this.lastId.get() ?? 0;
    for (const json of this.waitingTexts) {
      id += 1;
      this.insert.push(id);
      this.insert.push(json);
      this.ids.push(id);
    }
    this.insert.flush();
    this.stored += this.waitingTexts.length;
    this.waitingTexts = [];
  }

  /** The id a stored value got. */
  idOf(value: number): number {
    return this.ids[value]!;
  }
}
