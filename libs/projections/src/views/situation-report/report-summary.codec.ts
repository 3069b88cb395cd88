import type { Answer, Trend } from '@lagesbild/domain';

/**
 * How a report summary and a county period are kept: compact rows, written for every report,
 * and the functions that write and read them. A row keeps its answers by an item's place in
 * its county's items row, not under the item's name, and its trends as one letter each.
 */

/** An answer as the county's and the nation's pictures and the trends need it: its number or yes/no (else null) and its trend. */
export type SummaryAnswer = [value: number | boolean | null, trend?: Trend];

/**
 * The items a county's summaries and counts stand for, in the order they were first answered
 * there. Rows keep their answers by an item's place in this list, not under its name: the
 * names were most of every row, and each report writes two rows. One list per county: every
 * row the projection writes belongs to one county, so a county's reports can be built apart
 * from the others' (`reportStreamsOf`).
 */
export type ReportItemsRow = string[];

/**
 * One row per org unit and period: what a county's and the nation's picture, the report-back
 * and every trend need of a report — whether it was late, and each answer's number (or yes/no)
 * and trend — without its texts, comments and sources.
 */
export interface ReportSummaryRow {
  late: boolean;
  /** By item place: the answer's number or yes/no; null when it was answered otherwise, or not at all. */
  values: Array<number | boolean | null>;
  /** By item place, a letter each: the answer's trend (`TREND_CODES`), `-` for none or no answer. */
  trends: string;
  /** The events behind the row (the submission, then each amendment), for lineage. */
  eventIds: string[];
}

/**
 * A county's period: how many of its municipalities have reported, how many of them late,
 * and per item how many answered each number (yes/no as 1/0). Mean, max and count follow from
 * it, and the distribution of levels; a report moves one count. The nation's picture and
 * series read 21 small rows a period, never 290.
 */
export interface CountyPeriodRow {
  reported: number;
  late: number;
  /**
   * Item after item, by place: how many numbers were answered, then each number and how many
   * answered it, in order of number — `[2, 0, 3, 1, 5, 0, …]`: three answered the first item
   * with 0 and five with 1, none answered the second. Places past the end have no answers.
   * One flat list: a row is written for every report, and nested lists are slower to write.
   */
  counts: number[];
}

type Values = ReportSummaryRow['values'];

const NO_TREND = '-';
/** The letter a trend is kept as in a summary's `trends`. */
const TREND_CODES: Record<Trend, string> = { rising: 'r', unchanged: 'u', falling: 'f', unknown: 'x' };
const TREND_OF_CODE = new Map(Object.entries(TREND_CODES).map(([trend, code]) => [code, trend as Trend]));
const codeOf = (trend: Trend | undefined) => (trend ? TREND_CODES[trend] : NO_TREND);

/** A summarised value as a number: yes/no as 1/0; null when it is neither. */
const numeric = (value: SummaryAnswer[0] | undefined): number | null => (typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null));
const summarisedValue = (value: Answer['value']) => (typeof value === 'number' || typeof value === 'boolean' ? value : null);

/** Item → place, worked out once per items row (a row read from the store is one shared object: per value in the readers' cache, per batch in a projection's). */
const placesByItems = new WeakMap<ReportItemsRow, Map<string, number>>();

/** Each item's place in a county's items row. */
export function placesOf(items: ReportItemsRow): ReadonlyMap<string, number> {
  let known = placesByItems.get(items);
  if (!known) placesByItems.set(items, (known = new Map(items.map((item, place) => [item, place]))));
  return known;
}

/** The county's items with those the answers name for the first time added at the end; the same row when there are none. */
export function itemsWith(items: ReportItemsRow, answers: readonly Answer[]): ReportItemsRow {
  const placeOf = placesOf(items);
  let unseen: Set<string> | undefined;
  for (const { item } of answers) if (!placeOf.has(item)) (unseen ??= new Set()).add(item);
  return unseen ? [...items, ...unseen] : items;
}

/**
 * Lists a row is built in, kept from one report to the next: a row is filled place by place
 * and copied out at its length, so that each report does not grow new lists one push at a time
 * (that garbage was much of what a rebuild allocated).
 */
const scratch = { values: [] as Values, trends: [] as string[], counts: [] as number[] };

/** A summary's values and trends with the answers written over those of `before` (the row an amendment changes). */
export function encodeAnswers(answers: readonly Answer[], items: ReportItemsRow, before: ReportSummaryRow | undefined): Pick<ReportSummaryRow, 'values' | 'trends'> {
  const placeOf = placesOf(items);
  const was = before?.values ?? [];
  const wasTrends = before?.trends ?? '';
  let length = was.length;
  for (const { item } of answers) length = Math.max(length, placeOf.get(item)! + 1);
  const { values, trends } = scratch;
  for (let place = 0; place < length; place += 1) {
    values[place] = was[place] ?? null;
    trends[place] = wasTrends[place] ?? NO_TREND;
  }
  for (const { item, value, trend } of answers) {
    const place = placeOf.get(item)!;
    values[place] = summarisedValue(value);
    trends[place] = codeOf(trend);
  }
  return { values: values.slice(0, length), trends: trends.slice(0, length).join('') };
}

/** The answer at an item's place in a summary (null value: answered otherwise); undefined when not answered. */
export function answerAt(row: ReportSummaryRow, place: number): SummaryAnswer | undefined {
  const value = row.values[place];
  const trend = TREND_OF_CODE.get(row.trends[place] ?? NO_TREND);
  if (value === undefined || (value === null && !trend)) return undefined;
  return trend ? [value, trend] : [value];
}

/** The places of the answers with a rising trend, in order. */
export function risingPlaces(row: ReportSummaryRow): number[] {
  const rising: number[] = [];
  const code = TREND_CODES.rising;
  for (let place = row.trends.indexOf(code); place >= 0; place = row.trends.indexOf(code, place + 1)) rising.push(place);
  return rising;
}

/** How a report moved its numbers, from `was` to `values`, up to the `last` place whose number changed. */
export interface NumbersMoved {
  was: Values;
  values: Values;
  last: number;
}

/** How a report (or an amendment of it) moved its numbers from `was` to `values`; undefined when none changed. */
export function numbersMoved(was: Values, values: Values): NumbersMoved | undefined {
  for (let place = values.length - 1; place >= 0; place -= 1) if (numeric(was[place]) !== numeric(values[place])) return { was, values, last: place };
  return undefined;
}

/** A county period's counts with a report's numbers moved: one answer less of each old number, one more of each new one. */
export function movedCounts(counts: readonly number[], { was, values, last }: NumbersMoved): number[] {
  const next = scratch.counts;
  let length = 0;
  let at = 0;
  for (let place = 0; at < counts.length || place <= last; place += 1) {
    const start = at + 1;
    const end = start + 2 * (counts[at] ?? 0);
    at = end;
    const from = numeric(was[place]);
    const to = numeric(values[place]);
    if (from !== to) {
      length = putMoved(next, length, counts, start, end, from, to);
    } else {
      next[length++] = (end - start) / 2;
      for (let i = start; i < end; i += 1) next[length++] = counts[i]!;
    }
  }
  return next.slice(0, length);
}

/**
 * Puts one place's `[how many pairs, number, how many, …]` (`counts` from `start` to `end`)
 * with one answer of `was` less and one of `is` more, in order of number, into `next` from
 * `length` on; a count of none is left out. The length of `next` after it.
 */
function putMoved(next: number[], length: number, counts: readonly number[], start: number, end: number, was: number | null, is: number | null): number {
  const head = length;
  next[length++] = 0;
  let added = is;
  for (let i = start; i < end || added !== null; ) {
    const value = i < end ? counts[i]! : Number.POSITIVE_INFINITY;
    if (added !== null && added < value) {
      next[length++] = added;
      next[length++] = 1;
      added = null;
      continue;
    }
    let count = counts[i + 1]!;
    if (value === added) {
      count += 1;
      added = null;
    }
    if (value === was) count -= 1;
    if (count > 0) {
      next[length++] = value;
      next[length++] = count;
    }
    i += 2;
  }
  next[head] = (length - head - 1) / 2;
  return length;
}

/** Where a place's `[number, how many, …]` begin and end in a county period's counts (the same when none). */
function pairsAt(counts: readonly number[], place: number): [start: number, end: number] {
  let at = 0;
  for (let skipped = 0; skipped < place && at < counts.length; skipped += 1) at += 1 + 2 * counts[at]!;
  if (at >= counts.length) return [0, 0];
  return [at + 1, at + 1 + 2 * counts[at]!];
}

/** How many answered the place's item with the number. */
export function countAt(counts: readonly number[], place: number, value: number): number {
  const [start, end] = pairsAt(counts, place);
  for (let i = start; i < end; i += 2) if (counts[i] === value) return counts[i + 1]!;
  return 0;
}

/** Sum, count and max of the numbers the place's item was answered with. */
export function summariseAt(counts: readonly number[], place: number): { sum: number; count: number; max: number | null } {
  const [start, end] = pairsAt(counts, place);
  let sum = 0;
  let count = 0;
  for (let i = start; i < end; i += 2) {
    sum += counts[i]! * counts[i + 1]!;
    count += counts[i + 1]!;
  }
  return { sum, count, max: end > start ? counts[end - 2]! : null };
}
