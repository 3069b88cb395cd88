import { createHash } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, test } from '@jest/globals';
import type { ViewStore, ViewWriter } from '../view-store.port.js';

export interface ViewStoreContractOptions {
  /** Opens a fresh, empty store; called once or more per test, each store closed after it. */
  create: () => Promise<ViewStore>;
  /** Cleans up after the suite, every store closed (a temp directory, databases, say). */
  dispose?: () => Promise<void>;
  /** When set, the suite is reported as skipped with this reason instead of run. */
  skipReason?: string;
}

/** One event of a batch: its position, and what the projection writes for it. */
type Step = [position: number, apply: (writer: ViewWriter) => Promise<unknown>];

const p = (n: number) => BigInt(n);

/** Applies `steps` as one batch of `projection`, moving its checkpoint to `upTo` (default: the last step). */
async function batch(store: ViewStore, steps: Step[], options: { projection?: string; upTo?: number } = {}): Promise<void> {
  const byPosition = new Map(steps.map(([position, apply]) => [p(position), apply]));
  const upTo = options.upTo ?? steps.at(-1)![0];
  await store.applyBatch(
    options.projection ?? 'contract@v1',
    steps.map(([position]) => ({ position: p(position) })),
    p(upTo),
    async (writer, event) => {
      await byPosition.get(event.position)!(writer);
    },
  );
}

const put = (view: string, key: string, value: unknown) => (writer: ViewWriter) => writer.put(view, key, value);
const remove = (view: string, key: string) => (writer: ViewWriter) => writer.remove(view, key);

/**
 * The one contract every view-store adapter passes: versioned rows read as of a position,
 * a batch's own writes visible to it, the batch and its checkpoint all or nothing, and one
 * digest formula, so two adapters holding the same views give the same digest.
 */
export function describeViewStoreContract(adapter: string, options: ViewStoreContractOptions): void {
  if (options.skipReason) {
    process.stderr.write(`\n  SKIPPED: view store contract suite for ${adapter} — ${options.skipReason}\n\n`);
    describe(`view store contract: ${adapter}`, () => {
      test.skip(`SKIPPED — ${options.skipReason}`, () => undefined);
    });
    return;
  }

  describe(`view store contract: ${adapter}`, () => {
    const opened: ViewStore[] = [];
    const open = async () => {
      const store = await options.create();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    afterAll(async () => {
      await options.dispose?.();
    });

    it('lets a batch read its own writes, and the rows earlier batches left', async () => {
      const store = await open();
      const seen: unknown[] = [];
      await batch(store, [
        [1, async (w) => seen.push(await w.get('reports', '2085|2018-03'))],
        [2, put('reports', '2085|2018-03', { level: 2 })],
        [3, async (w) => seen.push(await w.get('reports', '2085|2018-03'))],
        [4, async (w) => {
          await w.put('reports', '2085|2018-03', { level: 3 });
          seen.push(await w.get('reports', '2085|2018-03'));
        }],
      ]);
      expect(seen).toEqual([undefined, { level: 2 }, { level: 3 }]);

      await batch(store, [
        [5, async (w) => seen.push(await w.get('reports', '2085|2018-03'))],
        [6, remove('reports', '2085|2018-03')],
        [7, async (w) => seen.push(await w.get('reports', '2085|2018-03'))],
        [8, put('reports', '2085|2018-03', { level: 4 })],
        [9, async (w) => seen.push(await w.get('reports', '2085|2018-03'))],
      ]);
      expect(seen.slice(3)).toEqual([{ level: 3 }, undefined, { level: 4 }]);
    });

    it('answers, as of a position, the version valid then: nothing before the first put, the old value until an update', async () => {
      const store = await open();
      await batch(store, [[5, put('reports', 'k', 'första')]]);
      await batch(store, [[9, put('reports', 'k', 'andra')]]);

      const at = (n: number) => store.readerAt(p(n)).get('reports', 'k');
      expect(await at(0)).toBeUndefined();
      expect(await at(4)).toBeUndefined();
      expect(await at(5)).toBe('första');
      expect(await at(8)).toBe('första');
      expect(await at(9)).toBe('andra');
      expect(await at(1000)).toBe('andra');
      expect(await store.readerAt(p(9)).get('other-view', 'k')).toBeUndefined();
    });

    it('keeps each version when one batch puts the same key at several positions', async () => {
      const store = await open();
      await batch(store, [
        [1, put('counts', 'k', 1)],
        [2, put('counts', 'k', 2)],
        [3, put('counts', 'k', 3)],
      ]);
      const at = (n: number) => store.readerAt(p(n)).get('counts', 'k');
      expect([await at(0), await at(1), await at(2), await at(3), await at(4)]).toEqual([undefined, 1, 2, 3, 3]);
    });

    it('keeps one version per position: a second put for the same event replaces the first', async () => {
      const twice = await open();
      const once = await open();
      await batch(twice, [
        [1, put('counts', 'k', 'a')],
        [2, async (w) => {
          await w.put('counts', 'k', 'b');
          await w.put('counts', 'k', 'c');
        }],
      ]);
      await batch(once, [
        [1, put('counts', 'k', 'a')],
        [2, put('counts', 'k', 'c')],
      ]);
      expect(await twice.readerAt(p(1)).get('counts', 'k')).toBe('a');
      expect(await twice.readerAt(p(2)).get('counts', 'k')).toBe('c');
      expect(await twice.digest()).toBe(await once.digest());
    });

    it('ends a row at the position of its removal; earlier positions still see it', async () => {
      const store = await open();
      await batch(store, [[3, put('risks', '2085|r1', { title: 'Skadegörelse' })]]);
      await batch(store, [[7, remove('risks', '2085|r1')]]);
      await batch(store, [[10, put('risks', '2085|r1', { title: 'Åter' })]]);

      const get = (n: number) => store.readerAt(p(n)).get('risks', '2085|r1');
      const keys = async (n: number) => (await store.readerAt(p(n)).list('risks', '2085|')).map((row) => row.key);
      expect(await get(6)).toEqual({ title: 'Skadegörelse' });
      expect(await keys(6)).toEqual(['2085|r1']);
      expect(await get(7)).toBeUndefined();
      expect(await keys(7)).toEqual([]);
      expect(await get(9)).toBeUndefined();
      expect(await get(10)).toEqual({ title: 'Åter' });
      expect(await get(3)).toEqual({ title: 'Skadegörelse' });
    });

    it('lists the rows under a prefix in key order, only rows valid at the position, only of that view', async () => {
      const store = await open();
      await batch(store, [
        [1, put('goals', '2085|c', 'c1')],
        [2, put('goals', '2085|a', 'a1')],
        [3, put('goals', '2085|b', 'b1')],
        [4, put('goals', '2084|a', 'other unit')],
        [5, put('actions', '2085|a', 'other view')],
      ]);
      await batch(store, [
        [6, put('goals', '2085|a', 'a2')],
        [7, remove('goals', '2085|c')],
        [8, put('goals', '2085|0', 'new')],
      ]);

      const list = async (n: number) => store.readerAt(p(n)).list('goals', '2085|');
      expect(await list(0)).toEqual([]);
      expect(await list(2)).toEqual([
        { key: '2085|a', value: 'a1' },
        { key: '2085|c', value: 'c1' },
      ]);
      expect(await list(5)).toEqual([
        { key: '2085|a', value: 'a1' },
        { key: '2085|b', value: 'b1' },
        { key: '2085|c', value: 'c1' },
      ]);
      expect(await list(8)).toEqual([
        { key: '2085|0', value: 'new' },
        { key: '2085|a', value: 'a2' },
        { key: '2085|b', value: 'b1' },
      ]);
      expect(await store.readerAt(p(8)).list('actions', '2085|')).toEqual([{ key: '2085|a', value: 'other view' }]);
    });

    it('orders keys by code point, not by locale: a < z < ä < å < ö', async () => {
      const store = await open();
      await batch(store, ['ö', 'z', 'å', 'a', 'ä'].map((letter, i): Step => [i + 1, put('names', `x|${letter}`, letter)]));
      const keys = (await store.readerAt(p(5)).list('names', 'x|')).map((row) => row.key);
      expect(keys).toEqual(['x|a', 'x|z', 'x|ä', 'x|å', 'x|ö']);
    });

    it('matches a prefix ending in its separator exactly: 20| is not 200| or 2085|', async () => {
      const store = await open();
      await batch(store, [
        [1, put('units', '200|x', 'two hundred')],
        [2, put('units', '20|x', 'twenty')],
        [3, put('units', '2085|x', 'Malmö')],
        [4, put('units', '20|y', 'twenty too')],
        [5, put('units', '2|x', 'two')],
      ]);
      const reader = store.readerAt(p(5));
      expect((await reader.list('units', '20|')).map((row) => row.key)).toEqual(['20|x', '20|y']);
      expect((await reader.list('units', '2|')).map((row) => row.key)).toEqual(['2|x']);
      expect((await reader.list('units', '20')).map((row) => row.key)).toEqual(['200|x', '2085|x', '20|x', '20|y']);
      expect(await reader.list('units', '21|')).toEqual([]);
    });

    it('stores the checkpoint with the batch: when apply throws, neither the rows nor the checkpoint change', async () => {
      const store = await open();
      await batch(store, [
        [1, put('reports', 'a', 'gammal')],
        [2, put('reports', 'b', 'gammal')],
      ]);
      expect(await store.checkpoint('contract@v1')).toBe(2n);
      const before = await store.digest();

      const failure = new Error('projection failed');
      await expect(
        batch(store, [
          [3, put('reports', 'a', 'ny')],
          [4, put('reports', 'c', 'ny')],
          [5, remove('reports', 'b')],
          [6, async () => {
            throw failure;
          }],
        ]),
      ).rejects.toBe(failure);

      expect(await store.checkpoint('contract@v1')).toBe(2n);
      const reader = store.readerAt(p(6));
      expect(await reader.get('reports', 'a')).toBe('gammal');
      expect(await reader.get('reports', 'c')).toBeUndefined();
      expect(await reader.list('reports', '')).toEqual([
        { key: 'a', value: 'gammal' },
        { key: 'b', value: 'gammal' },
      ]);
      expect(await store.digest()).toBe(before);

      // The store is usable after the failure: the same events, applied again, take.
      await batch(store, [
        [3, put('reports', 'a', 'ny')],
        [4, put('reports', 'c', 'ny')],
      ]);
      expect(await store.checkpoint('contract@v1')).toBe(4n);
      expect(await store.readerAt(p(4)).list('reports', '')).toEqual([
        { key: 'a', value: 'ny' },
        { key: 'b', value: 'gammal' },
        { key: 'c', value: 'ny' },
      ]);
    });

    it('keeps a checkpoint per projection: 0 before any batch, moved by an empty batch too', async () => {
      const store = await open();
      expect(await store.checkpoint('risks@v1')).toBe(0n);
      await batch(store, [[3, put('risks', 'a', 1)]], { projection: 'risks@v1', upTo: 7 });
      expect(await store.checkpoint('risks@v1')).toBe(7n);
      expect(await store.checkpoint('risks@v2')).toBe(0n);

      await batch(store, [[4, put('goals', 'a', 1)]], { projection: 'goals@v1' });
      expect(await store.checkpoint('goals@v1')).toBe(4n);
      expect(await store.checkpoint('risks@v1')).toBe(7n);

      await store.applyBatch('risks@v1', [], 20_000n, async () => {
        throw new Error('no events, no apply');
      });
      expect(await store.checkpoint('risks@v1')).toBe(20_000n);
      expect(await store.checkpoint('goals@v1')).toBe(4n);
    });

    it('round-trips values as JSON: Swedish text, nested objects, arrays, numbers, booleans, null', async () => {
      const store = await open();
      const value = {
        title: 'Ökad otrygghet på torget i Håbo – "åäö ÅÄÖ" é ü',
        nested: { deeper: { list: [1, 'två', { tre: 3 }, [], {}], empty: '' }, flag: false },
        numbers: { zero: 0, negative: -17, fraction: 0.1 + 0.2, large: 2 ** 53 - 1, small: 1e-7, exponent: 6.02e23 },
        yes: true,
        nothing: null,
      };
      await batch(store, [
        [1, put('reports', 'Malmö|2018-03', value)],
        [2, put('scalars', 'text', 'Västerås')],
        [3, put('scalars', 'number', 42.5)],
        [4, put('scalars', 'false', false)],
        [5, put('scalars', 'list', ['å', 'ä', 'ö'])],
      ]);
      const seenByWriter: unknown[] = [];
      await batch(store, [[6, async (w) => seenByWriter.push(await w.get('reports', 'Malmö|2018-03'))]]);

      const reader = store.readerAt(p(6));
      expect(await reader.get('reports', 'Malmö|2018-03')).toEqual(value);
      expect(seenByWriter).toEqual([value]);
      expect(await reader.list('reports', 'Malmö|')).toEqual([{ key: 'Malmö|2018-03', value }]);
      expect(await reader.get('scalars', 'text')).toBe('Västerås');
      expect(await reader.get('scalars', 'number')).toBe(42.5);
      expect(await reader.get('scalars', 'false')).toBe(false);
      expect(await reader.get('scalars', 'list')).toEqual(['å', 'ä', 'ö']);
    });

    it('gives equal digests for stores fed the same batches, and different ones when a value or a version differs', async () => {
      const feed = async (store: ViewStore, level: number) => {
        await batch(store, [
          [1, put('reports', '2085|2018-03', { level: 2, text: 'Lugnt' })],
          [2, put('risks', '2085|r1', { title: 'Klotter' })],
        ]);
        await batch(store, [[5, put('reports', '2085|2018-03', { level, text: 'Oroligt' })]]);
      };
      const [a, b, c, d] = [await open(), await open(), await open(), await open()];
      await feed(a, 3);
      await feed(b, 3);
      await feed(c, 4);
      await feed(d, 3);
      await batch(d, [[6, remove('risks', '2085|r1')]]);

      const digest = await a.digest();
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(await b.digest()).toBe(digest);
      expect(await c.digest()).not.toBe(digest);
      expect(await d.digest()).not.toBe(digest);
      expect(await (await open()).digest()).not.toBe(digest);
    });

    it('digests every row version by one formula (view, key, validFrom order), so adapters compare', async () => {
      const store = await open();
      await batch(store, [
        [1, put('v', 'b', { n: 1 })],
        [2, put('v', 'b', { n: 2, text: 'två' })],
        [3, put('v', 'a', true)],
        [4, remove('v', 'a')],
        [5, put('u', 'z', 'sist')],
      ]);
      const open_ = String(Number.MAX_SAFE_INTEGER);
      const versions = [
        ['u', 'z', '5', open_, '"sist"'],
        ['v', 'a', '3', '4', 'true'],
        ['v', 'b', '1', '2', '{"n":1}'],
        ['v', 'b', '2', open_, '{"n":2,"text":"två"}'],
      ];
      const expected = createHash('sha256');
      for (const version of versions) expected.update(`${version.join('\u0000')}\n`);
      expect(await store.digest()).toBe(expected.digest('hex'));
    });

    it('drops a retired projection version: its views at every position and its checkpoint, nothing else', async () => {
      const store = await open();
      await batch(store, [[1, put('old@v1', 'k', 'gammal')], [2, put('kept@v2', 'k', 'ny')]], { projection: 'p@v1' });
      await batch(store, [[3, put('other', 'k', 'annan')]], { projection: 'q@v1' });
      await store.drop('p@v1', ['old@v1']);
      expect(await store.readerAt(p(1)).get('old@v1', 'k')).toBeUndefined();
      expect(await store.readerAt(p(3)).list('old@v1', '')).toEqual([]);
      expect(await store.checkpoint('p@v1')).toBe(0n);
      expect(await store.readerAt(p(3)).get('kept@v2', 'k')).toBe('ny');
      expect(await store.readerAt(p(3)).get('other', 'k')).toBe('annan');
      expect(await store.checkpoint('q@v1')).toBe(3n);
    });

    it('keeps only the projections the code has: any other checkpoint and stored view is dropped, nothing else', async () => {
      const store = await open();
      await batch(store, [[1, put('gone@v4', 'k', 'borta')], [2, put('kept@v2', 'k', 'kvar')]], { projection: 'gone@v4' });
      await batch(store, [[3, put('kept@v2', 'j', 'också')]], { projection: 'kept@v2' });
      await store.keepOnly(['kept@v2'], ['kept@v2']);
      expect(await store.readerAt(p(1)).get('gone@v4', 'k')).toBeUndefined();
      expect(await store.readerAt(p(3)).list('gone@v4', '')).toEqual([]);
      expect(await store.checkpoint('gone@v4')).toBe(0n);
      expect(await store.readerAt(p(3)).list('kept@v2', '')).toEqual([
        { key: 'j', value: 'också' },
        { key: 'k', value: 'kvar' },
      ]);
      expect(await store.checkpoint('kept@v2')).toBe(3n);
    });
  });
}
