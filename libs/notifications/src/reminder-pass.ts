import { ConflictError, countySettingsDecider, countySettingsStreamId, remindedPeriodAt, reminderDecider, reminderStreamId, remindersDue, situationReportStreamId } from '@lagesbild/domain';
import { type EventStore, aggregateStream, handleCommand, readEvents, uuidFrom } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { systemContext } from './system-actor.js';

export interface ReminderPassResult {
  /** Reminders recorded by this pass. */
  recorded: number;
  /** Reminders due that an earlier pass (or another process) had already recorded. */
  already: number;
}

/**
 * The reminder pass: for every county, the reminders due at `now` for its municipalities that
 * have not reported, each recorded once — its stream's id follows from its kind, unit and
 * period, so a second pass, a pass after a crash, or one in another process records nothing new.
 */
export async function runReminderPass(store: EventStore, units: OrgUnitRegistry, now: Date): Promise<ReminderPassResult> {
  const result: ReminderPassResult = { recorded: 0, already: 0 };
  const context = systemContext('påminnelser');
  // What had been recorded by `now`: a pass as of a past moment does not count later reports.
  const asOf = { toPosition: await store.positionAt(now) };
  const period = remindedPeriodAt(now);
  for (const county of units.all('county')) {
    const { state } = await aggregateStream(store, countySettingsDecider, countySettingsStreamId(county.code), asOf);
    const municipalities = units.municipalitiesOf(county.code).map((m) => m.code);
    const reported = new Set<string>();
    for (const code of municipalities) {
      if ((await readEvents(store, situationReportStreamId(code, period), asOf)).length > 0) reported.add(code);
    }
    for (const due of remindersDue(now, state.deadlineDay, municipalities, (code) => reported.has(code))) {
      const id = uuidFrom(`reminder\u0000${due.kind}\u0000${due.orgUnit}\u0000${due.period}`);
      try {
        await handleCommand(store, reminderDecider, reminderStreamId(id), { type: 'RecordReminder', ...due, county: county.code }, context);
        result.recorded += 1;
      } catch (error) {
        if (!(error instanceof ConflictError && error.code === 'reminder-recorded')) throw error;
        result.already += 1;
      }
    }
  }
  return result;
}
