import { SWEDISH_MONTHS } from '@lagesbild/domain';

/**
 * Times as a ministry reader reads them: Swedish local time, month in words. The parts come
 * from the time-zone rules alone (numeric fields), never from a locale's phrasing, so the
 * text is the same on every machine.
 */
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function localParts(iso: string) {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: Number(parts.month), day: Number(parts.day), hour: parts.hour!.padStart(2, '0'), minute: parts.minute!.padStart(2, '0') };
}

/** `2018-02-27T11:00:00Z` → `27 februari 2018` (the day in Sweden). */
export function swedishDate(iso: string): string {
  const { year, month, day } = localParts(iso);
  return `${day} ${SWEDISH_MONTHS[month - 1]} ${year}`;
}

/** `2026-12-07T13:30:00Z` → `7 december 2026 kl. 14.30`. */
export function swedishDateTime(iso: string): string {
  const { hour, minute } = localParts(iso);
  return `${swedishDate(iso)} kl. ${hour}.${minute}`;
}
