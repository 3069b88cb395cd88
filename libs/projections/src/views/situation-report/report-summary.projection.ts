import type { Answer, SituationReportAmended, SituationReportSubmitted, Trend } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';
import { countyOf } from '../org-units.js';
import { answersByItem } from './situation-report.projection.js';

/** An answer as a county's or the nation's picture needs it: its number (if it is one) and its trend. */
export type SummaryAnswer = [value: number | null, trend?: Trend];

/**
 * One row per org unit and period: what a county's and the nation's picture need of a report
 * — whether it was late, and each answer's number and trend, in the report's order — without
 * its texts, comments and sources (a tenth of the JSON of the whole report). Keyed
 * `<period>|<county>|<org unit>`, a county's reports of a period are one short key range and
 * the nation's 21 more, however long the history: the national picture reads a few pages of
 * rows, not 290 scattered ones.
 */
export interface ReportSummaryRow {
  late: boolean;
  answers: Record<string, SummaryAnswer>;
}

export const REPORT_SUMMARY_VIEW = 'report-summary';

export const reportSummaryKey = (period: string, county: string, orgUnit: string) => `${period}|${county}|${orgUnit}`;

const summarised = (answer: Answer): SummaryAnswer => {
  const value = typeof answer.value === 'number' ? answer.value : null;
  return answer.trend ? [value, answer.trend] : [value];
};

export const reportSummaryProjection: Projection = {
  name: 'report-summaries',
  version: 1,
  views: [REPORT_SUMMARY_VIEW],
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  async apply(event: StoredEvent, views) {
    const e = event as StoredEvent & (SituationReportSubmitted | SituationReportAmended);
    const county = countyOf(e.data.orgUnit);
    if (!county) return;
    const key = reportSummaryKey(e.data.period, county, e.data.orgUnit);
    if (e.type === 'SituationReportSubmitted') {
      await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, { late: e.data.late, answers: answersByItem(e.data.answers, summarised) });
      return;
    }
    const current = await views.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key);
    if (!current) return;
    await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, { ...current, answers: answersByItem(e.data.answers, summarised, current.answers) });
  },
};

/** The summaries of a county's reports (municipalities' and districts') of a period, by org unit, as the views held them then. */
export async function reportSummariesOf(reader: ViewReader, county: string, period: string): Promise<Map<string, ReportSummaryRow>> {
  const rows = await reader.list<ReportSummaryRow>(REPORT_SUMMARY_VIEW, `${period}|${county}|`);
  return new Map(rows.map((row) => [row.key.slice(row.key.lastIndexOf('|') + 1), row.value]));
}
