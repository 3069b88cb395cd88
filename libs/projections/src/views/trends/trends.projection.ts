import type { Answer, SituationReportAmended, SituationReportSubmitted, Trend } from '@lagesbild/domain';
import type { StoredEvent } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import { swedishUnits } from '../org-units.js';

/** A reporting unit's value of an item in a period, and its trend. */
export type TrendPoint = [value: number | boolean, trend?: Trend];

/** A reporting unit's trendable answers of a period, by item. */
export type UnitPoints = Record<string, TrendPoint>;

/**
 * A county's period, by item: how many of its municipalities answered each value
 * (yes/no as 1/0). Mean, max and count follow from it, and an amendment moves one count.
 */
export type CountyHistogram = Record<string, Record<string, number>>;

/**
 * Two views. `trend-unit`: one row per reporting unit and period with its trendable answers
 * — a unit's series is one key range. `trend-county`: one row per county and period with a
 * histogram per item — the nation's series reads 21 small rows a period, never 290.
 */
export const TREND_UNIT_VIEW = 'trend-unit';
export const TREND_COUNTY_VIEW = 'trend-county';
/** Per county and for `SE`: the last report that changed its trends (its position and event id). */
export const TREND_CHANGED_VIEW = 'trend-changed';
export const trendUnitKey = (orgUnit: string, period: string) => `${orgUnit}|${period}`;
export const trendCountyKey = (county: string, period: string) => `${county}|${period}`;

const trendable = (answer: Answer): answer is Answer & { value: number | boolean } => typeof answer.value === 'number' || typeof answer.value === 'boolean';
export const numeric = (value: number | boolean) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

export const trendsProjection: Projection = {
  name: 'trends',
  version: 4,
  views: [TREND_UNIT_VIEW, TREND_COUNTY_VIEW, TREND_CHANGED_VIEW],
  handles: ['SituationReportSubmitted', 'SituationReportAmended'],
  async apply(event: StoredEvent, views) {
    const { orgUnit, period, answers } = (event as StoredEvent & (SituationReportSubmitted | SituationReportAmended)).data;
    const unit = swedishUnits().get(orgUnit);
    if (!unit) return;
    const unitKey = trendUnitKey(orgUnit, period);
    const before = (await views.get<UnitPoints>(TREND_UNIT_VIEW, unitKey)) ?? {};
    const after: UnitPoints = { ...before };
    for (const answer of answers) if (trendable(answer)) after[answer.item] = answer.trend ? [answer.value, answer.trend] : [answer.value];
    await views.put<UnitPoints>(TREND_UNIT_VIEW, unitKey, after);
    if (unit.kind !== 'municipality' || !unit.parent) return;

    // The county's histograms: each changed answer moves one municipality from its old value to its new one.
    const countyKey = trendCountyKey(unit.parent, period);
    const histogram: CountyHistogram = { ...((await views.get<CountyHistogram>(TREND_COUNTY_VIEW, countyKey)) ?? {}) };
    for (const [item, point] of Object.entries(after)) {
      const old = before[item];
      if (old && numeric(old[0]) === numeric(point[0])) continue;
      const counts = { ...histogram[item] };
      if (old) {
        const was = String(numeric(old[0]));
        if ((counts[was] ?? 0) <= 1) delete counts[was];
        else counts[was]! -= 1;
      }
      const is = String(numeric(point[0]));
      counts[is] = (counts[is] ?? 0) + 1;
      histogram[item] = counts;
    }
    await views.put<CountyHistogram>(TREND_COUNTY_VIEW, countyKey, histogram);
    // A county's and the nation's series are the same at every position up to their next change.
    const changed = { at: event.position.toString(), eventId: event.eventId };
    await views.put(TREND_CHANGED_VIEW, unit.parent, changed);
    await views.put(TREND_CHANGED_VIEW, 'SE', changed);
  },
};
