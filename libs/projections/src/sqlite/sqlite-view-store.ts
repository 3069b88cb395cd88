import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { WalCheckpointer } from '@lagesbild/event-store/sqlite';
import Database from 'better-sqlite3';
import { PendingVersions, pendingWriter } from '../pending-versions.js';
import type { ViewReader, ViewStore, ViewWriter } from '../view-store.port.js';

const OPEN = Number.MAX_SAFE_INTEGER;

/** Removes a views' file and what SQLite keeps beside it (a build's leftovers). */
export function removeViewsFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
/** Commits after which checkpoints move to a thread of their own (a short-lived store never needs one). */
const COMMITS_BEFORE_CHECKPOINTER = 100;
/**
 * The layout of the rows (`PRAGMA user_version`): 2 = views stored as `<view>@v<version>`;
 * 3 = values apart from the versions that point at them.
 */
const LAYOUT_VERSION = 3;

/**
 * `view_rows` is the version index: small entries, so finding the version valid at a position
 * is a short walk down a dense tree. The values (often over a kilobyte of JSON) live in
 * `view_values`, appended by rowid and fetched by it; inline, they spilled onto overflow pages
 * that every lookup and range scan dragged along.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS view_rows (
    view       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_to   INTEGER NOT NULL,
    value_id   INTEGER NOT NULL,
    PRIMARY KEY (view, key, valid_from)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS view_values (
    id    INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: parsed values are remembered by id
    value TEXT    NOT NULL
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT    PRIMARY KEY,
    position   INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The embedded view store: its own SQLite file beside the event log (views can always be
 * rebuilt from the log, so a lost tail after a power cut is re-applied from the checkpoint,
 * which lives in the same transaction).
 */
export class SqliteViewStore implements ViewStore {
  private readonly db: Database.Database;
  /** Set for a store that checkpoints: not a bulk one. */
  private readonly file: string | undefined;
  private checkpointer: WalCheckpointer | undefined;
  private commits = 0;
  /**
   * A bulk build's version index, kept in memory until the views are first read (or the store
   * closes) and then written in key order: in the order events come, each version would land
   * at a random place in the index, and each key's open version would be looked up and closed.
   */
  private building: BuiltVersions | undefined;
  /**
   * Parsed values, least recently used out first: 8 MB of JSON (about 13 MB of heap) holds a
   * ten-year national trend's rows several times over.
   */
  private readonly parsed = new ParsedValues(8 * 1024 * 1024);
  private readonly sql;

  /**
   * `bulk`: for a new file being built from scratch (cli rebuild, report-back) that nobody
   * reads until it is done and that is thrown away if the build stops — no journal, no syncs,
   * and the version index written once, in key order, when the views are first read.
   * `readOnly`: a second connection that only reads views another connection writes (and
   * has opened first: the writer sets the file up).
   */
  constructor(file: string, options: { bulk?: boolean; readOnly?: boolean } = {}) {
    this.db = new Database(file);
    if (options.readOnly) {
      this.db.pragma('busy_timeout = 5000');
    } else if (options.bulk) {
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
    } else {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // The checkpointer's TRUNCATE holds writes back for a moment: wait, do not fail the batch.
      this.db.pragma('busy_timeout = 5000');
      this.file = file;
    }
    if (!options.readOnly) this.upgrade();
    if (options.bulk) {
      if (this.db.prepare('SELECT 1 FROM view_rows LIMIT 1').get()) throw new Error(`A bulk view store is built from scratch: ${file} already has views`);
      this.building = new BuiltVersions(new BuiltValues(this.db));
    }
    this.sql = {
      // The newest version of a key: one step down the primary key from its end.
      latest: this.db.prepare<[string, string], { value_id: number; valid_from: number; valid_to: number }>(
        'SELECT value_id, valid_from, valid_to FROM view_rows WHERE view = ? AND key = ? ORDER BY valid_from DESC LIMIT 1',
      ),
      close: this.db.prepare<[number, string, string, number]>('UPDATE view_rows SET valid_to = ? WHERE view = ? AND key = ? AND valid_from = ?'),
      insertValue: this.db.prepare<[string]>('INSERT INTO view_values (value) VALUES (?)'),
      // Re-applying a batch is what checkpoints prevent; were it to happen, the later version wins
      // (and the earlier value is left unreferenced).
      insert: this.db.prepare<[string, string, number, number, number | bigint]>(
        `INSERT INTO view_rows (view, key, valid_from, valid_to, value_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (view, key, valid_from) DO UPDATE SET valid_to = excluded.valid_to, value_id = excluded.value_id`,
      ),
      value: this.db.prepare<[number], { value: string }>('SELECT value FROM view_values WHERE id = ?'),
      at: this.db.prepare<[string, string, number, number], { value_id: number }>(
        'SELECT value_id FROM view_rows WHERE view = ? AND key = ? AND valid_from <= ? AND valid_to > ? ORDER BY valid_from DESC LIMIT 1',
      ),
      listAt: this.db.prepare<[string, string, string, number, number], { key: string; value_id: number }>(
        `SELECT key, value_id FROM view_rows
          WHERE view = ? AND key >= ? AND key < ? AND valid_from <= ? AND valid_to > ? ORDER BY key`,
      ),
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE projection = ?'),
      saveCheckpoint: this.db.prepare<[string, number]>(
        'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
      ),
    };
  }

  async applyBatch(
    projection: string,
    events: ReadonlyArray<{ position: bigint }>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: { position: bigint }) => Promise<void>,
  ): Promise<void> {
    if (this.building) {
      // A bulk build is one transaction, committed when it is done: the file is thrown away
      // if the build stops, and a commit per batch would write its pages out each time.
      if (!this.db.inTransaction) this.db.exec('BEGIN');
      const batch = await this.pending(events, apply);
      this.build(batch, this.building);
      this.sql.saveCheckpoint.run(projection, Number(upTo));
      return;
    }
    // Manual BEGIN/COMMIT: the projection's apply may await, and this connection serves
    // only the projection runner, so nothing else writes in between.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.flush(await this.pending(events, apply));
      this.sql.saveCheckpoint.run(projection, Number(upTo));
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    this.moveCheckpointsOffOnceBusy();
  }

  /** A batch's events applied: the versions they write, not yet stored. */
  private async pending(events: ReadonlyArray<{ position: bigint }>, apply: (writer: ViewWriter, event: { position: bigint }) => Promise<void>): Promise<PendingVersions> {
    const batch = new PendingVersions();
    for (const event of events) {
      await apply(this.writerAt(batch, Number(event.position)), event);
    }
    return batch;
  }

  /**
   * Writes a batch's versions: per key, the version open before the batch is closed where the
   * batch's first version begins, and each new version runs until the next one (the last stays open).
   */
  private flush(batch: PendingVersions): void {
    for (const { view, key, versions } of batch.keys()) {
      const before = this.sql.latest.get(view, key);
      if (before && before.valid_to === OPEN) this.sql.close.run(versions[0]!.from, view, key, before.valid_from);
      versions.forEach((version, i) => {
        if (version.json === null) return;
        const valueId = this.sql.insertValue.run(version.json).lastInsertRowid;
        this.sql.insert.run(view, key, version.from, versions[i + 1]?.from ?? OPEN, valueId);
      });
    }
  }

  /**
   * Takes in the views of a bulk store built apart, as another part of the same build (on
   * another thread: `buildViewsBeside`): its values, its version index and its checkpoints.
   * Its views' keys are not this build's: each part writes its own rows.
   */
  takeIn(file: string): void {
    const building = this.building;
    if (!building) throw new Error('Only a bulk build takes in views built apart');
    building.values.flush();
    if (this.db.inTransaction) this.db.exec('COMMIT'); // a database is attached outside a transaction
    this.db.prepare('ATTACH DATABASE ? AS part').run(file);
    try {
      this.db.transaction(() => {
        const offset = building.values.skip(this.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM part.view_values').get()?.id ?? 0);
        this.db.prepare('INSERT INTO view_values (id, value) SELECT id + ?, value FROM part.view_values ORDER BY id').run(offset);
        this.db
          .prepare('INSERT INTO view_rows (view, key, valid_from, valid_to, value_id) SELECT view, key, valid_from, valid_to, value_id + ? FROM part.view_rows ORDER BY view, key, valid_from')
          .run(offset);
        // A projection built in parts has a checkpoint in each: it has come as far as the part that came least far.
        this.db
          .prepare(
            `INSERT INTO checkpoints (projection, position) SELECT projection, position FROM part.checkpoints WHERE true
               ON CONFLICT (projection) DO UPDATE SET position = min(position, excluded.position)`,
          )
          .run();
      })();
    } finally {
      this.db.exec('DETACH DATABASE part');
    }
  }

  /** A bulk build's batch: its values are stored (many to a statement), its versions noted for the index. */
  private build(batch: PendingVersions, building: BuiltVersions): void {
    for (const { view, key, versions } of batch.keys()) {
      for (const version of versions) building.add(view, key, version.from, version.json === null ? null : building.values.add(version.json));
    }
  }

  /**
   * A bulk build's views that are complete while the build goes on (`buildViewsBeside`): their
   * version index is written now, the others' when the build is done.
   */
  indexBuilt(views: readonly string[]): void {
    if (this.building) this.writeIndex(this.building, views);
  }

  /** Writes a bulk build's version index, in key order; from then on the store is written as any other. */
  private finishBuilding(): void {
    const building = this.building;
    if (!building) return;
    this.building = undefined;
    this.writeIndex(building, building.views());
    building.values.flush();
    this.db.exec('COMMIT');
  }

  private writeIndex(building: BuiltVersions, views: readonly string[]): void {
    if (!this.db.inTransaction) this.db.exec('BEGIN');
    const index = new ChunkedInsert(this.db, 'INSERT INTO view_rows (view, key, valid_from, valid_to, value_id) VALUES', 5);
    for (const { view, key, froms, valueIds } of building.take(views)) {
      froms.forEach((from, i) => {
        const valueId = valueIds[i];
        if (valueId !== null && valueId !== undefined) index.add([view, key, from, froms[i + 1] ?? OPEN, valueId]);
      });
    }
    index.flush();
  }

  /**
   * Views are disposable: a file written in an older layout (before `<view>@v<version>`
   * names) is emptied, and the projections rebuild it from the log.
   */
  private upgrade(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version < LAYOUT_VERSION) this.db.exec('DROP TABLE IF EXISTS view_rows; DROP TABLE IF EXISTS view_values; DROP TABLE IF EXISTS checkpoints;');
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${LAYOUT_VERSION}`);
  }

  async drop(projection: string, views: readonly string[]): Promise<void> {
    this.finishBuilding();
    this.dropAll([projection], views);
  }

  async keepOnly(checkpoints: readonly string[], views: readonly string[]): Promise<void> {
    this.finishBuilding();
    const keptViews = new Set(views);
    const keptCheckpoints = new Set(checkpoints);
    // The stored views one step down the primary key each, not a scan of every row.
    const next = this.db.prepare<[string], { view: string }>('SELECT view FROM view_rows WHERE view > ? ORDER BY view LIMIT 1');
    const stored: string[] = [];
    for (let row = next.get(''); row; row = next.get(row.view)) stored.push(row.view);
    const projections = this.db.prepare<[], { projection: string }>('SELECT projection FROM checkpoints').all().map((row) => row.projection);
    this.dropAll(
      projections.filter((p) => !keptCheckpoints.has(p)),
      stored.filter((v) => !keptViews.has(v)),
    );
  }

  private dropAll(projections: readonly string[], views: readonly string[]): void {
    this.db.transaction(() => {
      for (const view of views) {
        this.db.prepare('DELETE FROM view_values WHERE id IN (SELECT value_id FROM view_rows WHERE view = ?)').run(view);
        this.db.prepare('DELETE FROM view_rows WHERE view = ?').run(view);
      }
      for (const projection of projections) this.db.prepare('DELETE FROM checkpoints WHERE projection = ?').run(projection);
    })();
  }

  async checkpoint(projection: string): Promise<bigint> {
    return BigInt(this.sql.checkpoint.get(projection)?.position ?? 0);
  }

  readerAt(position: bigint): ViewReader {
    this.finishBuilding();
    const at = Number(position);
    return {
      get: async <T>(view: string, key: string) => {
        const row = this.sql.at.get(view, key, at, at);
        return row ? this.valueOf<T>(row.value_id) : undefined;
      },
      list: async <T>(view: string, prefix: string) =>
        this.sql.listAt.all(view, prefix, `${prefix}\uffff`, at, at).map((row) => ({ key: row.key, value: this.valueOf<T>(row.value_id) })),
    };
  }

  /** A stored value, parsed once: a version never changes, so its value can be shared (frozen). */
  private valueOf<T>(id: number): T {
    const known = this.parsed.get(id);
    if (known !== undefined) return known as T;
    const json = this.sql.value.get(id)!.value;
    return this.parsed.set(id, deepFreeze(JSON.parse(json)), json.length) as T;
  }

  async digest(): Promise<string> {
    this.finishBuilding();
    const hash = createHash('sha256');
    for (const row of this.db.prepare<[], { view: string; key: string; valid_from: number; valid_to: number; value: string }>(
      `SELECT r.view, r.key, r.valid_from, r.valid_to, v.value FROM view_rows r JOIN view_values v ON v.id = r.value_id
        ORDER BY r.view, r.key, r.valid_from`,
    ).iterate()) {
      hash.update(`${row.view}\u0000${row.key}\u0000${row.valid_from}\u0000${row.valid_to}\u0000${row.value}\n`);
    }
    return hash.digest('hex');
  }

  /**
   * A checkpoint copies pages into the file and fsyncs it: on this connection it would stop
   * the event loop. Once the store is being written to in earnest, a thread of its own does it.
   */
  private moveCheckpointsOffOnceBusy(): void {
    this.commits += 1;
    if (this.file !== undefined && !this.checkpointer && this.commits >= COMMITS_BEFORE_CHECKPOINTER) {
      this.checkpointer = new WalCheckpointer(this.db, this.file);
    }
  }

  async close(): Promise<void> {
    this.finishBuilding();
    await this.checkpointer?.close();
    this.db.close();
  }

  /** The value id of a key's open (newest, not ended) version in the index. */
  private openVersion(view: string, key: string): number | undefined {
    const row = this.sql.latest.get(view, key);
    return row && row.valid_to === OPEN ? row.value_id : undefined;
  }

  private writerAt(batch: PendingVersions, position: number): ViewWriter {
    return pendingWriter(batch, position, (view, key) => {
      const valueId = this.building ? this.building.latest(view, key) : this.openVersion(view, key);
      return valueId === undefined ? undefined : batch.parsed(valueId, () => JSON.parse(this.building?.values.unstored(valueId) ?? this.sql.value.get(valueId)!.value));
    });
  }
}

/** A bulk build's versions per view and key, in the order they came: each runs until the next; null ends the row. */
class BuiltVersions {
  private readonly byView = new Map<string, Map<string, { froms: number[]; valueIds: Array<number | null> }>>();
  /** Views whose index is written: a version for one of them now would be lost. */
  private readonly indexed = new Set<string>();

  constructor(readonly values: BuiltValues) {}

  add(view: string, key: string, from: number, valueId: number | null): void {
    let keys = this.byView.get(view);
    if (!keys) {
      if (this.indexed.has(view)) throw new Error(`The index of ${view} is written: it takes no more versions`);
      this.byView.set(view, (keys = new Map()));
    }
    let entry = keys.get(key);
    if (!entry) keys.set(key, (entry = { froms: [], valueIds: [] }));
    entry.froms.push(from);
    entry.valueIds.push(valueId);
  }

  /** The value id of the key's newest version; undefined when it has none or was ended. */
  latest(view: string, key: string): number | undefined {
    const valueIds = this.byView.get(view)?.get(key)?.valueIds;
    return valueIds?.[valueIds.length - 1] ?? undefined;
  }

  views(): string[] {
    return [...this.byView.keys()];
  }

  /** Takes the views' versions out, by view and then key (SQLite's order for ASCII keys, which the index is written in). */
  *take(views: readonly string[]) {
    for (const view of [...views].sort()) {
      const keys = this.byView.get(view);
      if (!keys) continue;
      this.byView.delete(view);
      this.indexed.add(view);
      for (const key of [...keys.keys()].sort()) yield { view, key, ...keys.get(key)! };
    }
  }
}

/**
 * Rows inserted many to a statement: each statement run costs about as much as the row it
 * inserts, so a bulk build inserts fifty at once.
 */
class ChunkedInsert {
  private static readonly ROWS = 50;
  private readonly many: Database.Statement<unknown[]>;
  private readonly one: Database.Statement<unknown[]>;
  private readonly args: unknown[] = [];

  constructor(
    db: Database.Database,
    insertInto: string,
    private readonly columns: number,
  ) {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    this.many = db.prepare(`${insertInto} ${Array.from({ length: ChunkedInsert.ROWS }, () => row).join(', ')}`);
    this.one = db.prepare(`${insertInto} ${row}`);
  }

  /** The number of rows added and not yet inserted. */
  get waiting(): number {
    return this.args.length / this.columns;
  }

  add(row: readonly unknown[]): void {
    for (const value of row) this.args.push(value);
    if (this.args.length === this.columns * ChunkedInsert.ROWS) {
      this.many.run(this.args);
      this.args.length = 0;
    }
  }

  /** The `i`th value of the rows not yet inserted. */
  waitingValue(row: number, column: number): unknown {
    return this.args[row * this.columns + column];
  }

  flush(): void {
    for (let i = 0; i < this.args.length; i += this.columns) this.one.run(this.args.slice(i, i + this.columns));
    this.args.length = 0;
  }
}

/** A bulk build's values: numbered here (the file is new), stored fifty at a time. */
class BuiltValues {
  private readonly insert: ChunkedInsert;
  private nextId: number;

  constructor(db: Database.Database) {
    this.insert = new ChunkedInsert(db, 'INSERT INTO view_values (id, value) VALUES', 2);
    this.nextId = (db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM view_values').get()?.id ?? 0) + 1;
  }

  /** Leaves the next `count` ids to values stored otherwise; what to add to those values' own ids (from 1). */
  skip(count: number): number {
    const offset = this.nextId - 1;
    this.nextId += count;
    return offset;
  }

  /** Stores a value (soon); its id. */
  add(json: string): number {
    const id = this.nextId++;
    this.insert.add([id, json]);
    return id;
  }

  /** A value added but not yet stored; undefined once it is. */
  unstored(id: number): string | undefined {
    const row = id - (this.nextId - this.insert.waiting);
    return row >= 0 ? (this.insert.waitingValue(row, 1) as string) : undefined;
  }

  flush(): void {
    this.insert.flush();
  }
}

/** Values by id, least recently used evicted first once their JSON passes a budget. */
class ParsedValues {
  private readonly entries = new Map<number, { value: unknown; size: number }>();
  private size = 0;

  constructor(private readonly budget: number) {}

  get(id: number): unknown {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.value;
  }

  set(id: number, value: unknown, size: number): unknown {
    this.entries.set(id, { value, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
