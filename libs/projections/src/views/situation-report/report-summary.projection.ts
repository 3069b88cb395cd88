import type { Answer, SituationReportAmended, SituationReportSubmitted, Trend } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader, ViewWriter } from '../../view-store.port.js';
import { countyPeriodKey } from '../county/county.projections.js';
import { countyOf, swedishUnits } from '../org-units.js';

/** An answer as the county's and the nation's pictures and the trends need it: its number or yes/no (else null) and its trend. */
export type SummaryAnswer = [value: number | boolean | null, trend?: Trend];

/**
 * One row per org unit and period: what a county's and the nation's picture, the report-back
 * and every trend need of a report — whether it was late, and each answer's number (or yes/no) and trend, in
 * the report's order — without its texts, comments and sources (a tenth of the JSON of the
 * whole report). Keyed `<period>|<county>|<org unit>`: a county's reports of a period are one
 * short key range, and a unit's value in a period one key, however long the history.
 */
export interface ReportSummaryRow {
  late: boolean;
  answers: Record<string, SummaryAnswer>;
  /** The events behind the row (the submission, then each amendment), for lineage. */
  eventIds: string[];
}

/** Per item, how many municipalities answered each value (yes/no as 1/0). */
export type CountyHistogram = Record<string, Record<string, number>>;

/**
 * A county's period: how many of its municipalities have reported, how many of them late,
 * and per item how many answered each value. Mean, max and count follow from it, and the
 * distribution of levels; a report moves one count. The nation's picture and series read 21
 * small rows a period, never 290.
 */
export interface CountyPeriodRow {
  reported: number;
  late: number;
  items: CountyHistogram;
}

export const REPORT_SUMMARY_VIEW = 'report-summary';
export const COUNTY_PERIOD_VIEW = 'county-period';

export const reportSummaryKey = (period: string, county: string, orgUnit: string) => `${period}|${county}|${orgUnit}`;

/** A summarised value as a number: yes/no as 1/0; null when it is neither. */
export const numeric = (value: SummaryAnswer[0] | undefined): number | null => (typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null));

/**
 * A report's answers by item, as the summary keeps them (`as`): a submission's in its order;
 * an amendment's over them — an amended answer keeps its place, a new one comes last.
 */
export function answersByItem<T>(answers: readonly Answer[], as: (answer: Answer) => T, before: Record<string, T> = {}): Record<string, T> {
  const after = { ...before };
  for (const answer of answers) after[answer.item] = as(answer);
  return after;
}

const summarised = (answer: Answer): SummaryAnswer => {
  const value = typeof answer.value === 'number' || typeof answer.value === 'boolean' ? answer.value : null;
  return answer.trend ? [value, answer.trend] : [value];
};

export const reportSummaryProjection: Projection = {
  name: 'report-summaries',
  version: 4,
  views: [REPORT_SUMMARY_VIEW, COUNTY_PERIOD_VIEW],
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  async apply(event: StoredEvent, views) {
    const e = event as StoredEvent & (SituationReportSubmitted | SituationReportAmended);
    const { orgUnit, period } = e.data;
    const county = countyOf(orgUnit);
    if (!county) return;
    const key = reportSummaryKey(period, county, orgUnit);
    const before = e.type === 'SituationReportSubmitted' ? undefined : await views.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key);
    if (e.type === 'SituationReportAmended' && !before) return;
    const after: ReportSummaryRow = before
      ? { ...before, answers: answersByItem(e.data.answers, summarised, before.answers), eventIds: [...before.eventIds, e.eventId] }
      : { late: (e as StoredEvent & SituationReportSubmitted).data.late, answers: answersByItem(e.data.answers, summarised), eventIds: [e.eventId] };
    await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, after);
    if (swedishUnits().get(orgUnit)?.kind === 'municipality') await count(views, countyPeriodKey(county, period), e.data.answers, before, after);
  },
};

/** A municipality's report in its county's period: a submission counts it (and late, if so), and each answer whose number changed moves it from its old count to its new one. */
async function count(views: ViewWriter, key: string, answers: readonly Answer[], before: ReportSummaryRow | undefined, after: ReportSummaryRow) {
  const row = (await views.get<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key)) ?? { reported: 0, late: 0, items: {} };
  let items: CountyHistogram | undefined;
  for (const item of new Set(answers.map((answer) => answer.item))) {
    const was = numeric(before?.answers[item]?.[0]);
    const is = numeric(after.answers[item]?.[0]);
    if (was === is) continue;
    items ??= { ...row.items };
    const counts = { ...items[item] };
    if (was !== null) {
      if ((counts[was] ?? 0) <= 1) delete counts[was];
      else counts[was]! -= 1;
    }
    if (is !== null) counts[is] = (counts[is] ?? 0) + 1;
    items[item] = counts;
  }
  if (!before) await views.put<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key, { reported: row.reported + 1, late: row.late + (after.late ? 1 : 0), items: items ?? row.items });
  else if (items) await views.put<CountyPeriodRow>(COUNTY_PERIOD_VIEW, key, { ...row, items });
}

/** An org unit's report summary of a period, as the views held it then (undefined: not reported by then). */
export function reportSummaryOf(reader: ViewReader, orgUnit: string, period: string): Promise<ReportSummaryRow | undefined> {
  const county = countyOf(orgUnit);
  return county ? reader.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, reportSummaryKey(period, county, orgUnit)) : Promise.resolve(undefined);
}

/** The summaries of a county's reports (municipalities' and districts') of a period, by org unit, as the views held them then. */
export async function reportSummariesOf(reader: ViewReader, county: string, period: string): Promise<Map<string, ReportSummaryRow>> {
  const rows = await reader.list<ReportSummaryRow>(REPORT_SUMMARY_VIEW, `${period}|${county}|`);
  return new Map(rows.map((row) => [row.key.slice(row.key.lastIndexOf('|') + 1), row.value]));
}
