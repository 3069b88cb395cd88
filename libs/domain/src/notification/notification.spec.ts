import { describe, expect, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { notificationSettingsDecider } from './notification-settings.decider.js';
import { mailDecider } from './mail.decider.js';
import { reminderDecider } from './reminder.decider.js';
import { remindersDue } from './reminders.js';

const units = ['2080', '2085'];
const reported = (orgUnit: string) => orgUnit === '2080';

describe('reminders', () => {
  // October's reports are due by the end of 10 November, Swedish time: 2026-11-10T23:00:00Z.
  it('are not due a week before the deadline', () => {
    expect(remindersDue(new Date('2026-11-03T12:00:00Z'), 10, units, reported)).toEqual([]);
  });

  it('remind the units that have not reported in the three days before it', () => {
    expect(remindersDue(new Date('2026-11-08T12:00:00Z'), 10, units, reported)).toEqual([{ kind: 'report-due', orgUnit: '2085', period: '2026-10', deadline: '2026-11-10T23:00:00.000Z' }]);
  });

  it('say a report is missing once the deadline has passed', () => {
    expect(remindersDue(new Date('2026-11-10T23:00:00Z'), 10, units, reported)).toEqual([{ kind: 'report-missing', orgUnit: '2085', period: '2026-10', deadline: '2026-11-10T23:00:00.000Z' }]);
    expect(remindersDue(new Date('2026-11-30T08:00:00Z'), 10, units, () => true)).toEqual([]);
  });

  it('follow the county’s deadline day and the year’s turn', () => {
    expect(remindersDue(new Date('2027-01-23T12:00:00Z'), 25, ['2085'], () => false)).toEqual([{ kind: 'report-due', orgUnit: '2085', period: '2026-12', deadline: '2027-01-25T23:00:00.000Z' }]);
  });

  it('are recorded once each', () => {
    const record = { type: 'RecordReminder' as const, kind: 'report-due' as const, orgUnit: '2085', county: '20', period: '2026-10', deadline: '2026-11-10T23:00:00.000Z' };
    const { type: _type, ...data } = record;
    specFor(reminderDecider)().when(record).then([{ type: 'ReminderRecorded', data }]);
    specFor(reminderDecider)([{ type: 'ReminderRecorded', data }]).when(record).thenThrows('reminder-recorded');
  });
});

describe('notification settings', () => {
  const user = { id: 'u-1', name: 'Kim Kommun', org: '2085', roles: ['municipal_reporter'] };
  it('take an address and the kinds wanted by e-mail, each checked', () => {
    specFor(notificationSettingsDecider)().when({ type: 'ChangeNotificationSettings', user, email: 'kim@ludvika.se', kinds: ['feedback'] }).then([
      { type: 'NotificationSettingsChanged', data: { user, email: 'kim@ludvika.se', kinds: ['feedback'] } },
    ]);
    specFor(notificationSettingsDecider)().when({ type: 'ChangeNotificationSettings', user, email: 'kim', kinds: ['gossip'] }).thenThrows('validation-failed', ['email', 'kinds.0']);
  });
});

describe('mail', () => {
  const mail = specFor(mailDecider);
  const queue = { type: 'QueueMail' as const, mailId: 'm-1', notificationId: 'n-1', to: 'kim@ludvika.se', subject: 'Påminnelse' };
  const queued = { type: 'MailQueued' as const, data: { mailId: 'm-1', notificationId: 'n-1', to: 'kim@ludvika.se', subject: 'Påminnelse' } };
  const failed = { type: 'MailFailed' as const, data: { mailId: 'm-1', error: 'ECONNREFUSED' } };
  const sent = { type: 'MailSent' as const, data: { mailId: 'm-1', messageId: '<1@x>' } };

  it('is queued once — which claims its first attempt — and sent once', () => {
    mail().when(queue).then([queued]);
    mail([queued]).when(queue).thenThrows('mail-queued');
    mail([queued]).when({ type: 'RecordMailSent', messageId: '<1@x>' }).then([sent]);
    mail([queued, sent]).when({ type: 'RecordMailSent', messageId: '<2@x>' }).thenThrows('mail-sent');
    mail([queued, sent]).when({ type: 'RetryMail', stale: true }).thenThrows('mail-sent');
    mail().when({ type: 'RecordMailSent', messageId: '<1@x>' }).thenThrows('mail-not-found');
  });

  it('is tried again after a failure, or when an attempt never settled, but not while one is under way', () => {
    mail([queued]).when({ type: 'RecordMailFailed', error: 'ECONNREFUSED' }).then([failed]);
    mail([queued, failed]).when({ type: 'RetryMail', stale: false }).then([{ type: 'MailRetried', data: { mailId: 'm-1', attempt: 2 } }]);
    mail([queued]).when({ type: 'RetryMail', stale: false }).thenThrows('mail-sending');
    mail([queued]).when({ type: 'RetryMail', stale: true }).then([{ type: 'MailRetried', data: { mailId: 'm-1', attempt: 2 } }]);
  });
});
