import type { Decider } from '../shared/decider.js';
import { Problems } from '../shared/rules.js';

/** What a user wants by e-mail: the address (none: no mail) and, if given, only these kinds. */
export const notificationSettingsStreamId = (userId: string) => `notification-settings-${userId}`;

export const NOTIFICATION_KINDS = ['report-due', 'report-missing', 'feedback', 'support-request', 'support-request-answered', 'follow-up', 'period-reopened'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface ChangeNotificationSettings {
  type: 'ChangeNotificationSettings';
  /** Who, as the token says: mail goes to the users of an org and a role. */
  user: { id: string; name: string; org: string; roles: string[] };
  email?: string;
  kinds?: string[];
}

export type NotificationSettingsEvent = {
  type: 'NotificationSettingsChanged';
  data: { user: ChangeNotificationSettings['user']; email?: string; kinds?: NotificationKind[] };
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const notificationSettingsDecider: Decider<ChangeNotificationSettings, NotificationSettingsEvent, null> = {
  initialState: () => null,
  evolve: () => null,
  decide: (command) => {
    const { user, email, kinds } = command;
    const problems = new Problems().check(email === undefined || (EMAIL.test(email) && email.length <= 300), 'email', 'must be an e-mail address');
    (kinds ?? []).forEach((kind, i) => problems.check((NOTIFICATION_KINDS as readonly string[]).includes(kind), `kinds.${i}`, `must be one of ${NOTIFICATION_KINDS.join(', ')}`));
    problems.throwIfAny('Bad notification settings');
    return [{ type: 'NotificationSettingsChanged', data: { user, ...(email ? { email } : {}), ...(kinds ? { kinds: kinds as NotificationKind[] } : {}) } }];
  },
};
