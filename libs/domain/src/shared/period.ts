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
  const parts = swedishParts(instant);
  return `${parts.year}-${parts.month}`;
}

/** The date of an instant in Swedish time, YYYY-MM-DD. */
export function swedishDate(instant: Date): string {
  const parts = swedishParts(instant);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * When a period's report is due: the end of `deadlineDay` of the next month, Swedish time
 * (Europe/Stockholm), as an ISO instant.
 */
export function deadlineOf(period: Period, deadlineDay: number): string {
  const key = `${period}/${deadlineDay}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    deadline = computeDeadline(period, deadlineDay);
    if (deadlines.size >= 10_000) deadlines.clear();
    deadlines.set(key, deadline);
  }
  return deadline;
}

/** Deadlines asked for, remembered: working one out takes two time-zone conversions. */
const deadlines = new Map<string, string>();

function computeDeadline(period: Period, deadlineDay: number): string {
  const [year, month] = nextPeriod(period).split('-').map(Number) as [number, number];
  // Midnight after the deadline day, first as if it were UTC, then shifted by Stockholm's offset then.
  const naive = Date.UTC(year, month - 1, deadlineDay + 1, 0, 0, 0);
  const offsetMinutes = stockholmOffsetMinutes(new Date(naive));
  return new Date(naive - offsetMinutes * 60_000).toISOString();
}

/**
 * Built once, when first needed: constructing a DateTimeFormat costs far more than using one
 * (15 ms, loading the time zone), and a thread that never converts a time (a build's second
 * thread) should not pay it as it starts.
 */
let swedishTime: Intl.DateTimeFormat | undefined;
const swedishTimeFormat = () =>
  (swedishTime ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

type SwedishParts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** The last minute converted: "now" is asked for on every command, and a minute's parts do not change. */
let lastMinute: { minute: number; parts: SwedishParts } | undefined;

function swedishParts(instant: Date): SwedishParts {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.parts;
  const all = swedishTimeFormat().formatToParts(instant);
  const get = (type: string) => all.find((p) => p.type === type)?.value ?? '00';
  const parts = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
  lastMinute = { minute, parts };
  return parts;
}

function stockholmOffsetMinutes(instant: Date): number {
  const p = swedishParts(instant);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}
