import { type Period, type Trend, nextPeriod } from '@lagesbild/domain';
import type { OrgUnit, OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../../view-store.port.js';
import { TRENDS_VIEW, type TrendPoint, type TrendRow } from './trends.projection.js';

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

function periodsBetween(from: Period, to: Period): Period[] {
  const all: Period[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) all.push(p);
  return all;
}

const numeric = (value: number | boolean) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);
const round = (n: number) => Math.round(n * 100) / 100;

/** Rows of one parent's children for one item, by period, in [from, to]. */
async function rowsOf(reader: ViewReader, item: string, parent: string, from: Period, to: Period): Promise<Map<Period, TrendRow>> {
  const rows = await reader.list<TrendRow>(TRENDS_VIEW, `${item}|${parent}|`);
  const byPeriod = new Map<Period, TrendRow>();
  for (const { key, value } of rows) {
    const period = key.slice(key.lastIndexOf('|') + 1);
    if (period >= from && period <= to) byPeriod.set(period, value);
  }
  return byPeriod;
}

function direction(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return 'unknown';
  return now > before ? 'rising' : now < before ? 'falling' : 'unchanged';
}

/** Mean, max and count over points; then each period's direction against the one before. */
function aggregate(periods: Period[], pointsOf: (period: Period) => { values: number[]; expected: number; children: ChildValue[] }): AggregatePoint[] {
  let before: number | null = null;
  return periods.map((period) => {
    const { values, expected, children } = pointsOf(period);
    const mean = values.length ? round(values.reduce((s, v) => s + v, 0) / values.length) : null;
    const point: AggregatePoint = {
      period,
      value: mean,
      trend: direction(mean, before),
      mean,
      max: values.length ? Math.max(...values) : null,
      reported: values.length,
      expected,
      children,
    };
    before = mean;
    return point;
  });
}

const childValue = (unit: OrgUnit, point: TrendPoint | undefined): ChildValue =>
  point ? { orgUnit: unit.code, value: point.value, ...(point.trend ? { trend: point.trend } : {}) } : { orgUnit: unit.code, value: null };

/**
 * The series of one item for an org unit, period by period from `from` to `to`:
 * a municipality's or district's own values; a county's mean and max over its
 * municipalities with each municipality's value; the nation's over all 290 with each
 * county's mean.
 */
export async function trendOf(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, item: string, from: Period, to: Period): Promise<UnitPoint[] | AggregatePoint[]> {
  const unit = units.get(orgUnit)!;
  const periods = periodsBetween(from, to);
  if (unit.kind === 'municipality' || unit.kind === 'district') {
    const rows = await rowsOf(reader, item, unit.parent!, from, to);
    return periods.map((period) => {
      const point = rows.get(period)?.values[orgUnit];
      return point ? { period, value: point.value, ...(point.trend ? { trend: point.trend } : {}) } : { period, value: null };
    });
  }
  if (unit.kind === 'county') {
    const members = units.children(orgUnit).filter((u) => u.kind === 'municipality');
    const rows = await rowsOf(reader, item, orgUnit, from, to);
    return aggregate(periods, (period) => {
      const values = rows.get(period)?.values ?? {};
      const children = members.map((m) => childValue(m, values[m.code]));
      return { values: children.flatMap((c) => (c.value === null ? [] : [numeric(c.value)])), expected: members.length, children };
    });
  }
  const counties = units.all('county');
  const byCounty = new Map(await Promise.all(counties.map(async (c) => [c.code, await rowsOf(reader, item, c.code, from, to)] as const)));
  const expected = counties.reduce((n, c) => n + units.children(c.code).filter((u) => u.kind === 'municipality').length, 0);
  return aggregate(periods, (period) => {
    const values: number[] = [];
    const children = counties.map((county): ChildValue => {
      const own = Object.values(byCounty.get(county.code)?.get(period)?.values ?? {}).map((p) => numeric(p.value));
      values.push(...own);
      return { orgUnit: county.code, value: own.length ? round(own.reduce((s, v) => s + v, 0) / own.length) : null };
    });
    return { values, expected, children };
  });
}
