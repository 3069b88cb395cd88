import { type NotificationKind, monthNameOf } from '@lagesbild/domain';
import { swedishUnits } from '../org-units.js';

/** A unit's name for a message (a district added later, not in the shipped list, by its code). */
export const nameOf = (code: string) => swedishUnits().get(code)?.name ?? code;

const excerpt = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Each kind's message in Swedish, with names, never bare codes. */
export const messages = {
  reportDue: (orgUnit: string, period: string, deadline: string) =>
    `Påminnelse: lägesbilden för ${monthNameOf(period)} från ${nameOf(orgUnit)} ska lämnas senast ${deadline.slice(0, 10)}.`,
  reportMissing: (orgUnit: string, period: string) => `Lägesbilden för ${monthNameOf(period)} från ${nameOf(orgUnit)} har inte kommit in, och sista dagen har passerat.`,
  feedback: (county: string, period: string) => `${nameOf(county)} har gett återkoppling på er lägesbild för ${monthNameOf(period)}.`,
  supportRequest: (orgUnit: string, description: string) => `${nameOf(orgUnit)} begär stöd: ${excerpt(description)}`,
  supportRequestAnswered: (status: 'acknowledged' | 'resolved' | 'declined', text: string) =>
    `${{ acknowledged: 'Länsstyrelsen har tagit emot er stödbegäran', resolved: 'Er stödbegäran är avslutad', declined: 'Er stödbegäran har avböjts' }[status]}: ${excerpt(text)}`,
  periodReopened: (county: string, period: string, reason: string) => `${nameOf(county)} har öppnat ${monthNameOf(period)} igen: ${excerpt(reason)}`,
} satisfies Record<string, (...args: never[]) => string>;

export type { NotificationKind };
