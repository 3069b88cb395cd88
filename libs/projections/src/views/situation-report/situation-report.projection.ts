import type { Answer, SituationReportAmended, SituationReportSubmitted } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';

/** One row per org unit and period: the report as it stands, with every amendment folded in. */
export interface ReportRow {
  orgUnit: string;
  period: string;
  templateVersion: number;
  answers: Record<string, Answer>;
  late: boolean;
  submittedAt: string;
  lastChangedAt: string;
  revision: number;
  /** The events behind the row, for lineage. */
  eventIds: string[];
}

export const REPORTS_VIEW = 'report';
export const reportKey = (orgUnit: string, period: string) => `${orgUnit}|${period}`;

/**
 * A report's answers by item, as each projection keeps them (`as`): a submission's in its
 * order; an amendment's over them — an amended answer keeps its place, a new one comes last.
 */
export function answersByItem<T>(answers: readonly Answer[], as: (answer: Answer) => T, before: Record<string, T> = {}): Record<string, T> {
  const after = { ...before };
  for (const answer of answers) after[answer.item] = as(answer);
  return after;
}

export const situationReportProjection: Projection = {
  name: 'situation-reports',
  version: 1,
  views: [REPORTS_VIEW],
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  async apply(event: StoredEvent, views) {
    const e = event as StoredEvent & (SituationReportSubmitted | SituationReportAmended);
    const key = reportKey(e.data.orgUnit, e.data.period);
    if (e.type === 'SituationReportSubmitted') {
      const row: ReportRow = {
        orgUnit: e.data.orgUnit,
        period: e.data.period,
        templateVersion: e.data.templateVersion,
        answers: answersByItem(e.data.answers, (a) => a),
        late: e.data.late,
        submittedAt: e.recordedAt,
        lastChangedAt: e.recordedAt,
        revision: e.revision,
        eventIds: [e.eventId],
      };
      await views.put(REPORTS_VIEW, key, row);
      return;
    }
    const current = await views.get<ReportRow>(REPORTS_VIEW, key);
    if (!current) return;
    const answers = answersByItem(e.data.answers, (a) => a, current.answers);
    await views.put(REPORTS_VIEW, key, { ...current, answers, lastChangedAt: e.recordedAt, revision: e.revision, eventIds: [...current.eventIds, e.eventId] });
  },
};

/** A municipality's (or district's) report for a period, as the views held it then. */
export function reportAsOf(reader: ViewReader, orgUnit: string, period: string): Promise<ReportRow | undefined> {
  return reader.get<ReportRow>(REPORTS_VIEW, reportKey(orgUnit, period));
}

/** Every report of an org unit, period by period. */
export function reportsOf(reader: ViewReader, orgUnit: string) {
  return reader.list<ReportRow>(REPORTS_VIEW, `${orgUnit}|`);
}
