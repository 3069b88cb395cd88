import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { WalCheckpointer } from '@lagesbild/event-store/sqlite';
import Database from 'better-sqlite3';
import { PendingVersions, PendingWriter } from '../pending-versions.js';
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
  /** A store that checkpoints its WAL: not a bulk one, nor a reading one. */
  private readonly checkpointed: boolean = false;
  private checkpointer: WalCheckpointer | undefined;
  private commits = 0;
  /**
   * A bulk build's values and version index, kept in memory and stored now and then in short
   * transactions (another connection may be building the same file: `joining`); the index is
   * written once, in key order, when the build is finished (`finishBuild`, the first read, or
   * close). In the order events come, each version would land at a random place in the index,
   * and each key's open version would be looked up and closed.
   */
  private building: Building | undefined;
  /**
   * Parsed values, least recently used out first: 8 MB of JSON (about 13 MB of heap) holds a
   * ten-year national trend's rows several times over.
   */
  private readonly parsed = new ParsedValues(8 * 1024 * 1024);
  private readonly sql;

  /**
   * `bulk`: for a new file being built from scratch (cli rebuild, report-back) that nobody
   * reads until it is done and that is thrown away if the build stops — no journal, no syncs,
   * values stored a few thousand at a time and the version index written once, in key order.
   * `joining`: another bulk store's `share`, to build the same file at the same time, from
   * another thread: each writes its own rows, and writes while the other does not.
   * `readOnly`: a second connection that only reads views another connection writes (and
   * has opened first: the writer sets the file up).
   */
  constructor(
    readonly file: string,
    options: { bulk?: boolean; joining?: SharedArrayBuffer; readOnly?: boolean } = {},
  ) {
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
      this.checkpointed = true;
    }
    if (!options.readOnly) this.upgrade();
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
    if (options.bulk) {
      let share = options.joining;
      if (!share) {
        if (this.db.prepare('SELECT 1 FROM view_rows LIMIT 1').get()) throw new Error(`A bulk view store is built from scratch: ${file} already has views`);
        share = BuildShare.create();
      }
      this.building = new Building(this.db, new BuildShare(share), this.sql.saveCheckpoint);
    }
  }

  async applyBatch(
    projection: string,
    events: ReadonlyArray<{ position: bigint }>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: { position: bigint }) => Promise<void>,
  ): Promise<void> {
    const building = this.building;
    if (building) {
      // Stored a few thousand values at a time, not a commit per batch: each commit writes its
      // pages out (the file is thrown away if the build stops), and holds off another
      // connection building the same file. While that one writes, this one builds on.
      const writer = new BuildWriter(building);
      await applyEach(writer, events, apply);
      writer.batchDone();
      building.reached(projection, Number(upTo));
      const waiting = building.values.waiting;
      if (waiting >= VALUES_PER_COMMIT) building.store({ unlessBusy: waiting < VALUES_HELD_AT_MOST });
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
      // A full disk (or an I/O error) may have rolled the transaction back already: a ROLLBACK
      // then fails, and its error would hide the one that says to wait and try again.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.moveCheckpointsOffOnceBusy();
  }

  /** A batch's events applied: the versions they write, not yet stored. */
  private async pending(events: ReadonlyArray<{ position: bigint }>, apply: (writer: ViewWriter, event: { position: bigint }) => Promise<void>): Promise<PendingVersions> {
    const batch = new PendingVersions();
    await applyEach(this.writerFor(batch), events, apply);
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
   * Ends a bulk build: stores what it holds in memory (values, checkpoints) and writes its
   * version index; from then on the store is written as any other. The first read and close
   * end it too.
   */
  finishBuild(): void {
    const building = this.building;
    if (!building) return;
    this.building = undefined;
    building.finish();
  }

  /** What a bulk build shares with another connection building the same file (`joining`). */
  get share(): SharedArrayBuffer {
    if (!this.building) throw new Error('Only a bulk build is shared');
    return this.building.share.buffer;
  }

  /**
   * Views are disposable: a file written in an older layout (before `<view>@v<version>`
   * names) is emptied, and the projections rebuild it from the log.
   */
  private upgrade(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version < LAYOUT_VERSION) this.db.exec('DROP TABLE IF EXISTS view_rows; DROP TABLE IF EXISTS view_values; DROP TABLE IF EXISTS checkpoints;');
    this.db.exec(SCHEMA);
    if (version !== LAYOUT_VERSION) this.db.pragma(`user_version = ${LAYOUT_VERSION}`);
  }

  async drop(projection: string, views: readonly string[]): Promise<void> {
    this.finishBuild();
    this.dropAll([projection], views);
  }

  async keepOnly(checkpoints: readonly string[], views: readonly string[]): Promise<void> {
    this.finishBuild();
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
    return BigInt(this.building?.checkpointOf(projection) ?? this.sql.checkpoint.get(projection)?.position ?? 0);
  }

  readerAt(position: bigint): ViewReader {
    this.finishBuild();
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
    this.finishBuild();
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
    if (this.checkpointed && !this.checkpointer && this.commits >= COMMITS_BEFORE_CHECKPOINTER) {
      this.checkpointer = new WalCheckpointer(this.db, this.file);
    }
  }

  async close(): Promise<void> {
    this.finishBuild();
    await this.checkpointer?.close();
    this.db.close();
  }

  /** The value id of a key's open (newest, not ended) version in the index. */
  private openVersion(view: string, key: string): number | undefined {
    const row = this.sql.latest.get(view, key);
    return row && row.valid_to === OPEN ? row.value_id : undefined;
  }

  private writerFor(batch: PendingVersions): PendingWriter {
    return new PendingWriter(batch, (view, key) => {
      const valueId = this.openVersion(view, key);
      return valueId === undefined ? undefined : batch.parsed(valueId, () => JSON.parse(this.sql.value.get(valueId)!.value));
    });
  }
}

/** Applies a batch's events one after the other, the writer told each event's position. */
async function applyEach(
  writer: ViewWriter & { position: number },
  events: ReadonlyArray<{ position: bigint }>,
  apply: (writer: ViewWriter, event: { position: bigint }) => Promise<void>,
): Promise<void> {
  for (const event of events) {
    writer.position = Number(event.position);
    await apply(writer, event);
  }
}

/** Values stored between two commits of a bulk build: a few thousand, a megabyte or two. */
const VALUES_PER_COMMIT = 4000;
/**
 * Values a bulk build holds at most while the other connection building its file writes:
 * until then it goes on building instead of waiting (on ten national years, each thread of a
 * rebuild had waited 40 ms or so).
 */
const VALUES_HELD_AT_MOST = 4 * VALUES_PER_COMMIT;
/** Version index rows written between two commits (another connection's values get in between). */
const INDEX_ROWS_PER_COMMIT = 10_000;
/** Values a version index row has: view, key, valid from, valid to, value. */
const INDEX_ROW_LENGTH = 5;

/** What a bulk build holds until it is stored: its values, its versions, how far each projection came. */
class Building {
  readonly values: BuiltValues;
  private readonly versions = new BuiltVersions();
  private readonly checkpoints = new Map<string, number>();
  private readonly index;

  constructor(
    private readonly db: Database.Database,
    readonly share: BuildShare,
    private readonly saveCheckpoint: Database.Statement<[string, number]>,
  ) {
    this.values = new BuiltValues(db);
    this.index = new ChunkedInsert(db, 'INSERT INTO view_rows (view, key, valid_from, valid_to, value_id) VALUES', INDEX_ROW_LENGTH);
  }

  /**
   * A new version of a key from `from` on (`json` null: the row ends there). A second write for
   * the same event replaces the first: its text, or its value (a value ended by the same event
   * that wrote it is stored, unreferenced).
   */
  newVersion(view: string, key: string, from: number, json: string | null): KeyVersions {
    const versions = this.versions.of(view, key);
    if (!versions) return this.versions.add(view, key, { froms: [from], values: [this.numbered(json)], json, parsed: undefined });
    const last = versions.froms.length - 1;
    if (versions.froms[last] !== from) {
      versions.froms.push(from);
      versions.values.push(this.numbered(json));
    } else {
      const value = versions.values[last]!;
      if (value !== null && json !== null) this.values.replace(value, json);
      else versions.values[last] = this.numbered(json);
    }
    versions.json = json;
    return versions;
  }

  private numbered(json: string | null): number | null {
    return json === null ? null : this.values.add(json);
  }

  /** A key's versions in this build (undefined: none). */
  versionsOf(view: string, key: string): KeyVersions | undefined {
    return this.versions.of(view, key);
  }

  reached(projection: string, position: number): void {
    this.checkpoints.set(projection, position);
  }

  /** How far a projection came in this build (undefined: not built here). */
  checkpointOf(projection: string): number | undefined {
    return this.checkpoints.get(projection);
  }

  /**
   * Stores the values and checkpoints so far, in a transaction of its own; `unlessBusy`: not
   * now if the other connection building the file is writing.
   */
  store({ unlessBusy = false } = {}): void {
    this.write(() => {
      this.values.store();
      for (const [projection, position] of this.checkpoints) this.saveCheckpoint.run(projection, position);
    }, unlessBusy);
  }

  /**
   * Stores the rest, then writes the version index in key order, some thousand rows a commit.
   * Its rows are sorted and laid out first, before the file is taken: the other connection
   * building it is likely to be writing its own index then (both threads of a rebuild end at
   * about the same time), and each waited for the other's sorting too.
   */
  finish(): void {
    const rows = this.versions.indexRows();
    this.store();
    const { index, values } = this;
    for (let at = 0; at < rows.length; ) {
      const end = Math.min(rows.length, at + INDEX_ROWS_PER_COMMIT * INDEX_ROW_LENGTH);
      this.write(() => {
        for (; at < end; at += INDEX_ROW_LENGTH) {
          index.push(rows[at]);
          index.push(rows[at + 1]);
          index.push(rows[at + 2]);
          index.push(rows[at + 3]);
          index.push(values.idOf(rows[at + 4] as number));
        }
        index.flush();
      });
    }
  }

  private write(write: () => void, unlessBusy = false): void {
    const transaction = () => this.db.transaction(write).immediate();
    if (unlessBusy) this.share.unlessBusy(transaction);
    else this.share.exclusively(transaction);
  }
}

/**
 * The writer a bulk build's batch applies its events with: each version goes straight into the
 * build, and a key's newest value is read back from it — what was put, or its text parsed once
 * a batch, so that a projection builds its next value from a copy.
 */
class BuildWriter implements ViewWriter {
  position = 0;
  /** The keys whose value this batch has at hand: let go when it is done (else the build would hold every key's). */
  private readonly held: KeyVersions[] = [];

  constructor(private readonly building: Building) {}

  get<T>(view: string, key: string): Promise<T | undefined> {
    const versions = this.building.versionsOf(view, key);
    if (!versions || versions.json === null) return NOTHING;
    if (versions.parsed === undefined) this.hold(versions, JSON.parse(versions.json));
    return Promise.resolve(versions.parsed as T);
  }

  put<T>(view: string, key: string, value: T): Promise<void> {
    this.hold(this.building.newVersion(view, key, this.position, JSON.stringify(value)), value);
    return DONE;
  }

  remove(view: string, key: string): Promise<void> {
    this.building.newVersion(view, key, this.position, null);
    return DONE;
  }

  /** The batch is applied: the values it had at hand are let go. */
  batchDone(): void {
    for (const versions of this.held) versions.parsed = undefined;
    this.held.length = 0;
  }

  private hold(versions: KeyVersions, value: unknown): void {
    if (versions.parsed === undefined) this.held.push(versions);
    versions.parsed = value;
  }
}

const NOTHING: Promise<undefined> = Promise.resolve(undefined);
const DONE: Promise<void> = Promise.resolve();

/** A key's versions in a bulk build, in the order they came: each runs until the next; a null value ends the row. */
interface KeyVersions {
  froms: number[];
  /** Each version's value, by its number in the build (`BuiltValues`). */
  values: Array<number | null>;
  /** The newest value's text, for the batches that read the key next: a build reads nothing back from the file. */
  json: string | null;
  /** The newest value as the batch being applied has it (`BuildWriter`); undefined between batches. */
  parsed: unknown;
}

/** A bulk build's versions per view and key. */
class BuiltVersions {
  private readonly byView = new Map<string, Map<string, KeyVersions>>();

  add(view: string, key: string, versions: KeyVersions): KeyVersions {
    let keys = this.byView.get(view);
    if (!keys) this.byView.set(view, (keys = new Map()));
    keys.set(key, versions);
    return versions;
  }

  of(view: string, key: string): KeyVersions | undefined {
    return this.byView.get(view)?.get(key);
  }

  /**
   * The version index's rows in SQLite's order for ASCII names, one after the other: view, key,
   * valid from, valid to and the value's number in the build (`INDEX_ROW_LENGTH` each; a
   * version that ended the row has none).
   */
  indexRows(): Array<string | number> {
    const rows: Array<string | number> = [];
    for (const view of [...this.byView.keys()].sort()) {
      const byKey = this.byView.get(view)!;
      for (const key of [...byKey.keys()].sort()) {
        const { froms, values } = byKey.get(key)!;
        for (let i = 0; i < froms.length; i += 1) {
          const value = values[i]!;
          if (value !== null) rows.push(view, key, froms[i]!, i + 1 < froms.length ? froms[i + 1]! : OPEN, value);
        }
      }
    }
    return rows;
  }
}

/**
 * Rows inserted many to a statement: each statement run costs about as much as the row it
 * inserts, so a bulk build inserts fifty at once: their values are put into one list, inserted
 * each time it is full, and `flush` inserts the rest (all within the caller's transaction).
 */
class ChunkedInsert {
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

/**
 * A bulk build's values, numbered in the order they came and held until they are stored. Each
 * gets its id when it is stored, after the file's last (so that every insert appends, though
 * another connection stores values in between): the build keeps values by number and maps
 * numbers to ids for the index.
 */
class BuiltValues {
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

/**
 * What the connections building one file at once share, from any thread (a SharedArrayBuffer):
 * a lock each holds while it writes. The one waiting wakes the moment the file is free, where
 * SQLite's busy handler would sleep a millisecond or more.
 */
class BuildShare {
  /** How long a connection waits for the other to finish writing before it gives up. */
  private static readonly WAIT_MS = 10_000;
  private readonly lock: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.lock = new Int32Array(buffer);
  }

  static create(): SharedArrayBuffer {
    return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  }

  exclusively(write: () => void): void {
    const deadline = Date.now() + BuildShare.WAIT_MS;
    while (!this.take()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('The other connection building this file has held it for too long');
      Atomics.wait(this.lock, 0, 1, left);
    }
    this.holding(write);
  }

  /** Writes if the other connection is not writing; else leaves it. */
  unlessBusy(write: () => void): void {
    if (this.take()) this.holding(write);
  }

  private take(): boolean {
    return Atomics.compareExchange(this.lock, 0, 0, 1) === 0;
  }

  private holding(write: () => void): void {
    try {
      write();
    } finally {
      Atomics.store(this.lock, 0, 0);
      Atomics.notify(this.lock, 0, 1);
    }
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
