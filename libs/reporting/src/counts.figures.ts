import type { TemplateDefinition } from '@lagesbild/domain';
import { monthName } from './labels.js';
import type { Table } from './model.js';
import { type CountyMonth, unique } from './situation.figures.js';

/**
 * The count items (hate crimes, propaganda, threats against elected officials …) summed over
 * the county's municipalities, month by month and for the whole period: the figures a report
 * under the national plan against racism and hate crime is read for. A total only covers the
 * municipalities that answered, so each row says how many did.
 */
export function countTotals(months: readonly CountyMonth[], template: TemplateDefinition): Table[] {
  return template.areas.flatMap((area): Table[] => {
    const items = area.items.filter((i) => i.type === 'count');
    if (items.length === 0) return [];
    const perMonth = months.map((month) => {
      const answered = month.reports.filter(({ report }) => items.some((i) => typeof report?.answer(i.id)?.[0] === 'number'));
      const sums = items.map((i) => answered.reduce((sum, { report }) => sum + (numberOf(report?.answer(i.id)?.[0]) ?? 0), 0));
      return { month, answered: answered.length, sums, eventIds: unique(answered.flatMap(({ report }) => report?.eventIds ?? [])) };
    });
    return [
      {
        caption: `${area.label}: summa för länet per månad och för perioden`,
        columns: ['Månad', ...items.map((i) => i.label), 'Kommuner som svarat'],
        rows: [
          ...perMonth.map((m) => ({ cells: [monthName(m.month.period), ...m.sums, `${m.answered} av ${m.month.reports.length}`], eventIds: m.eventIds })),
          {
            cells: ['Hela perioden', ...items.map((_, i) => perMonth.reduce((sum, m) => sum + m.sums[i]!, 0)), `${perMonth.reduce((n, m) => n + m.answered, 0)} månadsrapporter`],
            eventIds: unique(perMonth.flatMap((m) => m.eventIds)),
          },
        ],
      },
    ];
  });
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : undefined);
