import type { Decider } from '../shared/decider.js';
import { ConflictError } from '../shared/domain-errors.js';
import type { ReminderKind } from './reminders.js';

/** Each reminder is recorded once: its stream's id follows from its kind, unit and period. */
export const reminderStreamId = (id: string) => `reminder-${id}`;

export interface RecordReminder {
  type: 'RecordReminder';
  kind: ReminderKind;
  orgUnit: string;
  county: string;
  period: string;
  deadline: string;
}

export type ReminderEvent = { type: 'ReminderRecorded'; data: Omit<RecordReminder, 'type'> };

export const reminderDecider: Decider<RecordReminder, ReminderEvent, { recorded: boolean }> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (command, state) => {
    if (state.recorded) throw new ConflictError('reminder-recorded', `The ${command.kind} reminder for ${command.orgUnit} ${command.period} is already recorded.`);
    const { type: _type, ...data } = command;
    return [{ type: 'ReminderRecorded', data }];
  },
};
