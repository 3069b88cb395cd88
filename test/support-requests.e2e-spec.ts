import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const thisMonth = () => new Date().toISOString().slice(0, 7);
const report = (supportNeeded?: { needed: boolean; description?: string }) => ({
  templateVersion: 1,
  answers: [{ item: 'social-risk.level', value: 2 }],
  sources: ['school'],
  ...(supportNeeded ? { supportNeeded } : {}),
});

describe('support requests over HTTP', () => {
  let t: TestApp;
  let ludvika: { Authorization: string };
  let falun: { Authorization: string };
  let analyst: { Authorization: string };
  let worker: { Authorization: string };
  let fromReport: string;
  let direct: string;

  beforeAll(async () => {
    t = await startTestApp();
    ludvika = await t.as('municipal_reporter', '2085', 'Kim Kommun');
    falun = await t.as('municipal_reporter', '2080', 'Fia Falun');
    analyst = await t.as('county_analyst', '20', 'Li Län');
    worker = await t.as('support_worker', '20', 'Sam Stöd');
  });
  afterAll(() => t.close());

  const inbox = (who: { Authorization: string }, code: string, query = '', position?: string) =>
    request(t.http).get(`/api/v1/org-units/${code}/support-requests?${query}${position ? `&minPosition=${position}` : ''}`).set(who);

  it('opens one from a report that needs support, once, however often the submit is retried', async () => {
    const path = `/api/v1/org-units/2085/reports/${thisMonth()}`;
    const need = { needed: true, description: 'Stöd kring oro på en skola' };
    const first = await request(t.http).put(path).set(ludvika).set('Idempotency-Key', 'submit-1').send(report(need)).expect(201);
    await request(t.http).put(path).set(ludvika).set('Idempotency-Key', 'submit-1').send(report(need)).expect(201);
    const head = (await t.store.headPosition()).toString();
    const county = await inbox(analyst, '20', '', head).expect(200);
    expect(county.body.items).toHaveLength(1);
    expect(county.body.items[0]).toMatchObject({ orgUnit: '2085', county: '20', description: 'Stöd kring oro på en skola', status: 'open', source: { report: { period: thisMonth() } } });
    expect(county.body.meta.position).toBe(head);
    expect(BigInt(head)).toBe(BigInt(first.body.position) + 1n);
    fromReport = county.body.items[0].id;
  });

  it('opens one asked for directly; a report without a need opens none', async () => {
    await request(t.http).put(`/api/v1/org-units/2080/reports/${thisMonth()}`).set(falun).send(report({ needed: false })).expect(201);
    const opened = await request(t.http).post('/api/v1/support-requests').set(falun).send({ municipality: '2080', description: 'Utbildning om våldsbejakande extremism' }).expect(201);
    direct = opened.body.id;
    expect(opened.headers.etag).toBe('"0"');
    const mine = await inbox(falun, '2080', '', opened.body.position).expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([direct]);
  });

  it('is answered by the county: acknowledged with a reply, resolved with what answered it, and the municipality sees each step', async () => {
    const ack = await request(t.http).post(`/api/v1/support-requests/${fromReport}/acknowledgement`).set(worker).send({ reply: 'Vi hör av oss i veckan' }).expect(200);
    await request(t.http).post(`/api/v1/support-requests/${fromReport}/acknowledgement`).set(analyst).send({ reply: 'igen' }).expect(409);
    const caseId = '0193e8f0-0000-7000-8000-000000000001';
    const done = await request(t.http).post(`/api/v1/support-requests/${fromReport}/resolution`).set(analyst).send({ outcome: 'Samtal med skolan genomfört', supportCaseId: caseId }).expect(200);
    expect(BigInt(done.body.position)).toBeGreaterThan(BigInt(ack.body.position));
    const seen = await inbox(ludvika, '2085', '', done.body.position).expect(200);
    expect(seen.body.items[0]).toMatchObject({
      id: fromReport,
      status: 'resolved',
      acknowledgement: { reply: 'Vi hör av oss i veckan' },
      resolution: { outcome: 'Samtal med skolan genomfört', supportCaseId: caseId },
    });
    await request(t.http).post(`/api/v1/support-requests/${fromReport}/decline`).set(analyst).send({ reason: 'för sent' }).expect(409);
    const declined = await request(t.http).post(`/api/v1/support-requests/${direct}/decline`).set(analyst).send({ reason: 'Hänvisas till polisen' }).expect(200);
    const falunSees = await inbox(falun, '2080', '', declined.body.position).expect(200);
    expect(falunSees.body.items[0]).toMatchObject({ status: 'declined', decline: { reason: 'Hänvisas till polisen' } });
  });

  it('filters the county inbox by status and municipality, and answers as of a moment', async () => {
    const head = (await t.store.headPosition()).toString();
    expect((await inbox(analyst, '20', 'status=declined', head).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([direct]);
    expect((await inbox(worker, '20', 'municipality=2085', head).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([fromReport]);
    const before = await request(t.http).get(`/api/v1/org-units/20/support-requests?asOfPosition=${BigInt(head) - 2n}`).set(analyst).expect(200);
    expect(before.body.items.find((r: { id: string }) => r.id === fromReport).status).toBe('acknowledged');
  });

  it('says 400 naming the field and writes nothing, 401 without a token, 403 out of scope, 404 for no such request', async () => {
    const before = await t.store.headPosition();
    const bad = await request(t.http).post('/api/v1/support-requests').set(ludvika).send({ municipality: '2085', description: '', extra: 1 }).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['description', 'extra']);
    const badFilter = await inbox(analyst, '20', 'status=lost&municipality=0180').expect(400);
    expect(badFilter.body.errors.map((e: { path: string }) => e.path)).toEqual(['status', 'municipality']);
    await request(t.http).post(`/api/v1/support-requests/${direct}/resolution`).set(analyst).send({ outcome: 'x', supportCaseId: 'not-a-uuid' }).expect(400);
    await request(t.http).post('/api/v1/support-requests').send({ municipality: '2085', description: 'x' }).expect(401);
    await request(t.http).post('/api/v1/support-requests').set(falun).send({ municipality: '2085', description: 'Falun för Ludvika' }).expect(403);
    await inbox(falun, '2085').expect(403);
    await inbox(ludvika, '20').expect(403);
    await inbox(await t.as('county_analyst', '21'), '20').expect(403);
    await request(t.http).post(`/api/v1/support-requests/${fromReport}/acknowledgement`).set(ludvika).send({ reply: 'själv' }).expect(403);
    await request(t.http).post(`/api/v1/support-requests/${fromReport}/acknowledgement`).set(await t.as('support_worker', '21')).send({ reply: 'fel län' }).expect(403);
    await request(t.http).post('/api/v1/support-requests/0193e8f0-0000-7000-8000-00000000dead/acknowledgement').set(analyst).send({ reply: 'x' }).expect(404);
    expect(await t.store.headPosition()).toBe(before);
  });
});
