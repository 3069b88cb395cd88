import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { ViewReader, ViewStore, ViewWriter } from '../view-store.port.js';
import { describeViewStoreContract } from '../testing/view-store.contract.js';
import { SqliteViewBuild } from './bulk/sqlite-view-build.js';
import { SqliteViewStore } from './sqlite-view-store.js';

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-contract-'));
let files = 0;

describeViewStoreContract('SQLite', {
  create: async () => new SqliteViewStore(join(dir, `views-${++files}.db`)),
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});

/**
 * The bulk path as its callers take it: batches go into the build (checkpoints read from it)
 * until anything else is asked; the build is then finished and the store it hands back answers.
 */
class BuiltInBulk implements ViewStore {
  private finished: SqliteViewStore | undefined;

  constructor(private readonly build: SqliteViewBuild) {}

  applyBatch<E extends { position: bigint }>(projection: string, events: ReadonlyArray<E>, upTo: bigint, apply: (writer: ViewWriter, event: E) => Promise<void>) {
    return (this.finished ?? this.build).applyBatch(projection, events, upTo, apply);
  }
  checkpoint(projection: string) {
    return (this.finished ?? this.build).checkpoint(projection);
  }
  drop(projection: string, views: readonly string[]) {
    return this.views().drop(projection, views);
  }
  keepOnly(checkpoints: readonly string[], views: readonly string[]) {
    return this.views().keepOnly(checkpoints, views);
  }
  digest() {
    return this.views().digest();
  }
  readerAt(position: bigint): ViewReader {
    return this.views().readerAt(position);
  }
  close() {
    return this.build.close();
  }

  private views(): SqliteViewStore {
    return (this.finished ??= this.build.finish());
  }
}

const bulkDir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-bulk-'));

describeViewStoreContract('SQLite, built in bulk (the version index kept in memory until the build is finished)', {
  create: async () => new BuiltInBulk(new SqliteViewBuild(join(bulkDir, `views-${++files}.db`))),
  dispose: async () => rmSync(bulkDir, { recursive: true, force: true }),
});


describe('a bulk build in parts (SQLite)', () => {
  const partsDir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-parts-'));
  afterAll(() => rmSync(partsDir, { recursive: true, force: true }));

  const write = (store: SqliteViewBuild, projection: string, rows: Array<[view: string, key: string, position: number, value: unknown]>, upTo?: bigint) => {
    const at = new Map(rows.map(([view, key, position, value]) => [BigInt(position), { view, key, value }]));
    return store.applyBatch(projection, [...at.keys()].map((position) => ({ position })), upTo ?? BigInt(Math.max(...rows.map(([, , position]) => position))), async (writer, event) => {
      const row = at.get(event.position)!;
      await writer.put(row.view, row.key, row.value);
    });
  };

  it('builds one file from two connections at once: the views, versions and checkpoints are those of one store that built it all', async () => {
    // Enough values that each connection commits several times while the other builds, with
    // keys of one view that interleave (as a period's reports of two counties do).
    const here: Array<[string, string, number, unknown]> = [['b@v1', 'k', 2, ['b']]];
    const beside: Array<[string, string, number, unknown]> = [];
    const until = 20_009n;
    for (let position = 10; position <= until; position += 1) {
      const [rows, county] = position % 2 === 0 ? [here, '20'] : [beside, '01'];
      rows.push(['a@v1', `${position % 97}|${county}`, position, { n: position }]);
    }
    const whole = new SqliteViewBuild(join(partsDir, 'whole.db'));
    await write(whole, 'p@v1', [...here, ...beside].sort((x, y) => x[2] - y[2]));
    await write(whole, 'q@v1', [['c@v1', 'only', 1, 'c']]);

    const building = new SqliteViewBuild(join(partsDir, 'main.db'));
    const part = new SqliteViewBuild(join(partsDir, 'main.db'), { joining: building.share });
    await write(building, 'q@v1', [['c@v1', 'only', 1, 'c']]);
    for (let i = 0; i < 10_000; i += 1_000) {
      await write(building, 'p@v1', here.slice(i, i + 1_000));
      await write(part, 'p@v1', beside.slice(i, i + 1_000), i + 1_000 >= beside.length ? until : undefined);
    }
    await write(building, 'p@v1', here.slice(10_000), until);
    const main = building.finish();
    await part.finish().close();

    expect(await main.digest()).toBe(await whole.finish().digest());
    expect(await main.readerAt(13n).get('a@v1', '13|01')).toEqual({ n: 13 });
    expect(await main.readerAt(12n).list('a@v1', '1')).toEqual([
      { key: '10|20', value: { n: 10 } },
      { key: '11|01', value: { n: 11 } },
      { key: '12|20', value: { n: 12 } },
    ]);
    expect(await main.checkpoint('p@v1')).toBe(until);
    await main.close();
    await whole.close();
  });

  it('refuses to build from scratch into a file that has views', async () => {
    const file = join(partsDir, 'built.db');
    const built = new SqliteViewBuild(file);
    await write(built, 'p@v1', [['a@v1', 'k', 1, 'v']]);
    await built.finish().close();
    expect(() => new SqliteViewBuild(file)).toThrow(/built from scratch/);
  });
});
