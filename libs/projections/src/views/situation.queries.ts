import { type Answer, LEVEL_MAX, LEVEL_MIN, type TemplateDefinition } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../view-store.port.js';
import { APPROVALS_VIEW, ASSESSMENTS_VIEW, type ApprovalRow, type AssessmentRow, countyPeriodKey } from './county/county.projections.js';
import { type ReportSummary, ReportSummaries } from './situation-report/report-summary.projection.js';

/** What a municipality's picture shows of its report: the report as its stream held it then. */
export interface MunicipalReport {
  late: boolean;
  submittedAt: string;
  templateVersion: number;
  revision: number;
  answers: readonly Answer[];
}

/** A municipality's (or district's) answers per area and item for a period. */
export function municipalitySituation(report: MunicipalReport | undefined, template: TemplateDefinition) {
  const answers = new Map(report?.answers.map((answer) => [answer.item, answer]));
  return {
    reported: report !== undefined,
    ...(report ? { late: report.late, submittedAt: report.submittedAt, templateVersion: report.templateVersion, revision: report.revision } : {}),
    areas: template.areas.map((area) => ({
      area: area.id,
      label: area.label,
      items: area.items.map((item) => {
        const answer = answers.get(item.id);
        return { item: item.id, label: item.label, type: item.type, ...(answer ? { value: answer.value, trend: answer.trend, comment: answer.comment } : {}) };
      }),
    })),
  };
}

/** The levels of the scale, lowest first: a distribution counts each. */
const LEVELS = Array.from({ length: LEVEL_MAX - LEVEL_MIN + 1 }, (_, i) => LEVEL_MIN + i);

/** How many of the reports answered the level item with each level of the scale. */
export function levelDistribution(reports: ReadonlyArray<ReportSummary | undefined>, item: string | undefined): number[] {
  const distribution = LEVELS.map(() => 0);
  for (const report of reports) {
    const value = item ? report?.answer(item)?.[0] : undefined;
    if (typeof value === 'number' && value >= LEVEL_MIN && value <= LEVEL_MAX) distribution[value - LEVEL_MIN]! += 1;
  }
  return distribution;
}

/** The item an area's level is answered in (the template's `level` item of that area). */
export const levelItemOf = (template: TemplateDefinition, areaId: string) => template.areas.find((a) => a.id === areaId)?.items.find((i) => i.type === 'level')?.id;

/**
 * A county's picture of a period, computed at query time from its municipalities' report
 * summaries: approval, completeness (reported, missing, late), the distribution of area
 * levels, the items reported rising, and the regional assessment.
 */
export async function countySituation(reader: ViewReader, units: OrgUnitRegistry, county: string, period: string, template: TemplateDefinition) {
  const municipalities = units.municipalitiesOf(county);
  const summaries = await new ReportSummaries(reader).ofCounty(county, period);
  const reports = municipalities.map((m) => ({ unit: m, report: summaries.get(m.code) }));
  const approval = await reader.get<ApprovalRow>(APPROVALS_VIEW, countyPeriodKey(county, period));
  const assessment = await reader.get<AssessmentRow>(ASSESSMENTS_VIEW, countyPeriodKey(county, period));
  return {
    approved: approval?.approved ?? false,
    ...(approval ? { approval } : {}),
    completeness: {
      expected: municipalities.length,
      reported: reports.filter((r) => r.report).map((r) => r.unit.code),
      missing: reports.filter((r) => !r.report).map((r) => r.unit.code),
      late: reports.filter((r) => r.report?.late).map((r) => r.unit.code),
    },
    levels: template.areas.map((area) => {
      const item = levelItemOf(template, area.id);
      return { area: area.id, label: area.label, item, distribution: levelDistribution(reports.map((r) => r.report), item) };
    }),
    rising: reports.flatMap(({ unit, report }) => (report?.rising() ?? []).map((item) => ({ orgUnit: unit.code, item }))),
    ...(assessment ? { assessment } : {}),
  };
}

/**
 * The nation's picture: per county, approved or not, how many of its municipalities have
 * reported, are missing and were late, the distribution of levels per area, and its regional
 * assessment; and the same counts and distributions for the whole nation. It reads each
 * county's period row — the counts its municipalities' reports have moved — not 290 reports:
 * the same figures as the county's own picture, at 63 reads a period however long the history.
 */
export async function nationalSituation(reader: ViewReader, units: OrgUnitRegistry, period: string, template: TemplateDefinition) {
  const summaries = new ReportSummaries(reader);
  const items = template.areas.map((area) => ({ area: area.id, label: area.label, item: levelItemOf(template, area.id) }));
  const counties = await Promise.all(
    units.all('county').map(async (county) => {
      const key = countyPeriodKey(county.code, period);
      const [approval, counts, assessment] = await Promise.all([
        reader.get<ApprovalRow>(APPROVALS_VIEW, key),
        summaries.countyPeriod(county.code, period),
        reader.get<AssessmentRow>(ASSESSMENTS_VIEW, key),
      ]);
      const [expected, reported] = [units.municipalitiesOf(county.code).length, counts?.reported ?? 0];
      return {
        county: county.code,
        name: county.name,
        approved: approval?.approved ?? false,
        reported,
        expected,
        missing: expected - reported,
        late: counts?.late ?? 0,
        levels: items.map(({ area, label, item }) => ({ area, label, item, distribution: LEVELS.map((level) => (item && counts?.countOf(item, level)) || 0) })),
        ...(assessment ? { assessment } : {}),
      };
    }),
  );
  const sum = (figure: (county: (typeof counties)[number]) => number) => counties.reduce((total, county) => total + figure(county), 0);
  return {
    nation: {
      approved: sum((c) => (c.approved ? 1 : 0)),
      expected: sum((c) => c.expected),
      reported: sum((c) => c.reported),
      missing: sum((c) => c.missing),
      late: sum((c) => c.late),
      levels: items.map(({ area, label, item }, i) => ({ area, label, item, distribution: LEVELS.map((_, level) => sum((c) => c.levels[i]!.distribution[level]!)) })),
    },
    counties,
  };
}
