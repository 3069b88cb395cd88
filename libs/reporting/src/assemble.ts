import { type Period, type TemplateDefinition, periodsBetween } from '@lagesbild/domain';
import {
  APPROVALS_VIEW,
  ASSESSMENTS_VIEW,
  type AggregatePoint,
  type ApprovalRow,
  type AssessmentRow,
  type ViewReader,
  actionList,
  activitiesOf,
  countyPeriodKey,
  goalsOf,
  levelDistribution,
  levelItemOf,
  narrativeOf,
  ReportSummaries,
  riskMatrix,
  timeSummary,
  trendOf,
} from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ACTION_STATUS, ACTIVITY_KIND, GOAL_KIND, GOAL_STATUS, SECTION_TITLES, TIME_KIND, monthName, swedishNumber } from './labels.js';
import { type Block, RENDERER_VERSION, type ReportBack, type Section } from './model.js';

export interface ReportBackRequest {
  county: string;
  from: Period;
  to: Period;
  /** The moment and log position the views are read at. */
  asOf: string;
  position: string;
  title?: string;
  reference?: string;
}

const GENERATED = new Set([7, 8, 9, 11]);

const unique = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Assembles a county's report-back for a range of months from the views as of one moment:
 * authored sections as they then stood (a missing one shows a placeholder), and the
 * generated sections 7, 8, 9 and 11 with an appendix of charts and tables. Deterministic:
 * everything comes from the reader, in a fixed order; no clock, no random ids.
 */
export async function assembleReportBack(reader: ViewReader, units: OrgUnitRegistry, template: TemplateDefinition, request: ReportBackRequest): Promise<ReportBack> {
  const { county, from, to } = request;
  const countyUnit = units.get(county)!;
  const periods = periodsBetween(from, to);
  const firstDay = `${from}-01`;
  const municipalities = units.municipalitiesOf(county);
  const nameOf = (code: string) => units.get(code)?.name ?? code;

  const activities = (await activitiesOf(reader, county, county, firstDay, to)).sort((a, b) => a.date.localeCompare(b.date) || a.activityId.localeCompare(b.activityId));

  // 7 Aktiviteter
  const byKindAndMonth = new Map<string, number>();
  for (const a of activities) byKindAndMonth.set(`${a.kind}|${a.date.slice(0, 7)}`, (byKindAndMonth.get(`${a.kind}|${a.date.slice(0, 7)}`) ?? 0) + 1);
  const kinds = Object.keys(ACTIVITY_KIND).filter((k) => activities.some((a) => a.kind === k));
  const section7: Block[] = activities.length
    ? [
        { kind: 'paragraph', text: `Under perioden ${monthName(from)}–${monthName(to)} genomfördes ${activities.length} aktiviteter.`, eventIds: unique(activities.map((a) => a.eventId)) },
        {
          kind: 'table',
          caption: 'Aktiviteter per slag och månad',
          columns: ['Månad', ...kinds.map((k) => ACTIVITY_KIND[k]!)],
          rows: periods.map((p) => ({ cells: [monthName(p), ...kinds.map((k) => byKindAndMonth.get(`${k}|${p}`) ?? 0)], eventIds: unique(activities.filter((a) => a.date.startsWith(p)).map((a) => a.eventId)) })),
        },
        {
          kind: 'table',
          caption: 'Aktiviteter',
          columns: ['Datum', 'Slag', 'Aktivitet', 'Berörda', 'Samverkanspartner', 'Deltagare'],
          rows: activities.map((a) => ({
            cells: [a.date, ACTIVITY_KIND[a.kind] ?? a.kind, a.title, a.orgUnits.map(nameOf).join(', '), a.partners.join(', '), a.participants ?? ''],
            eventIds: [a.eventId],
          })),
        },
      ]
    : [{ kind: 'placeholder', text: 'Inga aktiviteter registrerade under perioden.' }];

  // 8 Resultat av kartläggningar
  const completeness: Array<{ cells: Array<string | number>; eventIds: string[] }> = [];
  const perArea = new Map(template.areas.map((a) => [a.id, [] as Array<{ cells: Array<string | number>; eventIds: string[] }>]));
  const assessments: Block[] = [];
  const reportIdsByPeriod = new Map<Period, string[]>();
  const reportSummaries = new ReportSummaries(reader);
  for (const period of periods) {
    const summaries = await reportSummaries.ofCounty(county, period);
    const reports = municipalities.map((m) => ({ unit: m, report: summaries.get(m.code) }));
    const approval = await reader.get<ApprovalRow>(APPROVALS_VIEW, countyPeriodKey(county, period));
    const reportIds = reports.flatMap((r) => r.report?.eventIds ?? []);
    reportIdsByPeriod.set(period, reportIds);
    const reported = reports.filter((r) => r.report);
    completeness.push({
      cells: [
        monthName(period),
        `${reported.length} av ${municipalities.length}`,
        reports.filter((r) => r.report?.late).map((r) => r.unit.name).join(', ') || '–',
        reports.filter((r) => !r.report).map((r) => r.unit.name).join(', ') || '–',
        approval?.approved ? 'Fastställd' : 'Ej fastställd',
      ],
      eventIds: unique([...reportIds, ...(approval?.eventIds ?? [])]),
    });
    for (const area of template.areas) {
      const item = levelItemOf(template, area.id);
      const distribution = levelDistribution(reports.map((r) => r.report), item);
      let rising = 0;
      for (const { report } of reports) {
        rising += (report?.rising() ?? []).filter((item) => item.startsWith(`${area.id}.`)).length;
      }
      perArea.get(area.id)!.push({ cells: [monthName(period), ...distribution, rising], eventIds: unique(reportIds) });
    }
    const assessment = await reader.get<AssessmentRow>(ASSESSMENTS_VIEW, countyPeriodKey(county, period));
    if (assessment) {
      assessments.push({
        kind: 'table',
        caption: `Regional bedömning, ${monthName(period)}`,
        columns: ['Område', 'Nivå', 'Bedömning'],
        rows: assessment.areas.map((a) => ({
          cells: [template.areas.find((t) => t.id === a.area)?.label ?? a.area, template.scale.levels.find((l) => l.value === a.level)?.label ?? String(a.level), a.text],
          eventIds: unique(assessment.eventIds),
        })),
      });
      if (assessment.trends) assessments.push({ kind: 'paragraph', text: `Trender: ${assessment.trends}` });
    }
  }
  const levelColumns = template.scale.levels.map((l) => `${l.label} (${l.value})`);
  const section8: Block[] = [
    { kind: 'paragraph', text: `Kommunernas månatliga lägesbilder för ${monthName(from)}–${monthName(to)}: inrapportering, nivåer per område och ökande trender, samt länsstyrelsens regionala bedömningar.` },
    { kind: 'table', caption: 'Inrapportering per månad', columns: ['Månad', 'Rapporterat', 'Sent', 'Saknas', 'Länets lägesbild'], rows: completeness },
    ...template.areas.map(
      (area): Block => ({ kind: 'table', caption: `${area.label}: antal kommuner per nivå`, columns: ['Månad', ...levelColumns, 'Ökande trender'], rows: perArea.get(area.id)! }),
    ),
    ...(assessments.length ? assessments : [{ kind: 'placeholder' as const, text: 'Inga regionala bedömningar registrerade under perioden.' }]),
  ];

  // 9 Måluppfyllelse
  const goals = (await goalsOf(reader, county)).sort((a, b) => (a.number ?? '').localeCompare(b.number ?? '', 'sv', { numeric: true }) || a.goalId.localeCompare(b.goalId));
  const section9: Block[] = goals.length
    ? [
        {
          kind: 'table',
          caption: 'Mål och indikatorer',
          columns: ['Nr', 'Slag', 'Mål', 'Status', 'Kommentar'],
          rows: goals.map((g) => ({
            cells: [g.number ?? '', GOAL_KIND[g.kind] ?? g.kind, g.text, g.status ? (GOAL_STATUS[g.status] ?? g.status) : 'Ej rapporterat', g.statusHistory[g.statusHistory.length - 1]?.narrative ?? ''],
            eventIds: unique(g.eventIds ?? []),
          })),
        },
      ]
    : [{ kind: 'placeholder', text: 'Inga mål registrerade.' }];

  // 11 Samverkan
  const partners = [...new Set(activities.flatMap((a) => a.partners))].sort((a, b) => a.localeCompare(b, 'sv'));
  const section11: Block[] = partners.length
    ? [
        {
          kind: 'table',
          caption: 'Samverkanspartner och gemensamma aktiviteter',
          columns: ['Partner', 'Antal aktiviteter', 'Aktiviteter'],
          rows: partners.map((partner) => {
            const shared = activities.filter((a) => a.partners.includes(partner));
            return { cells: [partner, shared.length, shared.map((a) => `${a.date} ${a.title}`).join('; ')], eventIds: unique(shared.map((a) => a.eventId)) };
          }),
        },
      ]
    : [{ kind: 'placeholder', text: 'Inga samverkanspartner registrerade under perioden.' }];

  const generated: Record<number, Block[]> = { 7: section7, 8: section8, 9: section9, 11: section11 };
  const sections: Section[] = [];
  for (let number = 1; number <= 15; number += 1) {
    const narrative = await narrativeOf(reader, county, number);
    const blocks: Block[] = [];
    if (narrative) blocks.push(...narrative.text.split(/\n{2,}/).map((text): Block => ({ kind: 'paragraph', text: text.trim() })));
    else if (!GENERATED.has(number)) blocks.push({ kind: 'placeholder', text: `Avsnittet är ännu inte skrivet (avsnitt ${number}).` });
    blocks.push(...(generated[number] ?? []));
    if (number === 15) blocks.push({ kind: 'paragraph', text: 'Bilaga: diagram över nivåer per område, riskmatris, åtgärdslista och tidsåtgång (nedan).' });
    sections.push({ number, title: SECTION_TITLES[number]!, blocks });
  }

  // Appendix: a trend chart per area, the 5×5 risk matrix, the action list, time spent.
  const appendix: Block[] = [];
  for (const area of template.areas) {
    const item = area.items.find((i) => i.type === 'level')?.id;
    if (!item) continue;
    const series = (await trendOf(reader, units, county, item, from, to)) as AggregatePoint[];
    appendix.push({
      kind: 'chart',
      caption: `${area.label}: länets medelnivå och högsta nivå per månad (0–4)`,
      chart: { periods, max: 4, series: [{ label: 'Medel', values: series.map((p) => p.mean) }, { label: 'Högsta', values: series.map((p) => p.max) }] },
      // The municipalities' reports of those months, as they stood: what the points are made of.
      eventIds: unique(periods.flatMap((p) => reportIdsByPeriod.get(p) ?? [])),
    });
  }
  const matrix = await riskMatrix(reader, units, county);
  appendix.push({ kind: 'matrix', caption: `Riskmatris: öppna risker (${matrix.open})`, rowLabel: 'Sannolikhet', columnLabel: 'Konsekvens', cells: matrix.cells, eventIds: matrix.eventIds });
  const today = request.asOf.slice(0, 10);
  const actions = (await actionList(reader, units, county, today)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.actionId.localeCompare(b.actionId));
  appendix.push(
    actions.length
      ? {
          kind: 'table',
          caption: 'Åtgärdslista',
          columns: ['Åtgärd', 'Enhet', 'Ansvarig', 'Klart senast', 'Status'],
          rows: actions.map((a) => ({
            cells: [a.title, nameOf(a.orgUnit), a.owner, a.dueDate, `${ACTION_STATUS[a.status] ?? a.status}${a.overdue ? ' (försenad)' : ''}`],
            eventIds: unique(a.eventIds ?? []),
          })),
        }
      : { kind: 'placeholder', text: 'Inga åtgärder registrerade.' },
  );
  const time = await timeSummary(reader, county, firstDay, to);
  const timeKinds = Object.keys(TIME_KIND).filter((k) => time.byKind[k] !== undefined);
  appendix.push({
    kind: 'table',
    caption: `Tidsåtgång (timmar) per arbetsslag och månad — totalt ${swedishNumber(time.total)} timmar, ${swedishNumber(time.hoursPerPersonMonth)} timmar per personmånad`,
    columns: ['Månad', ...timeKinds.map((k) => TIME_KIND[k]!), 'Summa'],
    rows: periods.map((p) => {
      const month = time.byMonth[p] ?? {};
      return { cells: [monthName(p), ...timeKinds.map((k) => swedishNumber(month[k] ?? 0)), swedishNumber(Object.values(month).reduce((s, h) => s + h, 0))], eventIds: time.eventIdsByMonth[p] ?? [] };
    }),
  });

  return {
    rendererVersion: RENDERER_VERSION,
    title: request.title ?? `Återrapportering: ${countyUnit.name}, ${monthName(from)}–${monthName(to)}`,
    ...(request.reference ? { reference: request.reference } : {}),
    county: { code: county, name: countyUnit.name },
    from,
    to,
    asOf: request.asOf,
    position: request.position,
    templateVersion: template.version,
    sections,
    appendix: { number: 16, title: 'Bilaga: diagram och tabeller', blocks: appendix },
  };
}
