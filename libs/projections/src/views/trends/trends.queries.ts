import { type Period, type Trend, periodsBetween } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../../view-store.port.js';
import { type CountyPeriod, type ReportSummary, ReportSummaries } from '../situation-report/report-summary.projection.js';

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

/** A unit's value of an item and its trend, as a series shows it: no number (or yes/no), no point. */
function pointOf(summary: ReportSummary | undefined, item: string): { value: number | boolean | null; trend?: Trend } {
  const answer = summary?.answer(item);
  if (!answer || answer[0] === null) return { value: null };
  return answer[1] ? { value: answer[0], trend: answer[1] } : { value: answer[0] };
}

/**
 * A county's rows of the given periods, each looked up by its key: every row has a version per
 * report that moved it, and a scan of the county's key range would read them all.
 */
function countyPeriods(summaries: ReportSummaries, county: string, periods: Period[]): Promise<Array<CountyPeriod | undefined>> {
  return Promise.all(periods.map((period) => summaries.countyPeriod(county, period)));
}

const NONE = { sum: 0, count: 0, max: null };

function direction(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return 'unknown';
  return now > before ? 'rising' : now < before ? 'falling' : 'unchanged';
}

/** Each period's mean, max and count, and its direction against the period before. */
function aggregate(periods: Period[], pointAt: (period: Period, index: number) => { sum: number; count: number; max: number | null; expected: number; children: ChildValue[] }): AggregatePoint[] {
  let before: number | null = null;
  return periods.map((period, index) => {
    const { sum, count, max, expected, children } = pointAt(period, index);
    const mean = count ? round(sum / count) : null;
    const point: AggregatePoint = { period, value: mean, trend: direction(mean, before), mean, max, reported: count, expected, children };
    before = mean;
    return point;
  });
}

/**
 * The series of one item for an org unit, period by period from `from` to `to`: a
 * municipality's or district's own values; a county's mean and max over its municipalities
 * with each one's value; the nation's over all 290 with each county's mean.
 */
export async function trendOf(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, item: string, from: Period, to: Period): Promise<UnitPoint[] | AggregatePoint[]> {
  const unit = units.get(orgUnit)!;
  const periods = periodsBetween(from, to);
  const summaries = new ReportSummaries(reader);
  if (unit.kind === 'municipality' || unit.kind === 'district') {
    const rows = await Promise.all(periods.map((period) => summaries.of(orgUnit, period)));
    return periods.map((period, i) => ({ period, ...pointOf(rows[i], item) }));
  }
  return aggregateTrendOf(summaries, units, orgUnit, item, periods);
}

/** A county's or the nation's series, computed from its rows. */
async function aggregateTrendOf(summaries: ReportSummaries, units: OrgUnitRegistry, orgUnit: string, item: string, periods: Period[]): Promise<AggregatePoint[]> {
  const unit = units.get(orgUnit)!;
  if (unit.kind === 'county') {
    const members = units.municipalitiesOf(orgUnit);
    const [counts, reports] = await Promise.all([countyPeriods(summaries, orgUnit, periods), Promise.all(periods.map((period) => summaries.ofCounty(orgUnit, period)))]);
    return aggregate(periods, (_, i) => ({
      ...(counts[i]?.summarise(item) ?? NONE),
      expected: members.length,
      children: members.map((m) => ({ orgUnit: m.code, ...pointOf(reports[i]!.get(m.code), item) })),
    }));
  }
  const counties = units.all('county');
  const counts = await Promise.all(counties.map((c) => countyPeriods(summaries, c.code, periods)));
  const expected = counties.reduce((n, c) => n + units.municipalitiesOf(c.code).length, 0);
  return aggregate(periods, (_, index) => {
    let sum = 0;
    let count = 0;
    let max: number | null = null;
    const children = counties.map((county, i): ChildValue => {
      const own = counts[i]![index]?.summarise(item) ?? NONE;
      sum += own.sum;
      count += own.count;
      if (own.max !== null && (max === null || own.max > max)) max = own.max;
      return { orgUnit: county.code, value: own.count ? round(own.sum / own.count) : null };
    });
    return { sum, count, max, expected, children };
  });
}

