import { ValidationError } from './domain-errors.js';

/** A reporting period: a month, `YYYY-MM`. */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

export function assertPeriod(value: string, path = 'period'): void {
  if (!isPeriod(value)) throw new ValidationError(`${path} must be a month, YYYY-MM`, [{ path, message: 'must be a month, YYYY-MM' }]);
}

/** A period as a count of months (year × 12 + month − 1), and back: month arithmetic is addition. */
const monthIndex = (period: Period) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodAt = (index: number): Period => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The month after a period. */
export function nextPeriod(period: Period): Period {
  return periodAt(monthIndex(period) + 1);
}

/** The period `months` after (or, negative, before) a period. */
export function addMonths(period: Period, months: number): Period {
  return periodAt(monthIndex(period) + months);
}

/** How many months from `from` to `to`, both counted (0 when `to` is before `from`). */
export function monthsBetween(from: Period, to: Period): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Every period from `from` to `to`, both included. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const first = monthIndex(from);
  return Array.from({ length: monthsBetween(from, to) }, (_, i) => periodAt(first + i));
}

/** The period an instant falls in, in Swedish time. */
export function periodOf(instant: Date): Period {
  return swedishTime(instant).toISOString().slice(0, 7);
}

/** The date of an instant in Swedish time, YYYY-MM-DD. */
export function swedishDate(instant: Date): string {
  return swedishTime(instant).toISOString().slice(0, 10);
}

/**
 * When a period's report is due: the end of `deadlineDay` of the next month, Swedish time
 * (Europe/Stockholm), as an ISO instant.
 */
export function deadlineOf(period: Period, deadlineDay: number): string {
  const [year, month] = nextPeriod(period).split('-').map(Number) as [number, number];
  // Midnight after the deadline day, first as if it were UTC, then shifted by Stockholm's offset then.
  const naive = Date.UTC(year, month - 1, deadlineDay + 1, 0, 0, 0);
  return new Date(naive - swedishOffset(naive)).toISOString();
}

const HOUR = 3_600_000;

/** An instant moved by Swedish time's offset, so that its UTC fields read the time on a Swedish clock. */
const swedishTime = (instant: Date) => new Date(instant.getTime() + swedishOffset(instant.getTime()));

/**
 * Swedish time's offset from UTC at an instant: an hour, and two in summer time, from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October (of September until
 * 1995) — the rule Sweden has kept since 1981. Worked out rather than asked of `Intl`, whose
 * time-zone formatter is costly to build for every call, and a shared one is state to keep.
 */
function swedishOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summerEnds = lastSundayOf(year, year < 1996 ? 9 : 10);
  return ms >= lastSundayOf(year, 3) && ms < summerEnds ? 2 * HOUR : HOUR;
}

/** 01:00 UTC on the last Sunday of a month (1–12): when summer time begins or ends. */
function lastSundayOf(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * 24 * HOUR;
}
