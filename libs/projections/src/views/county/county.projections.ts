import type { AssessmentContent, AssessmentEvent, CountyApprovalEvent } from '@lagesbild/domain';
import type { Projection } from '../../projection.js';

/** The county's regional assessment of a period, as it stands. */
export interface AssessmentRow extends AssessmentContent {
  county: string;
  period: string;
  recordedAt: string;
  revision: number;
  eventIds: string[];
}

/** Whether the county has approved a period. */
export interface ApprovalRow {
  county: string;
  period: string;
  approved: boolean;
  note?: string;
  changedAt: string;
  changedBy?: string;
  reopenReason?: string;
  /** Every approval and reopening of the period, for lineage. */
  eventIds: string[];
}

export const ASSESSMENTS_VIEW = 'assessment';
export const APPROVALS_VIEW = 'approval';
export const countyPeriodKey = (county: string, period: string) => `${county}|${period}`;

export const assessmentProjection: Projection<AssessmentEvent> = {
  name: 'assessments',
  version: 1,
  views: [ASSESSMENTS_VIEW],
  handles: ['RegionalAssessmentRecorded', 'RegionalAssessmentAmended'],
  readsMetadata: false,
  async apply(e, views) {
    const key = countyPeriodKey(e.data.county, e.data.period);
    const previous = await views.get<AssessmentRow>(ASSESSMENTS_VIEW, key);
    const row: AssessmentRow = {
      county: e.data.county,
      period: e.data.period,
      areas: e.data.areas,
      trends: e.data.trends,
      feedback: e.data.feedback,
      recordedAt: e.recordedAt,
      revision: e.revision,
      eventIds: [...(previous?.eventIds ?? []), e.eventId],
    };
    await views.put(ASSESSMENTS_VIEW, key, row);
  },
};

export const approvalProjection: Projection<CountyApprovalEvent> = {
  name: 'approvals',
  version: 2,
  views: [APPROVALS_VIEW],
  handles: ['CountyPeriodApproved', 'CountyPeriodReopened'],
  async apply(e, views) {
    const by = e.metadata.actor?.name;
    const key = countyPeriodKey(e.data.county, e.data.period);
    const eventIds = [...((await views.get<ApprovalRow>(APPROVALS_VIEW, key))?.eventIds ?? []), e.eventId];
    const row: ApprovalRow =
      e.type === 'CountyPeriodApproved'
        ? { county: e.data.county, period: e.data.period, approved: true, ...(e.data.note ? { note: e.data.note } : {}), changedAt: e.recordedAt, ...(by ? { changedBy: by } : {}), eventIds }
        : { county: e.data.county, period: e.data.period, approved: false, reopenReason: e.data.reason, changedAt: e.recordedAt, ...(by ? { changedBy: by } : {}), eventIds };
    await views.put(APPROVALS_VIEW, key, row);
  },
};
