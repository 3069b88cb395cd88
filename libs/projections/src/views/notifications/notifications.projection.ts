import type { AssessmentEvent, CountyApprovalEvent, NotificationKind, ReminderEvent, SupportRequestEvent } from '@lagesbild/domain';
import type { RecordedEvent } from '@lagesbild/event-store';
import type { Projection } from '../../projection.js';
import type { ViewReader, ViewWriter } from '../../view-store.port.js';
import { swedishUnits } from '../org-units.js';
import { messages } from './notification-messages.js';

/** One notification as its recipients (the users of an org with a role) see it. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  /** The unit it is about. */
  orgUnit: string;
  period?: string;
  message: string;
  at: string;
  position: string;
}

/** Who gets a notification: every user of this org with this role. */
export interface Recipient {
  org: string;
  role: string;
}

export const NOTIFICATIONS_VIEW = 'notification';
/** A support request's municipality, for the answers (which name only the request). */
const REQUEST_UNITS_VIEW = 'notification-request-unit';

/** Rows kept under `<org>|<role>|<position>`: a recipient's notifications are one key range, in log order. */
const keyOf = (to: Recipient, position: bigint, n: number) => `${to.org}|${to.role}|${position.toString().padStart(20, '0')}|${n}`;

type Handled = AssessmentEvent | CountyApprovalEvent | SupportRequestEvent | ReminderEvent;

export const notificationProjection: Projection<Handled> = {
  name: 'notifications',
  version: 1,
  views: [NOTIFICATIONS_VIEW, REQUEST_UNITS_VIEW],
  handles: ['RegionalAssessmentRecorded', 'RegionalAssessmentAmended', 'CountyPeriodReopened', 'SupportRequestOpened', 'SupportRequestAcknowledged', 'SupportRequestResolved', 'SupportRequestDeclined', 'ReminderRecorded'],
  readsMetadata: false,
  async apply(event: RecordedEvent<Handled>, views: ViewWriter) {
    let n = 0;
    const notify = (to: Recipient[], kind: NotificationKind, orgUnit: string, message: string, period?: string) =>
      Promise.all(
        to.map((recipient) => {
          const row: NotificationRow = { id: `${event.eventId}:${n}`, kind, orgUnit, ...(period ? { period } : {}), message, at: event.recordedAt, position: event.position.toString() };
          return views.put(NOTIFICATIONS_VIEW, keyOf(recipient, event.position, n++), row);
        }),
      );
    const reporters = (orgUnit: string): Recipient => ({ org: orgUnit, role: 'municipal_reporter' });
    switch (event.type) {
      case 'RegionalAssessmentRecorded':
      case 'RegionalAssessmentAmended': {
        const { county, period, feedback } = event.data;
        for (const f of feedback) await notify([reporters(f.orgUnit)], 'feedback', f.orgUnit, messages.feedback(county, period), period);
        return;
      }
      case 'CountyPeriodReopened': {
        const { county, period, reason } = event.data;
        const units = swedishUnits().municipalitiesOf(county).map((m) => reporters(m.code));
        await notify(units, 'period-reopened', county, messages.periodReopened(county, period, reason), period);
        return;
      }
      case 'SupportRequestOpened': {
        const { requestId, orgUnit, county, description } = event.data;
        await views.put(REQUEST_UNITS_VIEW, requestId, orgUnit);
        await notify([{ org: county, role: 'county_analyst' }, { org: county, role: 'support_worker' }], 'support-request', orgUnit, messages.supportRequest(orgUnit, description));
        return;
      }
      case 'SupportRequestAcknowledged':
      case 'SupportRequestResolved':
      case 'SupportRequestDeclined': {
        const orgUnit = await views.get<string>(REQUEST_UNITS_VIEW, event.data.requestId);
        if (orgUnit === undefined) return;
        const [status, text] =
          event.type === 'SupportRequestAcknowledged' ? (['acknowledged', event.data.reply] as const)
          : event.type === 'SupportRequestResolved' ? (['resolved', event.data.outcome] as const)
          : (['declined', event.data.reason] as const);
        await notify([reporters(orgUnit)], 'support-request-answered', orgUnit, messages.supportRequestAnswered(status, text));
        return;
      }
      case 'ReminderRecorded': {
        const { kind, orgUnit, county, period, deadline } = event.data;
        if (kind === 'report-due') await notify([reporters(orgUnit)], kind, orgUnit, messages.reportDue(orgUnit, period, deadline), period);
        else await notify([reporters(orgUnit), { org: county, role: 'county_analyst' }], kind, orgUnit, messages.reportMissing(orgUnit, period), period);
        return;
      }
    }
  },
};

/** A recipient's notifications after a position (exclusive), oldest first. */
export async function notificationsFor(reader: ViewReader, to: Recipient, after = 0n): Promise<NotificationRow[]> {
  const rows = await reader.list<NotificationRow>(NOTIFICATIONS_VIEW, `${to.org}|${to.role}|`);
  return rows.map((r) => r.value).filter((row) => BigInt(row.position) > after);
}
