/** Swedish formats (Intl, sv-SE) for dates, times, months and numbers; times shown in Swedish time. */

const TIME_ZONE = 'Europe/Stockholm';
const dateTime = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
const date = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: TIME_ZONE });
const month = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

const clock = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
/** A time of day as Swedish text writes it: "14.32". */
export const formatTime = (iso: string): string => clock.format(new Date(iso)).replace(':', '.');
/** A date (YYYY-MM-DD or an ISO time) in words: "3 oktober 2026". */
export const formatDate = (value: string): string => date.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
export const formatNumber = (value: number): string => number.format(value);
/** "2026-09" → "september 2026". */
export const formatPeriod = (period: string): string => month.format(new Date(`${period}-15T00:00:00Z`));
export const formatShortPeriod = (period: string): string => shortMonth.format(new Date(`${period}-15T00:00:00Z`));

/** The period `months` after (or before, when negative) `period`. */
export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month of a moment, in Swedish time. */
export function periodOf(moment: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', timeZone: TIME_ZONE }).formatToParts(moment);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export const ROLE_LABELS: Record<string, string> = {
  municipal_reporter: 'Kommunal rapportör',
  county_analyst: 'Länsanalytiker',
  support_worker: 'Regionalt stöd',
  national_reader: 'Nationell läsare',
  auditor: 'Granskare',
  admin: 'Förvaltare',
};

export const LEVEL_LABELS = ['Ingen', 'Låg', 'Måttlig', 'Hög', 'Mycket hög'];

export const SUPPORT_REQUEST_STATUS_LABELS: Record<string, string> = {
  open: 'Inväntar svar',
  acknowledged: 'Bekräftad',
  resolved: 'Avslutad',
  declined: 'Avböjd',
};

export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  'report-due': 'Påminnelse',
  'report-missing': 'Rapport saknas',
  feedback: 'Återkoppling',
  'support-request': 'Stödbegäran',
  'support-request-answered': 'Svar på stödbegäran',
  'follow-up': 'Uppföljning',
  'period-reopened': 'Period öppnad igen',
};

/** Swedish genitive of a name: "Ludvikas", but "Västerås" stays as it is. */
export const genitive = (name: string): string => (/[sxz]$/i.test(name) ? name : `${name}s`);
