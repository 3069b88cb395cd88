import { type Period, type Trend, periodsBetween } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../../view-store.port.js';
import {
  type CountyHistogram,
  TREND_CHANGED_VIEW,
  TREND_COUNTY_VIEW,
  TREND_UNIT_VIEW,
  type UnitPoints,
  numeric,
  trendCountyKey,
  trendsProjection,
} from './trends.projection.js';

export interface ChildValue {
  orgUnit: string;
  value: number | boolean | null;
  trend?: Trend;
}

/** A reporting unit's own series. */
export interface UnitPoint {
  period: Period;
  value: number | boolean | null;
  trend?: Trend;
}

/** A county's or the nation's series: the mean and max over the municipalities, and each child's value. */
export interface AggregatePoint {
  period: Period;
  /** The mean over the municipalities that reported (yes/no counts as 1/0); null when none did. */
  value: number | null;
  trend: Trend;
  mean: number | null;
  max: number | null;
  reported: number;
  expected: number;
  children: ChildValue[];
}

const round = (n: number) => Math.round(n * 100) / 100;
const periodOfKey = (key: string) => key.slice(key.lastIndexOf('|') + 1);

/** Rows of one unit (or county) in [from, to], by period. */
async function rowsByPeriod<T>(reader: ViewReader, view: string, code: string, from: Period, to: Period): Promise<Map<Period, T>> {
  const rows = await reader.list<T>(view, `${code}|`);
  return new Map(rows.map(({ key, value }) => [periodOfKey(key), value] as const).filter(([period]) => period >= from && period <= to));
}

/**
 * A county's histogram rows of the given periods, each looked up by its key: every row has a
 * version per report that moved it, and a scan of the county's key range would read them all.
 */
async function histogramsByPeriod(reader: ViewReader, county: string, periods: Period[]): Promise<Map<Period, CountyHistogram>> {
  const rows = await Promise.all(periods.map((period) => reader.get<CountyHistogram>(TREND_COUNTY_VIEW, trendCountyKey(county, period))));
  return new Map(periods.flatMap((period, i) => (rows[i] ? [[period, rows[i]] as const] : [])));
}

function direction(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return 'unknown';
  return now > before ? 'rising' : now < before ? 'falling' : 'unchanged';
}

/** Sum, count and max of a histogram ({value: how many}). */
function summarise(histogram: Record<string, number> | undefined): { sum: number; count: number; max: number | null } {
  let sum = 0;
  let count = 0;
  let max: number | null = null;
  for (const [value, n] of Object.entries(histogram ?? {})) {
    const v = Number(value);
    sum += v * n;
    count += n;
    if (max === null || v > max) max = v;
  }
  return { sum, count, max };
}

/** Each period's mean, max and count, and its direction against the period before. */
function aggregate(periods: Period[], pointOf: (period: Period) => { sum: number; count: number; max: number | null; expected: number; children: ChildValue[] }): AggregatePoint[] {
  let before: number | null = null;
  return periods.map((period) => {
    const { sum, count, max, expected, children } = pointOf(period);
    const mean = count ? round(sum / count) : null;
    const point: AggregatePoint = { period, value: mean, trend: direction(mean, before), mean, max, reported: count, expected, children };
    before = mean;
    return point;
  });
}

/**
 * County and national series, by what they answer and the last report that changed them:
 * history does not change, so an answer stays true at every later position up to the next
 * change, and repeated questions cost a lookup.
 */
const answered = new Map<string, AggregatePoint[]>();
const ANSWERS_KEPT = 2000;

function remembered(key: string): AggregatePoint[] | undefined {
  const found = answered.get(key);
  if (found) {
    answered.delete(key);
    answered.set(key, found);
  }
  return found;
}

function remember(key: string, answer: AggregatePoint[]): AggregatePoint[] {
  answered.set(key, answer);
  if (answered.size > ANSWERS_KEPT) answered.delete(answered.keys().next().value!);
  return answer;
}

/**
 * The series of one item for an org unit, period by period from `from` to `to`: a
 * municipality's or district's own values; a county's mean and max over its municipalities
 * with each one's value; the nation's over all 290 with each county's mean.
 */
export async function trendOf(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, item: string, from: Period, to: Period): Promise<UnitPoint[] | AggregatePoint[]> {
  const unit = units.get(orgUnit)!;
  const periods = periodsBetween(from, to);
  if (unit.kind === 'municipality' || unit.kind === 'district') {
    const rows = await rowsByPeriod<UnitPoints>(reader, TREND_UNIT_VIEW, orgUnit, from, to);
    return periods.map((period) => {
      const point = rows.get(period)?.[item];
      return point ? { period, value: point[0], ...(point[1] ? { trend: point[1] } : {}) } : { period, value: null };
    });
  }
  // The last change's event id names it across every store in this process (positions repeat between stores).
  const changed = (await reader.get<{ at: string; eventId: string }>(TREND_CHANGED_VIEW, unit.kind === 'county' ? orgUnit : 'SE'))?.eventId;
  if (!changed) return aggregateTrendOf(reader, units, orgUnit, item, periods, from, to);
  const key = `${trendsProjection.version}|${orgUnit}|${item}|${from}|${to}|${changed}`;
  return remembered(key) ?? remember(key, await aggregateTrendOf(reader, units, orgUnit, item, periods, from, to));
}

/** A county's or the nation's series, computed from its rows. */
async function aggregateTrendOf(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, item: string, periods: Period[], from: Period, to: Period): Promise<AggregatePoint[]> {
  const unit = units.get(orgUnit)!;
  const municipalitiesOf = (county: string) => units.children(county).filter((u) => u.kind === 'municipality');
  if (unit.kind === 'county') {
    const members = municipalitiesOf(orgUnit);
    const [histograms, ...memberRows] = await Promise.all([
      histogramsByPeriod(reader, orgUnit, periods),
      ...members.map((m) => rowsByPeriod<UnitPoints>(reader, TREND_UNIT_VIEW, m.code, from, to)),
    ]);
    return aggregate(periods, (period) => ({
      ...summarise(histograms.get(period)?.[item]),
      expected: members.length,
      children: members.map((m, i) => {
        const point = memberRows[i]!.get(period)?.[item];
        return point ? { orgUnit: m.code, value: point[0], ...(point[1] ? { trend: point[1] } : {}) } : { orgUnit: m.code, value: null };
      }),
    }));
  }
  const counties = units.all('county');
  const histograms = await Promise.all(counties.map((c) => histogramsByPeriod(reader, c.code, periods)));
  const expected = counties.reduce((n, c) => n + municipalitiesOf(c.code).length, 0);
  return aggregate(periods, (period) => {
    let sum = 0;
    let count = 0;
    let max: number | null = null;
    const children = counties.map((county, i): ChildValue => {
      const own = summarise(histograms[i]!.get(period)?.[item]);
      sum += own.sum;
      count += own.count;
      if (own.max !== null && (max === null || own.max > max)) max = own.max;
      return { orgUnit: county.code, value: own.count ? round(own.sum / own.count) : null };
    });
    return { sum, count, max, expected, children };
  });
}

export { numeric };
