import type { Decider } from '../shared/decider.js';
import { ConflictError, ValidationError } from '../shared/domain-errors.js';
import { assertPeriod, periodOf } from '../shared/period.js';

/** One stream per county and period: the county's approval of its situation picture. */
export const countyApprovalStreamId = (county: string, period: string) => `county-approval-${county}-${period}`;

export interface ApproveCountyPeriod {
  type: 'ApproveCountyPeriod';
  county: string;
  period: string;
  note?: string;
  /** Now, as the caller's clock says. */
  approvedAt: string;
}

export interface ReopenCountyPeriod {
  type: 'ReopenCountyPeriod';
  county: string;
  period: string;
  reason: string;
}

export type CountyApprovalCommand = ApproveCountyPeriod | ReopenCountyPeriod;

export type CountyApprovalEvent =
  | { type: 'CountyPeriodApproved'; data: { county: string; period: string; note?: string } }
  | { type: 'CountyPeriodReopened'; data: { county: string; period: string; reason: string } };

export interface CountyApprovalState {
  approved: boolean;
}

export const countyApprovalDecider: Decider<CountyApprovalCommand, CountyApprovalEvent, CountyApprovalState> = {
  initialState: () => ({ approved: false }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'CountyPeriodApproved':
        return { approved: true };
      case 'CountyPeriodReopened':
        return { approved: false };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decide: (command, state) => {
    assertPeriod(command.period);
    switch (command.type) {
      case 'ApproveCountyPeriod': {
        if (state.approved) throw new ConflictError('period-already-approved', `${command.period} is already approved.`);
        if (command.period > periodOf(new Date(command.approvedAt))) {
          throw new ValidationError('A period in the future cannot be approved', [{ path: 'period', message: 'is in the future' }]);
        }
        const note = command.note?.trim();
        return [{ type: 'CountyPeriodApproved', data: { county: command.county, period: command.period, ...(note ? { note } : {}) } }];
      }
      case 'ReopenCountyPeriod': {
        if (command.reason.trim() === '') {
          throw new ValidationError('Reopening needs a reason', [{ path: 'reason', message: 'must say why the period is reopened' }]);
        }
        if (!state.approved) throw new ConflictError('period-not-approved', `${command.period} is not approved, so it cannot be reopened.`);
        return [{ type: 'CountyPeriodReopened', data: { county: command.county, period: command.period, reason: command.reason.trim() } }];
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  },
};
