import {
  ConflictError,
  type MailEvent,
  type NotificationKind,
  type NotificationSettingsEvent,
  mailDecider,
  mailStreamId,
} from '@lagesbild/domain';
import { type CommandContext, type EventStore, WrongExpectedRevisionError, eventsOf, handleCommand, readEvents, uuidFrom } from '@lagesbild/event-store';
import { mailOf } from './mail-text.js';
import type { MailTransport } from './mail-transport.js';
import { systemContext } from './system-actor.js';

/** A notification as the outbox mails it (the notifications view's row). */
export interface Notification {
  id: string;
  kind: NotificationKind;
  orgUnit: string;
  period?: string;
  message: string;
  position: string;
}

export interface MailOutboxOptions {
  store: EventStore;
  transport: MailTransport;
  from: string;
  /** The web app's address, for the link in each mail. */
  appUrl: string;
  /** The notifications of an org's users with a role, after a position (from the views at their head). */
  notificationsFor(recipient: { org: string; role: string }, after: bigint): Promise<Notification[]>;
  now?: () => number;
}

interface Subscriber {
  email: string;
  org: string;
  roles: string[];
  kinds?: NotificationKind[];
  /** Notifications after this position are mailed: none from before the address was given. */
  after: bigint;
  /** Per role, the position through which every notification is mailed: a pass starts after it, so its work does not grow with history. */
  through: Map<string, bigint>;
}

export interface OutboxPassResult {
  sent: number;
  failed: number;
}

const isSettings = eventsOf<NotificationSettingsEvent>('NotificationSettingsChanged');
/** A failed mail is tried again after 2^n seconds (n failures so far), at most an hour. */
const backoffMs = (failures: number) => Math.min(2 ** failures * 1000, 3_600_000);
/** An attempt claimed this long ago and never settled is taken to have died with its sender. */
const STALE_ATTEMPT_MS = 10 * 60 * 1000;

/**
 * Sends each notification by e-mail to every user of its org and role who gave an address:
 * once — each mail is recorded (queued, retried, sent, failed) in a stream of its own whose id
 * follows from the notification and the address, and each attempt is claimed at the revision
 * its sender read. A failed send is tried again from that record, with a growing pause; it
 * never holds up a request (the api runs the outbox on a timer).
 */
export class MailOutbox {
  private readonly subscribers = new Map<string, Subscriber>();
  private settingsRead = 0n;
  private readonly context: CommandContext = systemContext('e-post');

  constructor(private readonly options: MailOutboxOptions) {}

  async pass(): Promise<OutboxPassResult> {
    await this.readSettings();
    const result: OutboxPassResult = { sent: 0, failed: 0 };
    for (const subscriber of this.subscribers.values()) {
      for (const role of subscriber.roles) {
        let firstOpen: bigint | undefined;
        let last: bigint | undefined;
        for (const notification of await this.options.notificationsFor({ org: subscriber.org, role }, subscriber.through.get(role) ?? subscriber.after)) {
          const wanted = !subscriber.kinds || subscriber.kinds.includes(notification.kind);
          const outcome = wanted ? await this.deliver(notification, subscriber.email) : 'done';
          if (outcome === 'sent') result.sent += 1;
          if (outcome === 'failed') result.failed += 1;
          last = BigInt(notification.position);
          if (outcome !== 'sent' && outcome !== 'done') firstOpen ??= last;
        }
        const through = firstOpen !== undefined ? firstOpen - 1n : last;
        if (through !== undefined) subscriber.through.set(role, through);
      }
    }
    return result;
  }

  /** Each user's latest settings, read from where the last pass stopped. */
  private async readSettings(): Promise<void> {
    const select = [{ types: ['NotificationSettingsChanged'], streams: { from: 'notification-settings-', to: 'notification-settings-\uffff' } }];
    for await (const event of this.options.store.readAll({ fromPosition: this.settingsRead, select })) {
      this.settingsRead = event.position;
      if (!isSettings(event)) continue;
      const { user, email, kinds } = event.data;
      const known = this.subscribers.get(user.id);
      if (!email) this.subscribers.delete(user.id);
      else {
        // Another address starts afresh (its mails are others); the same one goes on where it was.
        const through = known?.email === email ? known.through : new Map<string, bigint>();
        this.subscribers.set(user.id, { email, org: user.org, roles: user.roles, ...(kinds ? { kinds } : {}), after: known?.after ?? event.position, through });
      }
    }
  }

  /** Queues, claims and sends one mail: `done` when it was sent before, `waiting` while under way elsewhere or in its pause. */
  private async deliver(notification: Notification, to: string): Promise<'sent' | 'failed' | 'done' | 'waiting'> {
    const mailId = uuidFrom(`mail\u0000${notification.id}\u0000${to}`);
    const stream = mailStreamId(mailId);
    const mail = mailOf(notification, this.options.appUrl);
    if (!(await this.claim(stream, { type: 'QueueMail', mailId, notificationId: notification.id, to, subject: mail.subject }))) {
      const history = await readEvents<MailEvent>(this.options.store, stream);
      const last = history[history.length - 1]!;
      const since = (this.options.now?.() ?? Date.now()) - Date.parse(last.recordedAt);
      const failures = history.filter((e) => e.type === 'MailFailed').length;
      if (last.type === 'MailSent') return 'done';
      if (last.type === 'MailFailed' && since < backoffMs(failures)) return 'waiting';
      if (last.type !== 'MailFailed' && since < STALE_ATTEMPT_MS) return 'waiting';
      if (!(await this.claim(stream, { type: 'RetryMail', stale: last.type !== 'MailFailed' }, last.revision))) return 'waiting';
    }
    try {
      const { messageId } = await this.options.transport.send({ from: this.options.from, to, ...mail });
      await handleCommand(this.options.store, mailDecider, stream, { type: 'RecordMailSent', messageId }, this.context);
      return 'sent';
    } catch (error) {
      await handleCommand(this.options.store, mailDecider, stream, { type: 'RecordMailFailed', error: error instanceof Error ? error.message : String(error) }, this.context);
      return 'failed';
    }
  }

  /** True when this process recorded the attempt; false when it was queued, under way or claimed elsewhere. */
  private async claim(stream: string, command: Parameters<typeof mailDecider.decide>[0], revision?: number): Promise<boolean> {
    try {
      await handleCommand(this.options.store, mailDecider, stream, command, { ...this.context, ...(revision !== undefined ? { expectedRevision: revision } : {}) });
      return true;
    } catch (error) {
      if (error instanceof ConflictError || error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
