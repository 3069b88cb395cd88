import { type Period, REFERRAL_TARGETS } from '@lagesbild/domain';
import { type SupportCaseRow, type ViewReader, supportCasesWithin } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { REFERRAL_TARGET, monthName } from './labels.js';
import type { Block, Cell } from './model.js';
import { unique } from './situation.figures.js';

/**
 * A count of support cases as the report may print it. Cases concern persons under secrecy:
 * in a small county one or two cases could point to someone, so a count of one or two is
 * never printed as a number, and none as a dash.
 */
export function caseCount(n: number): Cell {
  if (n === 0) return '–';
  return n < 3 ? 'färre än 3' : n;
}

const inMonth = (date: string | undefined, period: Period) => date !== undefined && date.startsWith(period);

/** Pilot 2, the regional support: cases opened, closed and referred, as counts only (no personal data). */
export async function supportCaseBlocks(reader: ViewReader, units: OrgUnitRegistry, county: string, periods: readonly Period[]): Promise<Block[]> {
  const cases = (await supportCasesWithin(reader, units, county)).sort((a, b) => a.caseId.localeCompare(b.caseId));
  const inRange = (date: string | undefined) => periods.some((p) => inMonth(date, p));
  const opened = cases.filter((c) => inRange(c.openedOn));
  const closed = cases.filter((c) => inRange(c.closed));
  if (opened.length === 0 && closed.length === 0) return [{ kind: 'placeholder', text: 'Inga individärenden öppnades eller avslutades under perioden.' }];
  const ids = (rows: SupportCaseRow[]) => unique(rows.flatMap((c) => c.eventIds));
  const targets = REFERRAL_TARGETS.filter((t) => opened.some((c) => c.referrals.includes(t)));
  return [
    { kind: 'heading', text: 'Regionalt stöd: individärenden' },
    {
      kind: 'paragraph',
      text: 'Individärenden som kommunerna fört till länsstyrelsen, räknade utan personuppgifter. Antal under tre redovisas som ”färre än 3” och inga som ”–”.',
    },
    {
      kind: 'table',
      caption: 'Individärenden per månad',
      columns: ['Månad', 'Öppnade', 'Avslutade'],
      rows: [
        ...periods.map((p) => {
          const [o, c] = [opened.filter((x) => inMonth(x.openedOn, p)), closed.filter((x) => inMonth(x.closed, p))];
          return { cells: [monthName(p), caseCount(o.length), caseCount(c.length)], eventIds: ids([...o, ...c]) };
        }),
        { cells: ['Hela perioden', caseCount(opened.length), caseCount(closed.length)], eventIds: ids([...opened, ...closed]) },
      ],
    },
    targets.length
      ? {
          kind: 'table',
          caption: 'Ärenden öppnade under perioden som hänvisats, per mottagare',
          columns: ['Mottagare', 'Ärenden'],
          rows: targets.map((t) => {
            const referred = opened.filter((c) => c.referrals.includes(t));
            return { cells: [REFERRAL_TARGET[t] ?? t, caseCount(referred.length)], eventIds: ids(referred) };
          }),
        }
      : { kind: 'placeholder', text: 'Inga av periodens ärenden har hänvisats vidare.' },
  ];
}
