import type { TemplateDefinition } from '@lagesbild/domain';
import { levelDistribution, levelItemOf } from '@lagesbild/projections';
import { monthName } from './labels.js';
import type { Block, Cell, Table } from './model.js';
import type { CountyMonth } from './situation.figures.js';

/**
 * The levels are an ordinal scale (Ingen … Mycket hög): the county's picture is their
 * distribution and median, never a mean. With an even count the median is the lower of the
 * two middle levels, so it is always a level someone reported.
 */
export function medianLevel(distribution: readonly number[]): number | null {
  const total = distribution.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (let level = 0; level < distribution.length; level += 1) {
    seen += distribution[level]!;
    if (seen >= middle) return level;
  }
  return null;
}

const highestLevel = (distribution: readonly number[]) => {
  for (let level = distribution.length - 1; level >= 0; level -= 1) if (distribution[level]! > 0) return level;
  return null;
};

const levelText = (template: TemplateDefinition, level: number | null | undefined): Cell =>
  level === null || level === undefined ? '–' : `${template.scale.levels.find((l) => l.value === level)?.label ?? level} (${level})`;

/** Each month: every municipality's overall level in each area (what the county picture is made of). */
export function levelsByMunicipality(months: readonly CountyMonth[], template: TemplateDefinition): Table[] {
  const items = template.areas.map((area) => levelItemOf(template, area.id));
  return months.map(({ period, reports }) => ({
    caption: `Nivå per kommun och område, ${monthName(period)}`,
    columns: ['Kommun', ...template.areas.map((a) => a.label)],
    rows: reports.map(({ unit, report }) => ({
      cells: [unit.name, ...items.map((item) => (!report ? 'Ej rapporterat' : levelText(template, item ? (report.answer(item)?.[0] as number | null | undefined) : undefined)))],
      eventIds: [...(report?.eventIds ?? [])].sort(),
    })),
  }));
}

/** How many municipalities had at least one item of the area rising: municipalities, not items. */
const municipalitiesRising = (month: CountyMonth, areaId: string) => month.reports.filter(({ report }) => report?.rising().some((item) => item.startsWith(`${areaId}.`))).length;

/** Per area: how many municipalities at each level, the median and highest level, and how many saw a rising trend. */
export function distributionTables(months: readonly CountyMonth[], template: TemplateDefinition): Table[] {
  const levelColumns = template.scale.levels.map((l) => `${l.label} (${l.value})`);
  return template.areas.map((area) => {
    const item = levelItemOf(template, area.id);
    return {
      caption: `${area.label}: antal kommuner per nivå, mediannivå och kommuner med ökande trend`,
      columns: ['Månad', ...levelColumns, 'Median', 'Högsta', 'Kommuner med ökande trend'],
      rows: months.map((month) => {
        const distribution = levelDistribution(month.reports.map((r) => r.report), item);
        return {
          cells: [monthName(month.period), ...distribution, levelText(template, medianLevel(distribution)), levelText(template, highestLevel(distribution)), municipalitiesRising(month, area.id)],
          eventIds: month.reportIds,
        };
      }),
    };
  });
}

/** A chart per area of the median and highest level each month, with the same figures as a table. */
export function levelCharts(months: readonly CountyMonth[], template: TemplateDefinition): Block[] {
  const max = template.scale.levels.length - 1;
  return template.areas.flatMap((area): Block[] => {
    const item = levelItemOf(template, area.id);
    if (!item) return [];
    const distributions = months.map((m) => levelDistribution(m.reports.map((r) => r.report), item));
    const medians = distributions.map(medianLevel);
    const highest = distributions.map(highestLevel);
    const caption = `${area.label}: länets mediannivå och högsta nivå per månad (0–${max})`;
    return [
      {
        kind: 'chart',
        caption,
        alt: `Linjediagram. ${caption}. Värdena finns i tabellen efter diagrammet.`,
        chart: { periods: months.map((m) => m.period), max, series: [{ label: 'Median', values: medians }, { label: 'Högsta', values: highest }] },
        table: {
          columns: ['Månad', 'Median', 'Högsta'],
          rows: months.map((m, i) => ({ cells: [monthName(m.period), levelText(template, medians[i]), levelText(template, highest[i])], eventIds: m.reportIds })),
        },
        // The municipalities' reports of those months, as they stood: what the points are made of.
        eventIds: [...new Set(months.flatMap((m) => m.reportIds))].sort(),
      },
    ];
  });
}
