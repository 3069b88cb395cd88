import type { Period, TemplateDefinition } from '@lagesbild/domain';
import { APPROVALS_VIEW, ASSESSMENTS_VIEW, type ApprovalRow, type AssessmentRow, type ReportSummary, ReportSummaries, type ViewReader, countyPeriodKey } from '@lagesbild/projections';
import type { OrgUnit } from '@lagesbild/reference-data';
import { monthName } from './labels.js';
import type { Block, Table } from './model.js';

/** One month of a county as the views held it: each municipality's report (if any), the approval and the assessment. */
export interface CountyMonth {
  period: Period;
  reports: Array<{ unit: OrgUnit; report?: ReportSummary }>;
  approval?: ApprovalRow;
  assessment?: AssessmentRow;
  /** Every report event of the month: what a county-wide figure of it is made of. */
  reportIds: string[];
}

export const unique = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** The county's months, read once: every figure of section 8 and the charts come from these. */
export async function readCountyMonths(reader: ViewReader, county: string, municipalities: readonly OrgUnit[], periods: readonly Period[]): Promise<CountyMonth[]> {
  const summaries = new ReportSummaries(reader);
  const months: CountyMonth[] = [];
  for (const period of periods) {
    const [byUnit, approval, assessment] = await Promise.all([
      summaries.ofCounty(county, period),
      reader.get<ApprovalRow>(APPROVALS_VIEW, countyPeriodKey(county, period)),
      reader.get<AssessmentRow>(ASSESSMENTS_VIEW, countyPeriodKey(county, period)),
    ]);
    const reports = municipalities.map((unit) => ({ unit, ...(byUnit.has(unit.code) ? { report: byUnit.get(unit.code)! } : {}) }));
    months.push({ period, reports, ...(approval ? { approval } : {}), ...(assessment ? { assessment } : {}), reportIds: unique(reports.flatMap((r) => r.report?.eventIds ?? [])) });
  }
  return months;
}

/** Which municipalities reported each month, which late, which not, and whether the county approved it. */
export function completenessTable(months: readonly CountyMonth[]): Table {
  return {
    caption: 'Inrapportering per månad',
    columns: ['Månad', 'Rapporterat', 'Sent', 'Saknas', 'Länets lägesbild'],
    rows: months.map((m) => ({
      cells: [
        monthName(m.period),
        `${m.reports.filter((r) => r.report).length} av ${m.reports.length}`,
        m.reports.filter((r) => r.report?.late).map((r) => r.unit.name).join(', ') || '–',
        m.reports.filter((r) => !r.report).map((r) => r.unit.name).join(', ') || '–',
        m.approval?.approved ? 'Fastställd' : 'Ej fastställd',
      ],
      eventIds: unique([...m.reportIds, ...(m.approval?.eventIds ?? [])]),
    })),
  };
}

/** The county analyst's regional assessment of each month, as written. */
export function assessmentBlocks(months: readonly CountyMonth[], template: TemplateDefinition): Block[] {
  const blocks: Block[] = [];
  for (const { period, assessment } of months) {
    if (!assessment) continue;
    blocks.push({
      kind: 'table',
      caption: `Regional bedömning, ${monthName(period)}`,
      columns: ['Område', 'Nivå', 'Bedömning'],
      rows: assessment.areas.map((a) => ({
        cells: [template.areas.find((t) => t.id === a.area)?.label ?? a.area, template.scale.levels.find((l) => l.value === a.level)?.label ?? String(a.level), a.text],
        eventIds: unique(assessment.eventIds),
      })),
    });
    if (assessment.trends) blocks.push({ kind: 'paragraph', text: `Trender: ${assessment.trends}` });
  }
  return blocks.length ? blocks : [{ kind: 'placeholder', text: 'Inga regionala bedömningar registrerade under perioden.' }];
}
