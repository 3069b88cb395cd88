import { describe, expect, it } from '@jest/globals';
import type { Answer } from '@lagesbild/domain';
import { type ReportSummaryRow, answerAt, countAt, encodeAnswers, itemsWith, movedCounts, numbersMoved, placesOf, risingPlaces, summariseAt } from './report-summary.codec.js';

const summaryOf = (answers: Answer[], items: string[], before?: ReportSummaryRow): ReportSummaryRow => ({ late: false, ...encodeAnswers(answers, items, before), eventIds: [] });

/** A county period's counts as the codec keeps them, from each place's numbers answered (a plain histogram). */
function histogram(numbersByPlace: Array<Array<number | null>>): number[] {
  const counts: number[] = [];
  for (const numbers of numbersByPlace) {
    const byNumber = new Map<number, number>();
    for (const n of numbers) if (n !== null) byNumber.set(n, (byNumber.get(n) ?? 0) + 1);
    const pairs = [...byNumber].sort(([a], [b]) => a - b);
    counts.push(pairs.length, ...pairs.flat());
  }
  return counts;
}

describe('the report summary codec', () => {
  it('adds the items answered for the first time at the end of the county’s items, once each, and keeps the row when there are none', () => {
    const items = ['andt.level'];
    expect(itemsWith(items, [{ item: 'andt.level', value: 1 }])).toBe(items);
    const grown = itemsWith(items, [{ item: 'social-risk.level', value: 2 }, { item: 'andt.doping', value: true }, { item: 'social-risk.level', value: 3 }]);
    expect(grown).toEqual(['andt.level', 'social-risk.level', 'andt.doping']);
    expect(items).toEqual(['andt.level']);
    expect([...placesOf(grown)]).toEqual([['andt.level', 0], ['social-risk.level', 1], ['andt.doping', 2]]);
    expect(placesOf(grown)).toBe(placesOf(grown));
  });

  it('reads back each answer as its number or yes/no (null for a text) and trend, by its item’s place', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const row = summaryOf(
      [
        { item: 'e', value: 0, trend: 'falling' },
        { item: 'a', value: 3, trend: 'rising' },
        { item: 'b', value: 'Text', trend: 'unknown' },
        { item: 'c', value: true },
        { item: 'd', value: 'Text' },
      ],
      items,
    );
    expect(row.values).toEqual([3, null, true, null, 0]);
    expect(row.trends).toBe('rx--f');
    expect(items.map((_, place) => answerAt(row, place))).toEqual([[3, 'rising'], [null, 'unknown'], [true], undefined, [0, 'falling']]);
    expect(answerAt(row, 7)).toBeUndefined();
    expect(risingPlaces(row)).toEqual([0]);
  });

  it('writes an amendment’s answers over the summary it amends, and keeps the rest', () => {
    const items = ['a', 'b', 'c'];
    const submitted = summaryOf([{ item: 'b', value: 2, trend: 'rising' }], items);
    expect(submitted).toMatchObject({ values: [null, 2], trends: '-r' });
    const amended = summaryOf([{ item: 'c', value: false }, { item: 'a', value: 1, trend: 'rising' }], items, submitted);
    expect(amended).toMatchObject({ values: [1, 2, false], trends: 'rr-' });
    expect(risingPlaces(amended)).toEqual([0, 1]);
    expect(submitted).toMatchObject({ values: [null, 2], trends: '-r' });
    expect(summaryOf([], [], undefined)).toMatchObject({ values: [], trends: '' });
  });

  it('moves nothing when no number changed (yes/no as 1/0, texts as none)', () => {
    expect(numbersMoved([1, null, true], [1, null, 1])).toBeUndefined();
    expect(numbersMoved([], [])).toBeUndefined();
    expect(numbersMoved([2, false], [2, 0, null])).toBeUndefined();
    expect(numbersMoved([2, 5], [2, 4])?.last).toBe(1);
    expect(numbersMoved([], [null, true])?.last).toBe(1);
  });

  it('keeps each place’s numbers in order with how many answered them, and moves one answer from its old number to its new', () => {
    const counts = histogram([[2, 2, 4], [], [0, 1, 1]]);
    expect(counts).toEqual([2, 2, 2, 4, 1, 0, 2, 0, 1, 1, 2]);
    expect([countAt(counts, 0, 2), countAt(counts, 0, 3), countAt(counts, 1, 0), countAt(counts, 2, 1), countAt(counts, 9, 1)]).toEqual([2, 0, 0, 2, 0]);
    expect(summariseAt(counts, 0)).toEqual({ sum: 8, count: 3, max: 4 });
    expect(summariseAt(counts, 1)).toEqual({ sum: 0, count: 0, max: null });
    expect(summariseAt(counts, 5)).toEqual({ sum: 0, count: 0, max: null });

    // The last 4 amended to a 3: the max is the next one down.
    const lowered = movedCounts(counts, numbersMoved([4, null, 1], [3, null, 1])!);
    expect(lowered).toEqual(histogram([[2, 2, 3], [], [0, 1, 1]]));
    expect(summariseAt(lowered, 0)).toEqual({ sum: 7, count: 3, max: 3 });
    // A new report answering a place past the end, with a number below the others elsewhere.
    expect(movedCounts(counts, numbersMoved([], [1, null, null, 7])!)).toEqual(histogram([[1, 2, 2, 4], [], [0, 1, 1], [7]]));
    // The only answer of a number taken away leaves no pair behind.
    expect(movedCounts(counts, numbersMoved([null, null, 0], [null, null, null])!)).toEqual(histogram([[2, 2, 4], [], [1, 1]]));
    expect(movedCounts([], numbersMoved([], [true])!)).toEqual([1, 1, 1]);
  });

  it('counts a county’s reports as a plain histogram would, report after report and amendment after amendment', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const r = { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), chance: (p: number) => next() < p };
    const places = 6;
    const reports = new Map<number, Array<number | boolean | null>>();
    let counts: number[] = [];
    for (let n = 0; n < 400; n += 1) {
      const unit = r.int(0, 40);
      const was = reports.get(unit) ?? [];
      const values = Array.from({ length: r.int(0, places) }, () => (r.chance(0.2) ? null : r.chance(0.2) ? r.chance(0.5) : r.int(0, 4)));
      const merged = Array.from({ length: Math.max(was.length, values.length) }, (_, place) => (place < values.length ? values[place]! : (was[place] ?? null)));
      const moved = numbersMoved(was, merged);
      if (moved) counts = movedCounts(counts, moved);
      reports.set(unit, merged);
      const expected = histogram(
        Array.from({ length: places }, (_, place) => [...reports.values()].map((v) => (typeof v[place] === 'boolean' ? (v[place] ? 1 : 0) : ((v[place] as number | null | undefined) ?? null)))),
      );
      for (let place = 0; place < places; place += 1) {
        expect(summariseAt(counts, place)).toEqual(summariseAt(expected, place));
        for (const value of [0, 1, 2, 3, 4]) expect(countAt(counts, place, value)).toBe(countAt(expected, place, value));
      }
    }
  });
});
