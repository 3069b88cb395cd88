import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { describeViewStoreContract } from '../testing/view-store.contract.js';
import { SqliteViewStore } from './sqlite-view-store.js';

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-contract-'));
let files = 0;

describeViewStoreContract('SQLite', {
  create: async () => new SqliteViewStore(join(dir, `views-${++files}.db`)),
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});

const bulkDir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-bulk-'));

describeViewStoreContract('SQLite, built in bulk (the version index kept in memory until the first read)', {
  create: async () => new SqliteViewStore(join(bulkDir, `views-${++files}.db`), { bulk: true }),
  dispose: async () => rmSync(bulkDir, { recursive: true, force: true }),
});


describe('a bulk build in parts (SQLite)', () => {
  const partsDir = mkdtempSync(join(tmpdir(), 'lagesbild-view-store-parts-'));
  afterAll(() => rmSync(partsDir, { recursive: true, force: true }));

  const write = (store: SqliteViewStore, projection: string, rows: Array<[view: string, key: string, position: number, value: unknown]>, upTo?: bigint) => {
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
    const whole = new SqliteViewStore(join(partsDir, 'whole.db'), { bulk: true });
    await write(whole, 'p@v1', [...here, ...beside].sort((x, y) => x[2] - y[2]));
    await write(whole, 'q@v1', [['c@v1', 'only', 1, 'c']]);

    const main = new SqliteViewStore(join(partsDir, 'main.db'), { bulk: true });
    const part = new SqliteViewStore(join(partsDir, 'main.db'), { bulk: true, joining: main.share });
    await write(main, 'q@v1', [['c@v1', 'only', 1, 'c']]);
    for (let i = 0; i < 10_000; i += 1_000) {
      await write(main, 'p@v1', here.slice(i, i + 1_000));
      await write(part, 'p@v1', beside.slice(i, i + 1_000), i + 1_000 >= beside.length ? until : undefined);
    }
    await write(main, 'p@v1', here.slice(10_000), until);
    main.finishBuild();
    await part.close();

    expect(await main.digest()).toBe(await whole.digest());
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
    const built = new SqliteViewStore(file, { bulk: true });
    await write(built, 'p@v1', [['a@v1', 'k', 1, 'v']]);
    await built.close();
    expect(() => new SqliteViewStore(file, { bulk: true })).toThrow(/built from scratch/);
  });
});
