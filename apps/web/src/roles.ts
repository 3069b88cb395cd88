import type { Principal } from './api/types';
import { addMonths, periodOf } from './format';

/** The latest whole month: the one reports are being collected for. */
export const lastMonth = (): string => addMonths(periodOf(new Date()), -1);
export const thisMonth = (): string => periodOf(new Date());

/** The county an org code belongs to (2085 → 20, 0180-01 → 01). */
export const countyOf = (org: string): string => org.slice(0, 2);

export interface NavItem {
  to: string;
  label: string;
}

/** What each role may open (API.md's roles table): the menu shows only these. */
export function navigationFor(user: Principal): NavItem[] {
  const items: NavItem[] = [];
  const month = lastMonth();
  for (const role of user.roles) {
    switch (role) {
      case 'municipal_reporter':
        // The month due is the one just ended (its deadline falls in this month), not the month under way.
        items.push({ to: '/hem', label: 'Start' }, { to: `/rapport/${user.org}/${month}`, label: 'Månadsrapport' });
        break;
      case 'county_analyst':
        items.push(
          { to: `/lan/${user.org}/${month}`, label: 'Länsöversikt' },
          { to: `/lan/${user.org}/${month}/rapporter`, label: 'Kommunernas rapporter' },
          { to: `/lan/${user.org}/stodbegaran`, label: 'Stödbegäranden' },
          { to: `/lan/${user.org}/${month}/bedomning`, label: 'Regional bedömning' },
          { to: `/lan/${user.org}/risker`, label: 'Risker och åtgärder' },
          { to: `/lan/${user.org}/verksamhet`, label: 'Aktiviteter, tid och mål' },
          { to: `/lan/${user.org}/aterrapportering`, label: 'Återrapportering' },
          { to: '/granskning', label: 'Granskning' },
        );
        break;
      case 'support_worker':
        items.push({ to: '/arenden', label: 'Individärenden' }, { to: `/lan/${user.org}/stodbegaran`, label: 'Stödbegäranden' });
        break;
      case 'national_reader':
        items.push({ to: `/nationellt/${month}`, label: 'Nationell översikt' }, { to: '/granskning', label: 'Granskning' });
        break;
      case 'auditor':
        items.push({ to: '/granskning', label: 'Granskning' });
        break;
      case 'admin':
        items.push({ to: '/mall', label: 'Rapportmall' });
        break;
    }
  }
  return items.filter((item, i) => items.findIndex((other) => other.to === item.to) === i);
}
