import type { Answer, SituationReportAmended, SituationReportSubmitted, Trend } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Projection } from '../../projection.js';

/** A point of a series: one reporting unit's value of an item in a period. */
export interface TrendPoint {
  value: number | boolean;
  trend?: Trend;
}

/**
 * One row per item, parent and period, holding every reporting child's value: a county's row
 * holds its municipalities', a municipality's row its city districts'. A county's series is
 * then one row a period, and the nation's one row per county and period.
 */
export interface TrendRow {
  values: Record<string, TrendPoint>;
}

export const TRENDS_VIEW = 'trend';
export const trendKey = (item: string, parent: string, period: string) => `${item}|${parent}|${period}`;

let sweden: OrgUnitRegistry | undefined;
/** The reference data is part of the code (shipped, versioned with it), so a rebuild reads the same. */
const parentOf = (orgUnit: string) => (sweden ??= OrgUnitRegistry.sweden()).get(orgUnit)?.parent ?? undefined;

const trendable = (answer: Answer): answer is Answer & { value: number | boolean } => typeof answer.value === 'number' || typeof answer.value === 'boolean';

export const trendsProjection: Projection = {
  name: 'trends',
  version: 1,
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  async apply(event: StoredEvent, views) {
    const { orgUnit, period, answers } = (event as StoredEvent & (SituationReportSubmitted | SituationReportAmended)).data;
    const parent = parentOf(orgUnit);
    if (!parent) return;
    for (const answer of answers) {
      if (!trendable(answer)) continue;
      const key = trendKey(answer.item, parent, period);
      const row = (await views.get<TrendRow>(TRENDS_VIEW, key)) ?? { values: {} };
      const point: TrendPoint = answer.trend ? { value: answer.value, trend: answer.trend } : { value: answer.value };
      await views.put<TrendRow>(TRENDS_VIEW, key, { values: { ...row.values, [orgUnit]: point } });
    }
  },
};
