import { type Period, type Trend, nextPeriod } from '@lagesbild/domain';
import type { OrgUnit, OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../../view-store.port.js';
import { TRENDS_VIEW, type TrendPoint } from './trends.projection.js';

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

type Points = Map<Period, Map<string, TrendPoint>>;

/** The points of one item under a parent (or under every parent: ''), by parent, period and unit, in [from, to]. */
async function pointsOf(reader: ViewReader, item: string, parent: string, from: Period, to: Period): Promise<Map<string, Points>> {
  const rows = await reader.list<TrendPoint>(TRENDS_VIEW, parent ? `${item}|${parent}|` : `${item}|`);
  const byParent = new Map<string, Points>();
  for (const { key, value } of rows) {
    const [, owner, period, unit] = key.split('|') as [string, string, Period, string];
    if (period < from || period > to) continue;
    let periods = byParent.get(owner);
    if (!periods) byParent.set(owner, (periods = new Map()));
    let units = periods.get(period);
    if (!units) periods.set(period, (units = new Map()));
    units.set(unit, value);
  }
  return byParent;
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
  point ? { orgUnit: unit.code, value: point[0], ...(point[1] ? { trend: point[1] } : {}) } : { orgUnit: unit.code, value: null };

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
    const points = (await pointsOf(reader, item, unit.parent!, from, to)).get(unit.parent!);
    return periods.map((period) => {
      const point = points?.get(period)?.get(orgUnit);
      return point ? { period, value: point[0], ...(point[1] ? { trend: point[1] } : {}) } : { period, value: null };
    });
  }
  if (unit.kind === 'county') {
    const members = units.children(orgUnit).filter((u) => u.kind === 'municipality');
    const points = (await pointsOf(reader, item, orgUnit, from, to)).get(orgUnit);
    return aggregate(periods, (period) => {
      const children = members.map((m) => childValue(m, points?.get(period)?.get(m.code)));
      return { values: children.flatMap((c) => (c.value === null ? [] : [numeric(c.value)])), expected: members.length, children };
    });
  }
  const counties = units.all('county');
  const all = await pointsOf(reader, item, '', from, to);
  const expected = counties.reduce((n, c) => n + units.children(c.code).filter((u) => u.kind === 'municipality').length, 0);
  return aggregate(periods, (period) => {
    const values: number[] = [];
    const children = counties.map((county): ChildValue => {
      const own = [...(all.get(county.code)?.get(period)?.values() ?? [])].map((p) => numeric(p[0]));
      values.push(...own);
      return { orgUnit: county.code, value: own.length ? round(own.reduce((s, v) => s + v, 0) / own.length) : null };
    });
    return { values, expected, children };
  });
}
