import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { monthNameOf } from '@lagesbild/domain';
import { NotificationScheduler } from '../apps/api/src/notifications/notification-scheduler.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const period = new Date().toISOString().slice(0, 7);
/** Two days before next month's deadline (the 10th): October's reports are due, for instance, on 9 November. */
const dueMoment = () => {
  const d = new Date(`${period}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(9);
  return d;
};

describe('notifications, reminders and mail', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let scheduler: NotificationScheduler;
  let kim: { Authorization: string };
  let analyst: { Authorization: string };
  let requestId: string;
  const mailsTo = (address: string) => smtp.received.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === address);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, SMTP_FROM: 'lagesbild@lansstyrelsen.se', APP_URL: 'https://lagesbild.example.se', MAIL_INTERVAL_SECONDS: '3600' });
    scheduler = t.app.get(NotificationScheduler);
    kim = await t.as('municipal_reporter', '2085', 'Kim Kommun');
    analyst = await t.as('county_analyst', '20', 'Li Län');
    await request(t.http).put('/api/v1/me/notification-settings').set(kim).send({ email: 'kim@ludvika.se' }).expect(200);
    await request(t.http).put('/api/v1/me/notification-settings').set(analyst).send({ email: 'li@lansstyrelsen.se', kinds: ['support-request', 'report-missing'] }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('tells the county of a support request, in the feed and by e-mail in Swedish with a link, once', async () => {
    const sent = await request(t.http)
      .put(`/api/v1/org-units/2085/reports/${period}`)
      .set(kim)
      .send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 3 }], sources: [], supportNeeded: { needed: true, description: 'Stöd kring oro på en skola' } })
      .expect(201);
    const head = (await t.store.headPosition()).toString();
    const feed = await request(t.http).get(`/api/v1/notifications?minPosition=${head}`).set(analyst).expect(200);
    expect(feed.body.items).toEqual([{ id: expect.any(String), kind: 'support-request', orgUnit: '2085', message: 'Ludvika begär stöd: Stöd kring oro på en skola', at: expect.any(String), position: head }]);
    expect((await request(t.http).get(`/api/v1/notifications?after=${head}`).set(analyst).expect(200)).body.items).toEqual([]);
    expect(BigInt(head)).toBeGreaterThan(BigInt(sent.body.position));

    expect(await scheduler.mailPass()).toEqual({ sent: 1, failed: 0 });
    expect(await scheduler.mailPass()).toEqual({ sent: 0, failed: 0 });
    const [mail] = mailsTo('li@lansstyrelsen.se');
    expect(mailsTo('li@lansstyrelsen.se')).toHaveLength(1);
    expect(mail!.subject).toBe('Lägesbild: Ny stödbegäran');
    expect(mail!.from?.text).toBe('lagesbild@lansstyrelsen.se');
    expect(mail!.text).toContain('Ludvika begär stöd: Stöd kring oro på en skola');
    expect(mail!.text).toContain('https://lagesbild.example.se/');
    const inbox = await request(t.http).get(`/api/v1/org-units/20/support-requests?minPosition=${head}`).set(analyst).expect(200);
    requestId = inbox.body.items[0].id;
  });

  it("tells the municipality the county's answer; a refused send is tried again after a pause and arrives once", async () => {
    const ack = await request(t.http).post(`/api/v1/support-requests/${requestId}/acknowledgement`).set(analyst).send({ reply: 'Vi ringer er på måndag' }).expect(200);
    const feed = await request(t.http).get(`/api/v1/notifications?minPosition=${ack.body.position}`).set(kim).expect(200);
    expect(feed.body.items.map((n: { kind: string; message: string }) => [n.kind, n.message])).toEqual([
      ['support-request-answered', 'Länsstyrelsen har tagit emot er stödbegäran: Vi ringer er på måndag'],
    ]);
    smtp.refuseNext(1);
    expect(await scheduler.mailPass()).toEqual({ sent: 0, failed: 1 });
    expect(await scheduler.mailPass()).toEqual({ sent: 0, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await scheduler.mailPass()).toEqual({ sent: 1, failed: 0 });
    expect(await scheduler.mailPass()).toEqual({ sent: 0, failed: 0 });
    const mails = mailsTo('kim@ludvika.se');
    expect(mails.map((m) => m.subject)).toEqual(['Lägesbild: Svar på er stödbegäran']);
    const trail = await request(t.http).get('/api/v1/audit?type=MailQueued,MailFailed,MailRetried,MailSent&limit=100').set(await t.as('auditor', 'SE')).expect(200);
    expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual(['MailQueued', 'MailSent', 'MailQueued', 'MailFailed', 'MailRetried', 'MailSent']);
  }, 20_000);

  it('runs the reminder pass: each reminder recorded once however often it runs, in the feed of the units that have not reported', async () => {
    const now = dueMoment();
    const first = await scheduler.reminderPass(now);
    expect(first).toEqual({ recorded: 289, already: 0 });
    expect(await scheduler.reminderPass(now)).toEqual({ recorded: 0, already: 289 });
    const head = (await t.store.headPosition()).toString();
    const falun = await request(t.http).get(`/api/v1/notifications?minPosition=${head}`).set(await t.as('municipal_reporter', '2080')).expect(200);
    expect(falun.body.items).toEqual([expect.objectContaining({ kind: 'report-due', orgUnit: '2080', period, message: expect.stringMatching(new RegExp(`^Påminnelse: lägesbilden för ${monthNameOf(period)} från Falun ska lämnas senast \\d{4}-\\d\\d-10\\.$`)) })]);
    const ludvika = await request(t.http).get(`/api/v1/notifications?minPosition=${head}`).set(kim).expect(200);
    expect(ludvika.body.items.filter((n: { kind: string }) => n.kind === 'report-due')).toEqual([]);
    // Kim gets every kind by mail, Li only the kinds chosen: no reminder mail for the county.
    await scheduler.mailPass();
    expect(mailsTo('li@lansstyrelsen.se')).toHaveLength(1);
  });

  it('checks the settings field by field (400, nothing written), and needs a token', async () => {
    const before = await t.store.headPosition();
    const bad = await request(t.http).put('/api/v1/me/notification-settings').set(kim).send({ email: 'kim', kinds: ['gossip'] }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['email', 'kinds.0']);
    await request(t.http).put('/api/v1/me/notification-settings').set(kim).send({ email: 'kim@ludvika.se', extra: true }).expect(400);
    await request(t.http).get('/api/v1/notifications?after=soon').set(kim).expect(400);
    await request(t.http).get('/api/v1/notifications').expect(401);
    expect(await t.store.headPosition()).toBe(before);
    const settings = await request(t.http).get('/api/v1/me/notification-settings').set(analyst).expect(200);
    expect(settings.body).toMatchObject({ email: 'li@lansstyrelsen.se', kinds: ['support-request', 'report-missing'] });
  });
});
