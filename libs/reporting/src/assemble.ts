import { type Period, type TemplateDefinition, periodsBetween } from '@lagesbild/domain';
import { type ViewReader, activitiesOf, narrativeOf } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { countTotals } from './counts.figures.js';
import { SECTION_TITLES, monthName } from './labels.js';
import { distributionTables, levelCharts, levelsByMunicipality } from './levels.figures.js';
import { type Block, type FrontMatter, RENDERER_VERSION, type ReportBack, type Section } from './model.js';
import { readinessBlocks } from './readiness.figures.js';
import { assessmentBlocks, completenessTable, readCountyMonths } from './situation.figures.js';
import { type CitedSources, sourceBlocks } from './sources.figures.js';
import { supportCaseBlocks } from './support-cases.figures.js';
import { swedishDate, swedishDateTime } from './swedish-time.js';
import { timeBlocks } from './time.figures.js';
import { activityBlocks, goalBlocks, partnerBlocks, riskBlocks } from './work.figures.js';

export interface ReportBackRequest {
  county: string;
  from: Period;
  to: Period;
  /** The moment and log position the views are read at. */
  asOf: string;
  position: string;
  /** The log's chain hash at `position`: what an auditor checks the log against. */
  logDigest?: string;
  /** From the issue: the document's name, its registry number and who issues it. Absent in a draft. */
  title?: string;
  reference?: string;
  issuedBy?: string;
  /** Where the reports' cited sources are read (no view keeps them); without it the report says so. */
  citedSources?: CitedSources;
}

const GENERATED = new Set([7, 8, 9, 11]);
const APPENDIX_TITLE = 'Bilaga: diagram och tabeller';
const BASIS_TITLE = 'Underlag';

/** `Dalarnas län` → `Dalarnas läns`: the county in the title's genitive. */
const genitive = (name: string) => (name.endsWith('s') ? name : `${name}s`);

function frontMatterOf(request: ReportBackRequest): FrontMatter {
  const draft = request.reference === undefined;
  return {
    reference: request.reference ?? 'Utkast – diarienummer sätts när återrapporteringen utfärdas',
    documentName: request.title ?? 'Utkast – dokumentnamn sätts när återrapporteringen utfärdas',
    date: swedishDate(request.asOf),
    issuer: request.issuedBy ?? 'Utkast – handläggare anges när återrapporteringen utfärdas',
    draft,
  };
}

/**
 * Assembles a county's report-back for a range of months from the views as of one moment:
 * the front matter of the county board's own report, the authored sections as they then stood
 * (a missing one shows a placeholder), the generated sections 7, 8, 9 and 11, then the charts
 * and tables and what the document rests on. Deterministic: everything comes from the reader,
 * in a fixed order; no clock, no random ids.
 */
export async function assembleReportBack(reader: ViewReader, units: OrgUnitRegistry, template: TemplateDefinition, request: ReportBackRequest): Promise<ReportBack> {
  const { county, from, to } = request;
  const countyUnit = units.get(county)!;
  const periods = periodsBetween(from, to);
  const municipalities = units.municipalitiesOf(county);
  const nameOf = (code: string) => units.get(code)?.name ?? code;

  const activities = (await activitiesOf(reader, county, county, `${from}-01`, to)).sort((a, b) => a.date.localeCompare(b.date) || a.activityId.localeCompare(b.activityId));
  const months = await readCountyMonths(reader, county, municipalities, periods);
  const reportsReceived = months.reduce((n, m) => n + m.reports.filter((r) => r.report).length, 0);

  const section7: Block[] = [...activityBlocks(activities, periods, nameOf), ...(await supportCaseBlocks(reader, units, county, periods))];
  const section8: Block[] = [
    { kind: 'paragraph', text: `Kommunernas månatliga lägesbilder för ${monthName(from)}–${monthName(to)}: inrapportering, summerade antal, nivåer per område och ökande trender, kommunernas beredskap, källor, samt länsstyrelsens regionala bedömningar. Nivåerna per kommun och månad finns i bilagan.` },
    { kind: 'table', ...completenessTable(months) },
    ...countTotals(months, template).map((table): Block => ({ kind: 'table', ...table })),
    ...distributionTables(months, template).map((table): Block => ({ kind: 'table', ...table })),
    ...(await readinessBlocks(reader, municipalities)),
    { kind: 'heading', text: 'Källor' },
    ...(await sourceBlocks(months, template, request.citedSources)),
    { kind: 'heading', text: 'Regionala bedömningar' },
    ...assessmentBlocks(months, template),
  ];
  const section9: Block[] = [...(await goalBlocks(reader, county)), ...(await timeBlocks(reader, county, periods, reportsReceived, nameOf))];
  const generated: Record<number, Block[]> = { 7: section7, 8: section8, 9: section9, 11: partnerBlocks(activities) };

  const sections: Section[] = [];
  for (let number = 1; number <= 15; number += 1) {
    const narrative = await narrativeOf(reader, county, number);
    const blocks: Block[] = [];
    if (narrative) blocks.push(...narrative.text.split(/\n{2,}/).map((text): Block => ({ kind: 'paragraph', text: text.trim() })));
    else if (!GENERATED.has(number)) blocks.push({ kind: 'placeholder', text: `Avsnittet är ännu inte skrivet (avsnitt ${number}).` });
    blocks.push(...(generated[number] ?? []));
    if (number === 15) blocks.push({ kind: 'paragraph', text: `${APPENDIX_TITLE}: nivåer per område (diagram och tabeller), nivå per kommun och månad, riskmatris och åtgärdslista. ${BASIS_TITLE}: vad dokumentet bygger på.` });
    sections.push({ number, title: SECTION_TITLES[number]!, blocks });
  }

  const charts: Block[] = [
    ...levelCharts(months, template),
    ...levelsByMunicipality(months, template).map((table): Block => ({ kind: 'table', ...table })),
    ...(await riskBlocks(reader, units, county, request.asOf.slice(0, 10), nameOf)),
  ];
  const basis: Block[] = [
    {
      kind: 'table',
      caption: 'Underlag',
      columns: ['Uppgift', 'Värde'],
      rows: [
        { cells: ['Underlaget som det var registrerat', swedishDateTime(request.asOf)] },
        { cells: ['Loggposition', request.position] },
        ...(request.logDigest ? [{ cells: ['Loggens kontrollsumma (SHA-256) vid positionen', request.logDigest] }] : []),
        { cells: ['Lägesbildsmall', `version ${template.version}`] },
        { cells: ['Period', `${monthName(from)}–${monthName(to)}`] },
      ],
    },
    {
      kind: 'paragraph',
      text: 'Varje siffra är beräknad ur de händelser som var registrerade vid tidpunkten ovan. Dokumentets JSON-format anger för varje rad vilka händelser den bygger på, och samma underlag ger alltid samma dokument.',
    },
  ];

  return {
    rendererVersion: RENDERER_VERSION,
    title: `Redovisning av Länsstyrelsen i ${genitive(countyUnit.name)} arbete inom ramarna för regeringens Samlat grepp mot rasism och hatbrott`,
    frontMatter: frontMatterOf(request),
    county: { code: county, name: countyUnit.name },
    from,
    to,
    asOf: request.asOf,
    position: request.position,
    templateVersion: template.version,
    sections,
    appendices: [
      { number: 16, title: APPENDIX_TITLE, blocks: charts },
      { number: 17, title: BASIS_TITLE, blocks: basis },
    ],
  };
}
