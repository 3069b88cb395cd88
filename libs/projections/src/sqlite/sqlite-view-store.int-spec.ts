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

  const write = (store: SqliteViewStore, projection: string, rows: Array<[view: string, key: string, position: number, value: unknown]>) =>
    store.applyBatch(
      projection,
      rows.map(([, , position]) => ({ position: BigInt(position) })),
      BigInt(Math.max(...rows.map(([, , position]) => position))),
      async (writer, event) => {
        for (const [view, key, position, value] of rows) if (BigInt(position) === event.position) await writer.put(view, key, value);
      },
    );

  it('takes in a part built apart: the views, versions and checkpoints are those of one store that built it all', async () => {
    const here: Array<[string, string, number, unknown]> = [
      ['a@v1', '20|x', 1, { n: 1 }],
      ['a@v1', '20|x', 4, { n: 4 }],
      ['b@v1', 'k', 2, ['b']],
    ];
    const beside: Array<[string, string, number, unknown]> = [
      ['a@v1', '01|y', 3, { n: 3 }],
      ['a@v1', '01|y', 5, { n: 5 }],
    ];
    const whole = new SqliteViewStore(join(partsDir, 'whole.db'), { bulk: true });
    await write(whole, 'p@v1', [...here, ...beside].sort((x, y) => x[2] - y[2]));
    await write(whole, 'q@v1', [['c@v1', 'only', 6, 'c']]);

    const part = new SqliteViewStore(join(partsDir, 'part.db'), { bulk: true });
    await write(part, 'p@v1', beside);
    await part.close();
    const main = new SqliteViewStore(join(partsDir, 'main.db'), { bulk: true });
    await write(main, 'p@v1', here);
    await write(main, 'q@v1', [['c@v1', 'only', 6, 'c']]);
    main.indexBuilt(['b@v1', 'c@v1']); // complete here: indexed while the other part goes on
    await expect(write(main, 'q@v1', [['c@v1', 'late', 7, 'c']])).rejects.toThrow(/index of c@v1 is written/);
    main.takeIn(join(partsDir, 'part.db'));

    expect(await main.digest()).toBe(await whole.digest());
    expect(await main.readerAt(3n).get('a@v1', '01|y')).toEqual({ n: 3 });
    expect(await main.readerAt(4n).list('a@v1', '')).toEqual([
      { key: '01|y', value: { n: 3 } },
      { key: '20|x', value: { n: 4 } },
    ]);
    expect(await main.checkpoint('p@v1')).toBe(4n); // as far as the part that came least far (the other one came to 5)
    await main.close();
    await whole.close();
  });
});
