import type { Period } from '@lagesbild/domain';
import { type ActivityRow, type ViewReader, actionList, goalsOf, riskMatrix } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ACTION_STATUS, ACTIVITY_KIND, GOAL_KIND, GOAL_STATUS, monthName } from './labels.js';
import type { Block } from './model.js';
import { unique } from './situation.figures.js';

/** Section 7: the county's activities, counted by kind and month, then one by one. */
export function activityBlocks(activities: readonly ActivityRow[], periods: readonly Period[], nameOf: (code: string) => string): Block[] {
  if (activities.length === 0) return [{ kind: 'placeholder', text: 'Inga aktiviteter registrerade under perioden.' }];
  const kinds = Object.keys(ACTIVITY_KIND).filter((k) => activities.some((a) => a.kind === k));
  const of = (kind: string, period: Period) => activities.filter((a) => a.kind === kind && a.date.startsWith(period)).length;
  return [
    { kind: 'paragraph', text: `Under perioden ${monthName(periods[0]!)}–${monthName(periods[periods.length - 1]!)} genomfördes ${activities.length} aktiviteter.`, eventIds: unique(activities.map((a) => a.eventId)) },
    {
      kind: 'table',
      caption: 'Aktiviteter per slag och månad',
      columns: ['Månad', ...kinds.map((k) => ACTIVITY_KIND[k]!)],
      rows: periods.map((p) => ({ cells: [monthName(p), ...kinds.map((k) => of(k, p))], eventIds: unique(activities.filter((a) => a.date.startsWith(p)).map((a) => a.eventId)) })),
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
  ];
}

/** Section 11: each partner and the activities shared with it. */
export function partnerBlocks(activities: readonly ActivityRow[]): Block[] {
  const partners = [...new Set(activities.flatMap((a) => a.partners))].sort((a, b) => a.localeCompare(b, 'sv'));
  if (partners.length === 0) return [{ kind: 'placeholder', text: 'Inga samverkanspartner registrerade under perioden.' }];
  return [
    {
      kind: 'table',
      caption: 'Samverkanspartner och gemensamma aktiviteter',
      columns: ['Partner', 'Antal aktiviteter', 'Aktiviteter'],
      rows: partners.map((partner) => {
        const shared = activities.filter((a) => a.partners.includes(partner));
        return { cells: [partner, shared.length, shared.map((a) => `${a.date} ${a.title}`).join('; ')], eventIds: unique(shared.map((a) => a.eventId)) };
      }),
    },
  ];
}

/** Section 9: the assignment's goals and indicators with their latest status. */
export async function goalBlocks(reader: ViewReader, county: string): Promise<Block[]> {
  const goals = (await goalsOf(reader, county)).sort((a, b) => (a.number ?? '').localeCompare(b.number ?? '', 'sv', { numeric: true }) || a.goalId.localeCompare(b.goalId));
  if (goals.length === 0) return [{ kind: 'placeholder', text: 'Inga mål registrerade.' }];
  return [
    {
      kind: 'table',
      caption: 'Mål och indikatorer',
      columns: ['Nr', 'Slag', 'Mål', 'Status', 'Kommentar'],
      rows: goals.map((g) => ({
        cells: [g.number ?? '', GOAL_KIND[g.kind] ?? g.kind, g.text, g.status ? (GOAL_STATUS[g.status] ?? g.status) : 'Ej rapporterat', g.statusHistory[g.statusHistory.length - 1]?.narrative ?? ''],
        eventIds: unique(g.eventIds ?? []),
      })),
    },
  ];
}

/** The risk matrix and the action list as the county held them at the report's moment. */
export async function riskBlocks(reader: ViewReader, units: OrgUnitRegistry, county: string, today: string, nameOf: (code: string) => string): Promise<Block[]> {
  const matrix = await riskMatrix(reader, units, county);
  const actions = (await actionList(reader, units, county, today)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.actionId.localeCompare(b.actionId));
  return [
    { kind: 'matrix', caption: `Riskmatris: öppna risker (${matrix.open})`, rowLabel: 'Sannolikhet', columnLabel: 'Konsekvens', cells: matrix.cells, eventIds: matrix.eventIds },
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
  ];
}
