import type { Period } from '@lagesbild/domain';
import { type ViewReader, timeSummary } from '@lagesbild/projections';
import { TIME_KIND, monthName, swedishNumber } from './labels.js';
import type { Block } from './model.js';

/**
 * Indicator 7 promises an analysis of the time regional situation-picture work takes: hours by
 * kind of work and month, per person-month, per municipal report received, and by the
 * municipality the work was for — the resource need a county joining the work would plan for.
 */
export async function timeBlocks(reader: ViewReader, county: string, periods: readonly Period[], reportsReceived: number, nameOf: (code: string) => string): Promise<Block[]> {
  const time = await timeSummary(reader, county, `${periods[0]}-01`, periods[periods.length - 1]);
  if (time.entries === 0) return [{ kind: 'placeholder', text: 'Ingen tidsåtgång registrerad under perioden.' }];
  const kinds = Object.keys(TIME_KIND).filter((k) => time.byKind[k] !== undefined);
  const perReport = reportsReceived ? `, ${swedishNumber(time.total / reportsReceived)} timmar per inkommen kommunrapport (${reportsReceived} rapporter)` : '';
  return [
    { kind: 'heading', text: 'Tidsåtgång för det regionala lägesbildsarbetet' },
    {
      kind: 'paragraph',
      text: `Under perioden registrerades ${swedishNumber(time.total)} timmar: ${swedishNumber(time.hoursPerPersonMonth)} timmar per personmånad${perReport}.`,
      eventIds: [...Object.values(time.eventIdsByMonth).flat()].sort(),
    },
    {
      kind: 'table',
      caption: 'Tidsåtgång (timmar) per arbetsslag och månad',
      columns: ['Månad', ...kinds.map((k) => TIME_KIND[k]!), 'Summa'],
      rows: [
        ...periods.map((p) => {
          const month = time.byMonth[p] ?? {};
          return { cells: [monthName(p), ...kinds.map((k) => month[k] ?? 0), Object.values(month).reduce((s, h) => s + h, 0)], eventIds: [...(time.eventIdsByMonth[p] ?? [])].sort() };
        }),
        { cells: ['Hela perioden', ...kinds.map((k) => time.byKind[k] ?? 0), time.total], eventIds: [...Object.values(time.eventIdsByMonth).flat()].sort() },
      ],
    },
    {
      kind: 'table',
      caption: 'Tidsåtgång (timmar) per kommun under perioden; länets gemensamma arbete för sig',
      columns: ['Kommun', 'Timmar'],
      rows: Object.entries(time.byOrgUnit)
        .sort(([a], [b]) => (a === county ? 1 : b === county ? -1 : nameOf(a).localeCompare(nameOf(b), 'sv')))
        .map(([unit, hours]) => ({ cells: [unit === county ? 'Länets gemensamma arbete' : nameOf(unit), hours], eventIds: [...(time.eventIdsByOrgUnit[unit] ?? [])].sort() })),
    },
  ];
}
