import { createHash } from 'node:crypto';
import { WalCheckpointer } from '@lagesbild/event-store/sqlite';
import type Database from 'better-sqlite3';
import { PendingVersions, PendingWriter } from '../pending-versions.js';
import type { ViewReader, ViewStore, ViewWriter } from '../view-store.port.js';
import { applyEach } from './apply-each.js';
import { ParsedValueCache } from './parsed-value-cache.js';
import { OPEN, checkpointStatements, openViewsFile } from './views-file.js';

/** Commits after which checkpoints move to a thread of their own (a short-lived store never needs one). */
const COMMITS_BEFORE_CHECKPOINTER = 100;
/** JSON kept parsed for readers: a ten-year national trend's rows several times over. */
const PARSED_BUDGET = 8 * 1024 * 1024;

export interface SqliteViewStoreOptions {
  /**
   * A second connection that only reads views another connection writes (and has opened first:
   * the writer sets the file up).
   */
  readOnly?: boolean;
  /** The connection of a finished bulk build (`SqliteViewBuild.finish`): the store goes on with it as it is. */
  builtOn?: Database.Database;
}

/**
 * The embedded view store: its own SQLite file beside the event log (views can always be
 * rebuilt from the log, so a lost tail after a power cut is re-applied from the checkpoint,
 * which lives in the same transaction). A new file is built faster in bulk: `SqliteViewBuild`.
 */
export class SqliteViewStore implements ViewStore {
  private readonly db: Database.Database;
  /** A store that checkpoints its WAL: not a bulk-built one, nor a reading one. */
  private readonly checkpointed: boolean;
  private checkpointer: WalCheckpointer | undefined;
  private commits = 0;
  private readonly parsed = new ParsedValueCache(PARSED_BUDGET);
  private readonly sql;

  constructor(
    readonly file: string,
    options: SqliteViewStoreOptions = {},
  ) {
    this.db = options.builtOn ?? openViewsFile(file, options.readOnly ? 'reading' : 'writing');
    this.checkpointed = !options.builtOn && !options.readOnly;
    this.sql = {
      ...checkpointStatements(this.db),
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
    };
  }

  async applyBatch<E extends { position: bigint }>(
    projection: string,
    events: ReadonlyArray<E>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: E) => Promise<void>,
  ): Promise<void> {
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
  private async pending<E extends { position: bigint }>(events: ReadonlyArray<E>, apply: (writer: ViewWriter, event: E) => Promise<void>): Promise<PendingVersions> {
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

  async drop(projection: string, views: readonly string[]): Promise<void> {
    this.dropAll([projection], views);
  }

  async keepOnly(checkpoints: readonly string[], views: readonly string[]): Promise<void> {
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

  /** A stored value, parsed once (`ParsedValueCache`). */
  private valueOf<T>(id: number): T {
    const known = this.parsed.get(id);
    if (known !== undefined) return known as T;
    return this.parsed.remember(id, this.sql.value.get(id)!.value) as T;
  }

  async digest(): Promise<string> {
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
