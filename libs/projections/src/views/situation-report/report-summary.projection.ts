import { SITUATION_REPORT_STREAM_PREFIX, type SituationReportEvent } from '@lagesbild/domain';
import type { RecordedEvent, StreamRange } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader, ViewWriter } from '../../view-store.port.js';
import { countyPeriodKey } from '../county/county.projections.js';
import { countyOf, swedishUnits } from '../org-units.js';
import {
  type CountyPeriodRow,
  type ReportItemsRow,
  type ReportSummaryRow,
  type SummaryAnswer,
  answerAt,
  countAt,
  encodeAnswers,
  itemsWith,
  movedCounts,
  numbersMoved,
  placesOf,
  risingPlaces,
  summariseAt,
} from './report-summary.codec.js';

export type { CountyPeriodRow, ReportItemsRow, ReportSummaryRow, SummaryAnswer } from './report-summary.codec.js';

export const REPORT_SUMMARY_VIEW = 'report-summary';
export const COUNTY_PERIOD_VIEW = 'county-period';
export const REPORT_ITEMS_VIEW = 'report-items';

/**
 * A report summary's key: a county's reports of a period are one short key range, and a unit's
 * value in a period one key, however long the history.
 */
export const reportSummaryKey = (period: string, county: string, orgUnit: string) => `${period}|${county}|${orgUnit}`;

/**
 * A summary of each report (`ReportSummaryRow`), the counts of each county's period
 * (`CountyPeriodRow`), and each county's items (`ReportItemsRow`), which the other two keep
 * their answers by. A submission writes its summary and counts its municipality in; an
 * amendment writes its answers over the summary and moves the counts its numbers changed.
 */
export const reportSummaryProjection: Projection<SituationReportEvent> = {
  name: 'report-summaries',
  version: 6,
  views: [REPORT_SUMMARY_VIEW, COUNTY_PERIOD_VIEW, REPORT_ITEMS_VIEW],
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  readsMetadata: false,
  async apply(event: RecordedEvent<SituationReportEvent>, views: ViewWriter) {
    const { orgUnit, period, answers } = event.data;
    const county = countyOf(orgUnit);
    if (!county) return;
    const key = reportSummaryKey(period, county, orgUnit);
    const before = event.type === 'SituationReportSubmitted' ? undefined : await views.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key);
    if (event.type === 'SituationReportAmended' && !before) return;

    const known = (await views.get<ReportItemsRow>(REPORT_ITEMS_VIEW, county)) ?? [];
    const items = itemsWith(known, answers);
    if (items !== known) await views.put<ReportItemsRow>(REPORT_ITEMS_VIEW, county, items);

    const { values, trends } = encodeAnswers(answers, items, before);
    const late = before ? before.late : event.type === 'SituationReportSubmitted' && event.data.late;
    const row: ReportSummaryRow = { late, values, trends, eventIds: [...(before?.eventIds ?? []), event.eventId] };
    await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, row);
    if (swedishUnits().get(orgUnit)?.kind === 'municipality') await count(views, countyPeriodKey(county, period), before, row);
  },
};

/** A municipality's report in its county's period: a submission counts it (and late, if so), and each answer whose number changed moves it from its old count to its new one. */
async function count(views: ViewWriter, key: string, before: ReportSummaryRow | undefined, row: ReportSummaryRow) {
  const submitted = before === undefined;
  const moved = numbersMoved(before?.values ?? [], row.values);
  if (!submitted && !moved) return;
  const period = (await views.get<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key)) ?? { reported: 0, late: 0, counts: [] };
  const counts = moved ? movedCounts(period.counts, moved) : period.counts;
  await views.put<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key, submitted ? { reported: period.reported + 1, late: period.late + (row.late ? 1 : 0), counts } : { ...period, counts });
}

/** A report as its summary holds it, with its answers looked up by item. */
export class ReportSummary {
  private readonly placeOf: ReadonlyMap<string, number>;

  constructor(
    private readonly row: ReportSummaryRow,
    private readonly items: ReportItemsRow,
  ) {
    this.placeOf = placesOf(items);
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
    return place === undefined ? undefined : answerAt(this.row, place);
  }

  /** The items answered with a rising trend, in the order the county's items were first answered. */
  rising(): string[] {
    return risingPlaces(this.row).map((place) => this.items[place]!);
  }
}

/** A county's period as its row holds it. */
export class CountyPeriod {
  private readonly placeOf: ReadonlyMap<string, number>;

  constructor(
    private readonly row: CountyPeriodRow,
    items: ReportItemsRow,
  ) {
    this.placeOf = placesOf(items);
  }

  get reported(): number {
    return this.row.reported;
  }

  get late(): number {
    return this.row.late;
  }

  /** How many municipalities answered the item with the number. */
  countOf(item: string, value: number): number {
    const place = this.placeOf.get(item);
    return place === undefined ? 0 : countAt(this.row.counts, place, value);
  }

  /** Sum, count and max of the numbers the municipalities answered the item with. */
  summarise(item: string): { sum: number; count: number; max: number | null } {
    const place = this.placeOf.get(item);
    return place === undefined ? { sum: 0, count: 0, max: null } : summariseAt(this.row.counts, place);
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
