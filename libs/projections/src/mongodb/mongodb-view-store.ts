import { createHash } from 'node:crypto';
import { type AnyBulkWriteOperation, type Collection, type Db, MongoClient } from 'mongodb';
import type { ViewReader, ViewStore, ViewWriter } from '../view-store.port.js';

/**
 * The open end of a row version's span. The same number as the SQLite adapter's, so the two
 * adapters' digests over the same views are equal.
 */
const OPEN = BigInt(Number.MAX_SAFE_INTEGER);

/** One version of one row. Positions are BSON int64 (bigint here, never a double). */
interface RowVersion {
  view: string;
  key: string;
  validFrom: bigint;
  validTo: bigint;
  /** The value's JSON text, as the SQLite adapter keeps it: a value round-trips alike in both. */
  value: string;
}

interface CheckpointDocument {
  _id: string;
  position: bigint;
}

export interface MongoViewStoreOptions {
  /** The database; else the one named in the URL's path; else `lagesbild`. */
  database?: string;
}

/** The versions a batch has written for one row, kept in memory until the batch commits. */
interface PendingRow {
  view: string;
  key: string;
  /** Where the batch ended the version that was open in the database (if there was one). */
  closedBaseAt?: bigint;
  /** The versions this batch opened, in position order; the last may still be open. */
  versions: Array<{ validFrom: bigint; validTo: bigint; value: string }>;
}

/**
 * The view store on MongoDB (docker/docker-compose.yml). Row versions live in `view_rows`,
 * checkpoints in `checkpoints`. A batch is applied in memory first (its writer reads its own
 * writes), then written with one bulkWrite and the checkpoint in one transaction, so MongoDB
 * must run as a replica set (a single-node one will do).
 */
export class MongoViewStore implements ViewStore {
  private readonly rows: Collection<RowVersion>;
  private readonly checkpoints: Collection<CheckpointDocument>;
  /** Connected, checked to be a replica set, indexes in place; every operation waits for it. */
  private readonly ready: Promise<void>;

  private constructor(
    private readonly client: MongoClient,
    db: Db,
  ) {
    this.rows = db.collection<RowVersion>('view_rows');
    this.checkpoints = db.collection<CheckpointDocument>('checkpoints');
    this.ready = this.prepare();
    // A failure surfaces through the operations (and `connect`), not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** Connects, checks that the server runs transactions, and creates the indexes. */
  static async connect(url: string, options: MongoViewStoreOptions = {}): Promise<MongoViewStore> {
    const store = MongoViewStore.open(url, options);
    try {
      await store.ready;
    } catch (error) {
      await store.client.close();
      throw error;
    }
    return store;
  }

  /**
   * The store at once, connecting in the background: every operation waits for the
   * connection and fails with its error (for a caller that cannot await, such as a constructor).
   */
  static open(url: string, options: MongoViewStoreOptions = {}): MongoViewStore {
    const client = new MongoClient(url);
    const database = options.database ?? databaseInUrl(url) ?? 'lagesbild';
    return new MongoViewStore(client, client.db(database, { useBigInt64: true }));
  }

  async applyBatch<E extends { position: bigint }>(
    projection: string,
    events: ReadonlyArray<E>,
    upTo: bigint,
    apply: (writer: ViewWriter, event: E) => Promise<void>,
  ): Promise<void> {
    await this.ready;
    const pending = new Map<string, PendingRow>();
    /** The version open in the database before this batch, per row (null: none), read once. */
    const base = new Map<string, string | null>();
    for (const event of events) {
      await apply(this.writerAt(checkedPosition(event.position), pending, base), event);
    }
    const checkpoint = checkedPosition(upTo);
    const writes = bulkWrites(pending);
    const session = this.client.startSession();
    try {
      await session.withTransaction(async () => {
        if (writes.length > 0) await this.rows.bulkWrite(writes, { session, ordered: true });
        await this.checkpoints.updateOne({ _id: projection }, { $set: { position: checkpoint } }, { session, upsert: true });
      });
    } finally {
      await session.endSession();
    }
  }

  async drop(projection: string, views: readonly string[]): Promise<void> {
    await this.ready;
    await this.rows.deleteMany({ view: { $in: [...views] } });
    await this.checkpoints.deleteOne({ _id: projection });
  }

  async keepOnly(checkpoints: readonly string[], views: readonly string[]): Promise<void> {
    await this.ready;
    await this.rows.deleteMany({ view: { $nin: [...views] } });
    await this.checkpoints.deleteMany({ _id: { $nin: [...checkpoints] } });
  }

  async checkpoint(projection: string): Promise<bigint> {
    await this.ready;
    const found = await this.checkpoints.findOne({ _id: projection });
    return found ? BigInt(found.position) : 0n;
  }

  readerAt(position: bigint): ViewReader {
    const at = checkedPosition(position);
    const validAt = { validFrom: { $lte: at }, validTo: { $gt: at } };
    return {
      get: async <T>(view: string, key: string) => {
        await this.ready;
        const row = await this.rows.findOne({ view, key, ...validAt }, { sort: { validFrom: -1 }, projection: { _id: 0, value: 1 } });
        return row ? (JSON.parse(row.value) as T) : undefined;
      },
      list: async <T>(view: string, prefix: string) => {
        await this.ready;
        const rows = await this.rows
          .find({ view, key: { $gte: prefix, $lt: `${prefix}\uffff` }, ...validAt }, { sort: { key: 1 }, projection: { _id: 0, key: 1, value: 1 } })
          .toArray();
        return rows.map((row) => ({ key: row.key, value: JSON.parse(row.value) as T }));
      },
    };
  }

  /** The SQLite adapter's formula over the same order (MongoDB compares strings bytewise, as SQLite does). */
  async digest(): Promise<string> {
    await this.ready;
    const hash = createHash('sha256');
    const rows = this.rows.find({}, { sort: { view: 1, key: 1, validFrom: 1 }, projection: { _id: 0 } });
    for await (const row of rows) {
      hash.update(`${row.view}\u0000${row.key}\u0000${row.validFrom}\u0000${row.validTo}\u0000${row.value}\n`);
    }
    return hash.digest('hex');
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async prepare(): Promise<void> {
    await this.client.connect();
    const hello = await this.client.db('admin').command({ hello: 1 });
    if (!hello.setName && hello.msg !== 'isdbgrid') {
      throw new Error(
        'MongoDB runs as a standalone server, but the view store commits each batch with its checkpoint in a transaction, which needs a replica set (see docker/docker-compose.yml)',
      );
    }
    await this.rows.createIndexes([
      // A row version's identity; serves list(prefix) in key order and the digest's order.
      { key: { view: 1, key: 1, validFrom: 1 }, name: 'row_version', unique: true },
      // The open version of a row (validTo = OPEN) and the as-of lookup (validTo > p).
      { key: { view: 1, key: 1, validTo: 1 }, name: 'row_valid_to' },
    ]);
  }

  /** The open version of a row before this batch, read from the database once per row and batch. */
  private async baseValue(view: string, key: string, base: Map<string, string | null>): Promise<string | null> {
    const id = rowId(view, key);
    if (!base.has(id)) {
      const row = await this.rows.findOne({ view, key, validTo: OPEN }, { projection: { _id: 0, value: 1 } });
      base.set(id, row ? row.value : null);
    }
    return base.get(id) ?? null;
  }

  /** The writer for one event: the same versioning as the SQLite adapter, kept in `pending`. */
  private writerAt(position: bigint, pending: Map<string, PendingRow>, base: Map<string, string | null>): ViewWriter {
    const row = (view: string, key: string): PendingRow => {
      const id = rowId(view, key);
      let found = pending.get(id);
      if (!found) {
        found = { view, key, versions: [] };
        pending.set(id, found);
      }
      return found;
    };
    /** Ends whatever version is open at this position: one this batch opened, else the base one. */
    const end = (target: PendingRow) => {
      const last = target.versions.at(-1);
      if (last) {
        if (last.validTo === OPEN) last.validTo = position;
      } else if (target.closedBaseAt === undefined) {
        target.closedBaseAt = position;
      }
    };
    return {
      get: async <T>(view: string, key: string) => {
        const target = pending.get(rowId(view, key));
        if (target && (target.versions.length > 0 || target.closedBaseAt !== undefined)) {
          const last = target.versions.at(-1);
          return last && last.validTo === OPEN ? (JSON.parse(last.value) as T) : undefined;
        }
        const value = await this.baseValue(view, key, base);
        return value === null ? undefined : (JSON.parse(value) as T);
      },
      put: async <T>(view: string, key: string, value: T) => {
        const target = row(view, key);
        end(target);
        // A second version at the same position replaces the first (SQLite: INSERT OR REPLACE).
        if (target.versions.at(-1)?.validFrom === position) target.versions.pop();
        target.versions.push({ validFrom: position, validTo: OPEN, value: JSON.stringify(value) });
      },
      remove: async (view: string, key: string) => {
        end(row(view, key));
      },
    };
  }
}

function rowId(view: string, key: string): string {
  return `${view}\u0000${key}`;
}

/** Positions are kept as int64 and must stay below the open end (a safe integer, as in SQLite). */
function checkedPosition(position: bigint): bigint {
  if (position < 0n || position >= OPEN) throw new RangeError(`Position ${position} is outside the view store's range [0, ${OPEN})`);
  return position;
}

/** The batch's writes in order: per row, end the version open before the batch, then write its own. */
function bulkWrites(pending: Map<string, PendingRow>): Array<AnyBulkWriteOperation<RowVersion>> {
  const writes: Array<AnyBulkWriteOperation<RowVersion>> = [];
  for (const { view, key, closedBaseAt, versions } of pending.values()) {
    if (closedBaseAt !== undefined) {
      writes.push({ updateOne: { filter: { view, key, validTo: OPEN }, update: { $set: { validTo: closedBaseAt } } } });
    }
    for (const version of versions) {
      writes.push({
        replaceOne: { filter: { view, key, validFrom: version.validFrom }, replacement: { view, key, ...version }, upsert: true },
      });
    }
  }
  return writes;
}

/** The database named in a mongodb:// URL's path, if any. */
function databaseInUrl(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}
