import type { Answer, SituationReportAmended, SituationReportSubmitted, Trend } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Projection } from '../../projection.js';

/** A point of a series: one reporting unit's value of an item in a period, and its trend. */
export type TrendPoint = [value: number | boolean, trend?: Trend];

/**
 * One small row per item, parent, period and reporting unit: a county's municipalities sit
 * together under the county, a municipality's city districts under the municipality. A
 * county's series is one key range, the nation's one per county; an answer changes one row.
 */
export const TRENDS_VIEW = 'trend';
export const trendKey = (item: string, parent: string, period: string, orgUnit: string) => `${item}|${parent}|${period}|${orgUnit}`;

let sweden: OrgUnitRegistry | undefined;
/** The reference data is part of the code (shipped, versioned with it), so a rebuild reads the same. */
const parentOf = (orgUnit: string) => (sweden ??= OrgUnitRegistry.sweden()).get(orgUnit)?.parent ?? undefined;

const trendable = (answer: Answer): answer is Answer & { value: number | boolean } => typeof answer.value === 'number' || typeof answer.value === 'boolean';

export const trendsProjection: Projection = {
  name: 'trends',
  version: 2,
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  async apply(event: StoredEvent, views) {
    const { orgUnit, period, answers } = (event as StoredEvent & (SituationReportSubmitted | SituationReportAmended)).data;
    const parent = parentOf(orgUnit);
    if (!parent) return;
    for (const answer of answers) {
      if (!trendable(answer)) continue;
      const point: TrendPoint = answer.trend ? [answer.value, answer.trend] : [answer.value];
      await views.put<TrendPoint>(TRENDS_VIEW, trendKey(answer.item, parent, period, orgUnit), point);
    }
  },
};
