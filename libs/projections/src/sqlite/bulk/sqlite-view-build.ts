import type Database from 'better-sqlite3';
import type { ViewStore, ViewWriter } from '../../view-store.port.js';
import { applyEach } from '../apply-each.js';
import { SqliteViewStore } from '../sqlite-view-store.js';
import { checkpointStatements, openViewsFile } from '../views-file.js';
import { BuildLock } from './build-lock.js';
import { BuildWriter } from './build-writer.js';
import { BuiltValues } from './built-values.js';
import { BuiltVersions, INDEX_ROW_LENGTH } from './built-versions.js';
import { ChunkedInsert } from './chunked-insert.js';

/** Values stored between two commits of a bulk build: a few thousand, a megabyte or two. */
const VALUES_PER_COMMIT = 4000;
/**
 * Values a build holds at most while the other connection building its file writes: until
 * then it goes on building instead of waiting.
 */
const VALUES_HELD_AT_MOST = 4 * VALUES_PER_COMMIT;
/** Version index rows written between two commits (another connection's values get in between). */
const INDEX_ROWS_PER_COMMIT = 10_000;

/**
 * Builds the embedded views from scratch into a new file (cli rebuild, report-back) that nobody
 * reads until it is done and that is thrown away if the build stops: no journal, no syncs. The
 * values and the version index are kept in memory; the values are stored a few thousand at a
 * time in short transactions (another connection may be building the same file: `joining`),
 * and the index is written once, in key order, by `finish`, which hands back the store to read
 * the views with.
 */
export class SqliteViewBuild implements Pick<ViewStore, 'applyBatch' | 'checkpoint'> {
  private readonly db: Database.Database;
  private readonly lock: BuildLock;
  private readonly values: BuiltValues;
  private readonly versions: BuiltVersions;
  private readonly checkpoints = new Map<string, number>();
  private readonly sql;
  private finished: SqliteViewStore | undefined;

  /** `joining`: another build's `share`, to build the same file at the same time, from another thread (each writes its own rows). */
  constructor(
    readonly file: string,
    options: { joining?: SharedArrayBuffer } = {},
  ) {
    this.db = openViewsFile(file, 'bulk');
    if (!options.joining && this.db.prepare('SELECT 1 FROM view_rows LIMIT 1').get()) {
      this.db.close();
      throw new Error(`A bulk view store is built from scratch: ${file} already has views`);
    }
    this.lock = new BuildLock(options.joining ?? BuildLock.create());
    this.values = new BuiltValues(this.db);
    this.versions = new BuiltVersions(this.values);
    this.sql = checkpointStatements(this.db);
  }

  /** What this build shares with another connection building the same file (`joining`). */
  get share(): SharedArrayBuffer {
    return this.lock.buffer;
  }

  /**
   * Applies a batch straight into the build. Values are stored a few thousand at a time, not a
   * commit per batch: each commit writes its pages out and holds off another connection building
   * the same file; while that one writes, this one builds on.
   */
  async applyBatch<E extends { position: bigint }>(
    projection: string,
    events: ReadonlyArray<E>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: E) => Promise<void>,
  ): Promise<void> {
    this.building();
    const writer = new BuildWriter(this.versions);
    await applyEach(writer, events, apply);
    writer.batchDone();
    this.checkpoints.set(projection, Number(upTo));
    const waiting = this.values.waiting;
    if (waiting >= VALUES_PER_COMMIT) this.store({ unlessBusy: waiting < VALUES_HELD_AT_MOST });
  }

  /** How far a projection has come in this build (or in the file, built by the other connection). */
  async checkpoint(projection: string): Promise<bigint> {
    return BigInt(this.checkpoints.get(projection) ?? this.sql.checkpoint.get(projection)?.position ?? 0);
  }

  /**
   * Ends the build: stores the rest, then writes the version index in key order, some thousand
   * rows a commit; hands back the views, to be read (and written) as any other embedded store's
   * through this connection. Finished once: later calls hand back the same store. The index
   * rows are sorted and laid out before the file is taken: the other connection building it is
   * likely to be writing its own index then (both threads of a rebuild end at about the same
   * time), and each would wait for the other's sorting too.
   */
  finish(): SqliteViewStore {
    if (this.finished) return this.finished;
    const rows = this.versions.indexRows();
    this.store();
    const index = new ChunkedInsert(this.db, 'INSERT INTO view_rows (view, key, valid_from, valid_to, value_id) VALUES', INDEX_ROW_LENGTH);
    const { values } = this;
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
    this.finished = new SqliteViewStore(this.file, { builtOn: this.db });
    return this.finished;
  }

  /** Lets the file go: a build not finished leaves it without its index (to be thrown away); a finished one closes its store. */
  async close(): Promise<void> {
    if (this.finished) await this.finished.close();
    else this.db.close();
  }

  private building(): void {
    if (this.finished) throw new Error(`The build of ${this.file} is finished: write through the store it handed back`);
  }

  /**
   * Stores the values and checkpoints so far, in a transaction of its own; `unlessBusy`: not
   * now if the other connection building the file is writing.
   */
  private store({ unlessBusy = false } = {}): void {
    this.write(() => {
      this.values.store();
      for (const [projection, position] of this.checkpoints) this.sql.saveCheckpoint.run(projection, position);
    }, unlessBusy);
  }

  private write(write: () => void, unlessBusy = false): void {
    const transaction = () => this.db.transaction(write).immediate();
    if (unlessBusy) this.lock.unlessBusy(transaction);
    else this.lock.exclusively(transaction);
  }
}
