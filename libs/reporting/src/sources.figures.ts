import type { Period, TemplateDefinition } from '@lagesbild/domain';
import { swedishPercent } from './labels.js';
import type { Block } from './model.js';
import type { CountyMonth } from './situation.figures.js';

/**
 * The sources a municipality's report of a month cites (the report's and its answers'), as the
 * log held them at the report's moment. No view keeps them, so the caller reads them from the
 * reports' own streams (`citedSourcesFromLog`).
 */
export type CitedSources = (orgUnit: string, period: Period) => Promise<readonly string[]>;

/** Which sources the picture rests on: for each, the share of the period's reports citing it. */
export async function sourceBlocks(months: readonly CountyMonth[], template: TemplateDefinition, cited: CitedSources | undefined): Promise<Block[]> {
  if (!cited) return [{ kind: 'placeholder', text: 'Rapporternas källor ingår inte i detta underlag.' }];
  const reports = months.flatMap((m) => m.reports.flatMap(({ unit, report }) => (report ? [{ unit: unit.code, period: m.period, eventIds: report.eventIds }] : [])));
  if (reports.length === 0) return [{ kind: 'placeholder', text: 'Inga rapporter under perioden.' }];
  const sources = await Promise.all(reports.map((r) => cited(r.unit, r.period)));
  return [
    {
      kind: 'table',
      caption: `Källor som kommunernas rapporter bygger på (andel av periodens ${reports.length} rapporter)`,
      columns: ['Källa', 'Rapporter', 'Andel'],
      rows: template.sources.map((source) => {
        const citing = reports.filter((_, i) => sources[i]!.includes(source.value));
        return { cells: [source.label, citing.length, swedishPercent(citing.length / reports.length)], eventIds: [...new Set(citing.flatMap((r) => r.eventIds))].sort() };
      }),
    },
  ];
}
