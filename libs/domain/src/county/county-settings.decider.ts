import type { Decider } from '../shared/decider.js';
import { ValidationError } from '../shared/domain-errors.js';

/** Reports for a month are due by this day of the next month unless a county sets its own. */
export const DEFAULT_DEADLINE_DAY = 10;

export const countySettingsStreamId = (county: string) => `county-settings-${county}`;

export interface SetReportingDeadline {
  type: 'SetReportingDeadline';
  county: string;
  deadlineDay: number;
}

export interface CountyReportingDeadlineSet {
  type: 'CountyReportingDeadlineSet';
  data: { county: string; deadlineDay: number };
}

export interface CountySettingsState {
  deadlineDay: number;
}

export const countySettingsDecider: Decider<SetReportingDeadline, CountyReportingDeadlineSet, CountySettingsState> = {
  initialState: () => ({ deadlineDay: DEFAULT_DEADLINE_DAY }),
  evolve: (_state, event) => ({ deadlineDay: event.data.deadlineDay }),
  decide: (command) => {
    if (!Number.isInteger(command.deadlineDay) || command.deadlineDay < 1 || command.deadlineDay > 28) {
      throw new ValidationError('The deadline day is a day of the month, 1–28', [
        { path: 'deadlineDay', message: 'must be a whole number from 1 to 28' },
      ]);
    }
    return [{ type: 'CountyReportingDeadlineSet', data: { county: command.county, deadlineDay: command.deadlineDay } }];
  },
};
