import type { Answer, SituationReportAmended, SituationReportSubmitted, Trend } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';
import { reportKey } from './situation-report.projection.js';

/** An answer as a county's or the nation's picture needs it: its number (if it is one) and its trend. */
export type SummaryAnswer = [value: number | null, trend?: Trend];

/**
 * One row per org unit and period: what a county's and the nation's picture need of a report
 * — whether it was late, and each answer's number and trend, in the report's order — without
 * its texts, comments and sources. A national picture reads 290 of these: a tenth of the
 * JSON the whole reports are, so its cost stays flat as history grows.
 */
export interface ReportSummaryRow {
  late: boolean;
  answers: Record<string, SummaryAnswer>;
}

export const REPORT_SUMMARY_VIEW = 'report-summary';

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
    const key = reportKey(e.data.orgUnit, e.data.period);
    const entries = e.data.answers.map((a) => [a.item, summarised(a)] as const);
    if (e.type === 'SituationReportSubmitted') {
      await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, { late: e.data.late, answers: Object.fromEntries(entries) });
      return;
    }
    const current = await views.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key);
    if (!current) return;
    // As in the report itself: an amended answer keeps its place, a new one comes last.
    await views.put<ReportSummaryRow>(REPORT_SUMMARY_VIEW, key, { ...current, answers: { ...current.answers, ...Object.fromEntries(entries) } });
  },
};

/** A report's summary as the views held it then. */
export function reportSummaryAsOf(reader: ViewReader, orgUnit: string, period: string): Promise<ReportSummaryRow | undefined> {
  return reader.get<ReportSummaryRow>(REPORT_SUMMARY_VIEW, reportKey(orgUnit, period));
}
