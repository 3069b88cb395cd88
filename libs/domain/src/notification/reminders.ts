import { addMonths, deadlineOf, periodOf } from '../shared/period.js';

/** A reminder the pass records: before a report is due, and once it is missing. */
export type ReminderKind = 'report-due' | 'report-missing';

/** How many days before the deadline a unit that has not reported is reminded. */
export const REMINDER_DAYS_BEFORE = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderDue {
  kind: ReminderKind;
  orgUnit: string;
  period: string;
  deadline: string;
}

/**
 * The reminders due at `now` for a county's units: for the month before now's (the one being
 * reported), "due" from three days before its deadline, "missing" once it has passed — for
 * each unit that has not reported it. Pure: the caller says which have reported.
 */
/** The period reminded of at `now`: the month before now's, the one being reported. */
export const remindedPeriodAt = (now: Date): string => addMonths(periodOf(now), -1);

export function remindersDue(now: Date, deadlineDay: number, units: readonly string[], reported: (orgUnit: string) => boolean): ReminderDue[] {
  const period = remindedPeriodAt(now);
  const deadline = deadlineOf(period, deadlineDay);
  const untilDeadline = Date.parse(deadline) - now.getTime();
  const kind: ReminderKind | undefined = untilDeadline <= 0 ? 'report-missing' : untilDeadline <= REMINDER_DAYS_BEFORE * DAY_MS ? 'report-due' : undefined;
  if (!kind) return [];
  return units.filter((orgUnit) => !reported(orgUnit)).map((orgUnit) => ({ kind, orgUnit, period, deadline }));
}
