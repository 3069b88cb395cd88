import { type Answer, SITUATION_REPORT_STREAM_PREFIX, type SituationReportAmended, type SituationReportSubmitted, type Trend } from '@lagesbild/domain';
import type { StoredEvent, StreamRange } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader, ViewWriter } from '../../view-store.port.js';
import { countyPeriodKey } from '../county/county.projections.js';
import { countyOf, swedishUnits } from '../org-units.js';

/** An answer as the county's and the nation's pictures and the trends need it: its number or yes/no (else null) and its trend. */
export type SummaryAnswer = [value: number | boolean | null, trend?: Trend];

/**
 * The items a county's summaries and counts stand for, in the order they were first answered
 * there. Rows keep their answers by an item's place in this list, not under its name: the
 * names were four fifths of every row, and each report writes two rows. One list per county:
 * every row the projection writes belongs to one county, so a county's reports can be built
 * apart from the others' (`reportStreamsOf`).
 */
export type ReportItemsRow = string[];

/**
 * One row per org unit and period: what a county's and the nation's picture, the report-back
 * and every trend need of a report — whether it was late, and each answer's number (or yes/no)
 * and trend — without its texts, comments and sources. Keyed `<period>|<county>|<org unit>`:
 * a county's reports of a period are one short key range, and a unit's value in a period one
 * key, however long the history.
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
   * One flat list: a row is written for every report, and as nested lists its text took twice
   * as long to write.
   */
  counts: number[];
}

export const REPORT_SUMMARY_VIEW = 'report-summary';
export const COUNTY_PERIOD_VIEW = 'county-period';
export const REPORT_ITEMS_VIEW = 'report-items';

export const reportSummaryKey = (period: string, county: string, orgUnit: string) => `${period}|${county}|${orgUnit}`;

const NO_TREND = '-';
/** The letter a trend is kept as in a summary's `trends`. */
const TREND_CODES: Record<Trend, string> = { rising: 'r', unchanged: 'u', falling: 'f', unknown: 'x' };
const TREND_OF_CODE = new Map(Object.entries(TREND_CODES).map(([trend, code]) => [code, trend as Trend]));
const codeOf = (trend: Trend | undefined) => (trend ? TREND_CODES[trend] : NO_TREND);

/** A summarised value as a number: yes/no as 1/0; null when it is neither. */
const numeric = (value: SummaryAnswer[0] | undefined): number | null => (typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null));
const summarisedValue = (value: Answer['value']) => (typeof value === 'number' || typeof value === 'boolean' ? value : null);

/** Item → place, worked out once per items row (a row read from the store is one shared object: per value in the readers' cache, per batch in a projection's). */
const placesOf = new WeakMap<ReportItemsRow, Map<string, number>>();
function places(items: ReportItemsRow): Map<string, number> {
  let known = placesOf.get(items);
  if (!known) placesOf.set(items, (known = new Map(items.map((item, place) => [item, place]))));
  return known;
}

export const reportSummaryProjection: Projection = {
  name: 'report-summaries',
  version: 6,
  views: [REPORT_SUMMARY_VIEW, COUNTY_PERIOD_VIEW, REPORT_ITEMS_VIEW],
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  readsMetadata: false,
  async apply(event: StoredEvent, views) {
    const e = event as StoredEvent & (SituationReportSubmitted | SituationReportAmended);
    const { orgUnit, period, answers } = e.data;
    const county = countyOf(orgUnit);
    if (!county) return;
    const key = reportSummaryKey(period, county, orgUnit);
    const before = e.type === 'SituationReportSubmitted' ? undefined : await views.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key);
    if (e.type === 'SituationReportAmended' && !before) return;

    let items = (await views.get<ReportItemsRow>(REPORT_ITEMS_VIEW, county)) ?? [];
    let placeOf = places(items);
    let unseen: Set<string> | undefined;
    for (const { item } of answers) if (!placeOf.has(item)) (unseen ??= new Set()).add(item);
    if (unseen) {
      items = [...items, ...unseen];
      placeOf = places(items);
      await views.put<ReportItemsRow>(REPORT_ITEMS_VIEW, county, items);
    }

    const was = before?.values ?? NO_VALUES;
    let length = was.length;
    for (const { item } of answers) length = Math.max(length, placeOf.get(item)! + 1);
    // Filled place by place in lists kept from report to report, then copied out at their length.
    const { values, trends } = scratch;
    const wasTrends = before?.trends ?? '';
    for (let place = 0; place < length; place += 1) {
      values[place] = was[place] ?? null;
      trends[place] = wasTrends[place] ?? NO_TREND;
    }
    for (const { item, value, trend } of answers) {
      const place = placeOf.get(item)!;
      values[place] = summarisedValue(value);
      trends[place] = codeOf(trend);
    }
    const late = before ? before.late : (e as StoredEvent & SituationReportSubmitted).data.late;
    const row: ReportSummaryRow = { late, values: values.slice(0, length), trends: trends.slice(0, length).join(''), eventIds: [...(before?.eventIds ?? []), e.eventId] };
    await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, row);
    if (swedishUnits().get(orgUnit)?.kind === 'municipality') await count(views, countyPeriodKey(county, period), before === undefined, late, was, row.values);
  },
};

const NO_VALUES: ReportSummaryRow['values'] = [];

/**
 * Lists a report's rows are built in, kept from one report to the next: each row is filled
 * place by place without an await in between, and copied out at its length. Built by pushing
 * onto new lists instead, the report summaries reallocated each list as it grew — a county
 * period's counts several times over — and allocated more than a third of everything a
 * rebuild did, most of it for the young generation's collector to sweep.
 */
const scratch = { values: [] as ReportSummaryRow['values'], trends: [] as string[], counts: [] as number[] };

/** The last place whose number a report changed (from `was` to `values`); -1 when none did. */
function lastMoved(was: ReportSummaryRow['values'], values: ReportSummaryRow['values']): number {
  for (let place = values.length - 1; place >= 0; place -= 1) if (numeric(was[place]) !== numeric(values[place])) return place;
  return -1;
}

/** A municipality's report in its county's period: a submission counts it (and late, if so), and each answer whose number changed moves it from its old count to its new one. */
async function count(views: ViewWriter, key: string, submitted: boolean, late: boolean, was: ReportSummaryRow['values'], values: ReportSummaryRow['values']) {
  const last = lastMoved(was, values);
  if (!submitted && last < 0) return;
  const row = (await views.get<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key)) ?? { reported: 0, late: 0, counts: [] };
  const counts = last < 0 ? row.counts : movedCounts(row.counts, was, values, last);
  await views.put<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key, submitted ? { reported: row.reported + 1, late: row.late + (late ? 1 : 0), counts } : { ...row, counts });
}

/** A county period's counts (`CountyPeriodRow.counts`) with a report's numbers moved from `was` to `values`, up to the `last` place that moved. */
function movedCounts(counts: readonly number[], was: ReportSummaryRow['values'], values: ReportSummaryRow['values'], last: number): number[] {
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

/** A report as its summary holds it, with its answers looked up by item. */
export class ReportSummary {
  private readonly placeOf: ReadonlyMap<string, number>;

  constructor(
    private readonly row: ReportSummaryRow,
    private readonly items: ReportItemsRow,
  ) {
    this.placeOf = places(items);
  }

  get late(): boolean {
    return this.row.late;
  }

  get eventIds(): readonly string[] {
    return this.row.eventIds;
  }

  /** The item's number or yes/no (null: answered otherwise) and trend; undefined when not answered. */
  answer(item: string): SummaryAnswer | undefined {
    const place = this.placeOf.get(item);
    if (place === undefined) return undefined;
    const value = this.row.values[place];
    const trend = TREND_OF_CODE.get(this.row.trends[place] ?? NO_TREND);
    if (value === undefined || (value === null && !trend)) return undefined;
    return trend ? [value, trend] : [value];
  }

  /** The items answered with a rising trend, in the order the county's items were first answered. */
  rising(): string[] {
    const rising: string[] = [];
    const code = TREND_CODES.rising;
    for (let place = this.row.trends.indexOf(code); place >= 0; place = this.row.trends.indexOf(code, place + 1)) rising.push(this.items[place]!);
    return rising;
  }
}

/** A county's period as its row holds it. */
export class CountyPeriod {
  private readonly placeOf: ReadonlyMap<string, number>;

  constructor(
    private readonly row: CountyPeriodRow,
    items: ReportItemsRow,
  ) {
    this.placeOf = places(items);
  }

  get reported(): number {
    return this.row.reported;
  }

  get late(): number {
    return this.row.late;
  }

  /** How many municipalities answered the item with the number. */
  countOf(item: string, value: number): number {
    const { counts } = this.row;
    const [start, end] = this.pairsOf(item);
    for (let i = start; i < end; i += 2) if (counts[i] === value) return counts[i + 1]!;
    return 0;
  }

  /** Sum, count and max of the numbers the municipalities answered the item with. */
  summarise(item: string): { sum: number; count: number; max: number | null } {
    const { counts } = this.row;
    const [start, end] = this.pairsOf(item);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i += 2) {
      sum += counts[i]! * counts[i + 1]!;
      count += counts[i + 1]!;
    }
    return { sum, count, max: end > start ? counts[end - 2]! : null };
  }

  /** Where the item's `[number, how many, …]` begin and end in the row's counts (the same when none). */
  private pairsOf(item: string): [start: number, end: number] {
    const place = this.placeOf.get(item);
    if (place === undefined) return [0, 0];
    const { counts } = this.row;
    let at = 0;
    for (let skipped = 0; skipped < place && at < counts.length; skipped += 1) at += 1 + 2 * counts[at]!;
    if (at >= counts.length) return [0, 0];
    return [at + 1, at + 1 + 2 * counts[at]!];
  }
}

/**
 * The report summaries and county counts as one reader sees them, each county's items read
 * once (as of the same moment: every row then was written with the items known then).
 */
export class ReportSummaries {
  private readonly items = new Map<string, Promise<ReportItemsRow>>();

  constructor(private readonly reader: ViewReader) {}

  /** An org unit's report summary of a period (undefined: not reported by then). */
  async of(orgUnit: string, period: string): Promise<ReportSummary | undefined> {
    const county = countyOf(orgUnit);
    if (!county) return undefined;
    const [row, items] = await Promise.all([this.reader.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, reportSummaryKey(period, county, orgUnit)), this.itemsOf(county)]);
    return row && new ReportSummary(row, items);
  }

  /** The summaries of a county's reports (municipalities' and districts') of a period, by org unit. */
  async ofCounty(county: string, period: string): Promise<Map<string, ReportSummary>> {
    const [rows, items] = await Promise.all([this.reader.list<ReportSummaryRow>(REPORT_SUMMARY_VIEW, `${period}|${county}|`), this.itemsOf(county)]);
    return new Map(rows.map((row) => [row.key.slice(row.key.lastIndexOf('|') + 1), new ReportSummary(row.value, items)]));
  }

  /** A county's period: its municipalities' reports counted (undefined: none yet). */
  async countyPeriod(county: string, period: string): Promise<CountyPeriod | undefined> {
    const [row, items] = await Promise.all([this.reader.get<CountyPeriodRow>(COUNTY_PERIOD_VIEW, countyPeriodKey(county, period)), this.itemsOf(county)]);
    return row && new CountyPeriod(row, items);
  }

  private itemsOf(county: string): Promise<ReportItemsRow> {
    let items = this.items.get(county);
    if (!items) this.items.set(county, (items = this.reader.get<ReportItemsRow>(REPORT_ITEMS_VIEW, county).then((row) => row ?? [])));
    return items;
  }
}

/** An org unit's report summary of a period, as the views held it then (undefined: not reported by then). */
export function reportSummaryOf(reader: ViewReader, orgUnit: string, period: string): Promise<ReportSummary | undefined> {
  return new ReportSummaries(reader).of(orgUnit, period);
}

/**
 * The report streams of the counties from `first` up to (not including) `end`, by county code
 * (an org unit's code begins with its county's): the events that write those counties' rows.
 * Without `first`, from the first report stream; without `end`, to the last.
 */
export const reportStreamsOf = (first: string | undefined, end: string | undefined): StreamRange => ({
  from: `${SITUATION_REPORT_STREAM_PREFIX}${first ?? ''}`,
  to: `${SITUATION_REPORT_STREAM_PREFIX}${end ?? '\uffff'}`,
});
