import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type ApproveCountyPeriod, type CountyApprovalEvent, countyApprovalDecider } from './county-approval.decider.js';
import { countySettingsDecider } from './county-settings.decider.js';

const approval = specFor(countyApprovalDecider);
const approve: ApproveCountyPeriod = { type: 'ApproveCountyPeriod', county: '20', period: '2018-03', approvedAt: '2018-04-15T10:00:00Z' };
const approved: CountyApprovalEvent = { type: 'CountyPeriodApproved', data: { county: '20', period: '2018-03' } };
const reopen = { type: 'ReopenCountyPeriod' as const, county: '20', period: '2018-03', reason: 'Ludvika kompletterar' };

describe('county approval', () => {
  it('approves a period, with its note', () => {
    approval().when({ ...approve, note: ' Klar ' }).then([{ type: 'CountyPeriodApproved', data: { county: '20', period: '2018-03', note: 'Klar' } }]);
  });

  it('refuses to approve twice, or a period in the future', () => {
    approval([approved]).when(approve).thenThrows('period-already-approved');
    approval().when({ ...approve, period: '2018-05' }).thenThrows('validation-failed', ['period']);
  });

  it('reopens an approved period with a reason, and then may approve again', () => {
    approval([approved]).when(reopen).then([{ type: 'CountyPeriodReopened', data: { county: '20', period: '2018-03', reason: 'Ludvika kompletterar' } }]);
    approval([approved, { type: 'CountyPeriodReopened', data: { county: '20', period: '2018-03', reason: 'x' } }]).when(approve).then([approved]);
  });

  it('refuses to reopen without a reason or when not approved', () => {
    approval([approved]).when({ ...reopen, reason: '' }).thenThrows('validation-failed', ['reason']);
    approval().when(reopen).thenThrows('period-not-approved');
  });
});

describe('county settings', () => {
  const settings = specFor(countySettingsDecider);

  it('sets the deadline day', () => {
    settings().when({ type: 'SetReportingDeadline', county: '20', deadlineDay: 15 }).then([
      { type: 'CountyReportingDeadlineSet', data: { county: '20', deadlineDay: 15 } },
    ]);
  });

  it('accepts only days 1–28', () => {
    for (const deadlineDay of [0, 29, 10.5]) {
      settings().when({ type: 'SetReportingDeadline', county: '20', deadlineDay }).thenThrows('validation-failed', ['deadlineDay']);
    }
  });
});
