import { approvalProjection, assessmentProjection } from './views/county/county.projections.js';
import { actionProjection, riskProjection } from './views/risks/risks.projections.js';
import { activityProjection, goalProjection, narrativeProjection, timeEntryProjection } from './views/work-records/work-records.projections.js';
import { reportSummaryProjection } from './views/situation-report/report-summary.projection.js';
import { readinessProjection } from './views/readiness/readiness.projection.js';
import { supportCaseProjection } from './views/support-cases/support-cases.projection.js';

/** Every projection the api runs. */
export const ALL_PROJECTIONS = [
  reportSummaryProjection,
  assessmentProjection,
  approvalProjection,
  riskProjection,
  actionProjection,
  activityProjection,
  timeEntryProjection,
  goalProjection,
  readinessProjection,
  narrativeProjection,
  supportCaseProjection,
] as const;
