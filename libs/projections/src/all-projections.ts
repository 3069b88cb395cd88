import type { Projection } from './projection.js';
import type { BuildBesideOptions } from './thread/build-thread.js';
import { approvalProjection, assessmentProjection } from './views/county/county.projections.js';
import { actionProjection, riskProjection } from './views/risks/risks.projections.js';
import { activityProjection, goalProjection, narrativeProjection, timeEntryProjection } from './views/work-records/work-records.projections.js';
import { reportStreamsOf, reportSummaryProjection } from './views/situation-report/report-summary.projection.js';
import { readinessProjection } from './views/readiness/readiness.projection.js';
import { supportCaseProjection } from './views/support-cases/support-cases.projection.js';
import { supportRequestProjection } from './views/support-requests/support-requests.projection.js';
import { notificationProjection } from './views/notifications/notifications.projection.js';

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
  supportRequestProjection,
  notificationProjection,
] as const;

/**
 * The first county (by code) whose report summaries a two-thread rebuild builds on the thread
 * that also builds every other projection; the second thread builds the counties before it.
 * The report summaries read most of the log's bytes: this split gives both threads about the
 * same time, allowing for the second thread's later start (the measurements: bench/HISTORY.md).
 */
const FIRST_COUNTY_BUILT_HERE = '18';

/**
 * How a rebuild shares the projections between two threads (`buildViewsBeside`); undefined
 * when there is nothing to share (the report summaries alone, or none of them).
 */
export function rebuildParts(projections: readonly Projection[]): Pick<BuildBesideOptions, 'here' | 'beside'> | undefined {
  const others = projections.filter((p) => p !== reportSummaryProjection);
  if (others.length === projections.length || others.length === 0) return undefined;
  return {
    beside: [{ projections: [reportSummaryProjection], streams: reportStreamsOf(undefined, FIRST_COUNTY_BUILT_HERE) }],
    here: [{ projections: others }, { projections: [reportSummaryProjection], streams: reportStreamsOf(FIRST_COUNTY_BUILT_HERE, undefined) }],
  };
}
