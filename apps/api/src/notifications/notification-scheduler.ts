import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { MailOutbox, type MailTransport, runReminderPass, smtpTransport } from '@lagesbild/notifications';
import { notificationsFor } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import type { Environment } from '../config/environment.js';
import { ProjectionsService } from '../views/projections.service.js';

/**
 * The parts that run by themselves: the reminder pass every REMINDER_INTERVAL_SECONDS, and,
 * with SMTP_URL and SMTP_FROM, the mail outbox every MAIL_INTERVAL_SECONDS. Each pass runs
 * after the last one has ended; neither ever runs inside a request.
 */
@Injectable()
export class NotificationScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly transport: MailTransport | undefined;
  private readonly outbox: MailOutbox | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    private readonly config: ConfigService<Environment, true>,
    projections: ProjectionsService,
  ) {
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    const from = config.get('SMTP_FROM', { infer: true });
    if (!smtpUrl || !from) return;
    this.transport = smtpTransport(smtpUrl);
    this.outbox = new MailOutbox({
      store,
      transport: this.transport,
      from,
      appUrl: config.get('APP_URL', { infer: true }) ?? `http://localhost:${config.get('PORT', { infer: true })}`,
      notificationsFor: async (recipient, after) => {
        const reader = await projections.readerAt(await store.headPosition());
        return reader ? notificationsFor(reader, recipient, after) : [];
      },
    });
  }

  onApplicationBootstrap(): void {
    const reminders = this.config.get('REMINDER_INTERVAL_SECONDS', { infer: true });
    if (reminders > 0) this.every(reminders, () => this.reminderPass(new Date()));
    if (this.outbox) this.every(this.config.get('MAIL_INTERVAL_SECONDS', { infer: true }), () => this.mailPass());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
    this.transport?.close();
  }

  /** One reminder pass as of `now`; what it recorded goes to the log. */
  async reminderPass(now: Date) {
    const result = await runReminderPass(this.store, this.units, now);
    if (result.recorded > 0) this.logger.log(`reminder pass as of ${now.toISOString()}: ${result.recorded} recorded, ${result.already} already`);
    return result;
  }

  /** One pass of the mail outbox (none without SMTP settings). */
  async mailPass() {
    const result = this.outbox ? await this.outbox.pass() : { sent: 0, failed: 0 };
    if (result.sent + result.failed > 0) this.logger.log(`mail: ${result.sent} sent, ${result.failed} failed (tried again later)`);
    return result;
  }

  private every(seconds: number, pass: () => Promise<unknown>): void {
    const run = () => {
      if (this.stopped) return;
      // One pass at a time; a failure is logged and the next tick tries again.
      this.running = this.running.then(pass).catch((error: unknown) => this.logger.error({ err: error }, 'notification pass failed'));
    };
    this.timers.push(setInterval(run, seconds * 1000));
    setImmediate(run);
  }
}
