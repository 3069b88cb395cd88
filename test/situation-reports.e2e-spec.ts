import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

/** A period that has passed, whatever today is: two months back. */
function pastPeriod(monthsBack = 2): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - monthsBack);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const report = {
  templateVersion: 1,
  answers: [
    { item: 'social-risk.level', value: 2, trend: 'rising', comment: 'Oro kring centrum', sources: ['school'] },
    { item: 'social-risk.fires-vandalism', value: 4 },
    { item: 'andt.doping', value: false },
  ],
  sources: ['school', 'municipal-police'],
  summary: 'Lugnt men oro i centrum.',
  supportNeeded: { needed: true, description: 'Stöd kring ungdomsgrupper' },
};

describe('situation reports over HTTP', () => {
  let t: TestApp;
  let reporter: { Authorization: string };
  let analyst: { Authorization: string };
  const period = pastPeriod(0); // this month: not yet due, so on time
  const path = `/api/v1/org-units/2085/reports/${period}`;

  beforeAll(async () => {
    t = await startTestApp();
    reporter = await t.as('municipal_reporter', '2085', 'Kim Kommun');
    analyst = await t.as('county_analyst', '20', 'Li Län');
  });
  afterAll(() => t.close());

  const head = () => t.store.headPosition();

  it('refuses a request without a token (401) and one out of scope (403), writing nothing', async () => {
    const before = await head();
    const none = await request(t.http).put(path).send(report).expect(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    await request(t.http).put(path).set('Authorization', 'Bearer not-a-token').send(report).expect(401);
    const other = await t.as('municipal_reporter', '2080');
    const forbidden = await request(t.http).put(path).set(other).send(report).expect(403);
    expect(forbidden.body.detail).toMatch(/2085/);
    await request(t.http).put(path).set(analyst).send(report).expect(403);
    expect(await head()).toBe(before);
  });

  it('answers bad input with 400 naming each field, and writes nothing', async () => {
    const before = await head();
    const bad = await request(t.http)
      .put(path)
      .set(reporter)
      .send({ ...report, answers: [{ item: 'social-risk.level', value: 7 }, { item: 'no-such', value: 1 }], unexpected: true })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['unexpected']);
    const rules = await request(t.http)
      .put(path)
      .set(reporter)
      .send({ ...report, answers: [{ item: 'social-risk.level', value: 7 }, { item: 'no-such', value: 1 }] })
      .expect(400);
    expect(rules.body.errors.map((e: { path: string }) => e.path)).toEqual(['answers.0.value', 'answers.1.item']);
    const types = await request(t.http).put(path).set(reporter).send({ answers: 'many' }).expect(400);
    expect(types.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['templateVersion', 'answers']));
    await request(t.http).put('/api/v1/org-units/2085/reports/2018-13').set(reporter).send(report).expect(400);
    const future = await request(t.http).put(`/api/v1/org-units/2085/reports/${pastPeriod(-2)}`).set(reporter).send(report).expect(400);
    expect(future.body.errors[0].path).toBe('period');
    await request(t.http).put(`/api/v1/org-units/9999/reports/${period}`).set(reporter).send(report).expect(404);
    const version = await request(t.http).put(path).set(reporter).send({ ...report, templateVersion: 9 }).expect(400);
    expect(version.body.errors[0].path).toBe('templateVersion');
    const json = await request(t.http).put(path).set(reporter).set('Content-Type', 'application/json').send('{"answers": [').expect(400);
    expect(json.headers['content-type']).toMatch(/problem\+json/);
    expect(await head()).toBe(before);
  });

  it('records a submission: 201 with {id, revision, position} and an ETag; a second one is 409', async () => {
    const res = await request(t.http).put(path).set(reporter).send(report).expect(201);
    const [recorded] = await t.store.readStream(`situation-report-2085-${period}`);
    expect(res.body).toEqual({ id: `situation-report-2085-${period}`, revision: 0, position: recorded!.position.toString() });
    // The report's support need opened a support request right after it.
    expect(await head()).toBe(recorded!.position + 1n);
    expect(res.headers.etag).toBe('"0"');
    const again = await request(t.http).put(path).set(reporter).send(report).expect(409);
    expect(again.body.type).toMatch(/report-already-submitted/);
  });

  it('shows the report with its revisions, who and when', async () => {
    const res = await request(t.http).get(path).set(reporter).expect(200);
    expect(res.body).toMatchObject({ orgUnit: '2085', period, templateVersion: 1, late: false, revision: 0 });
    expect(res.body.answers).toHaveLength(3);
    expect(res.body.revisions[0]).toMatchObject({ type: 'submitted', by: { id: 'municipal_reporter-2085', name: 'Kim Kommun' } });
    expect(res.body.meta.position).toBe((await head()).toString());
    await request(t.http).get(path).set(analyst).expect(200);
    await request(t.http).get(path).set(await t.as('municipal_reporter', '2080')).expect(403);
  });

  it('amends with a reason, checks If-Match (412) and keeps the earlier answer as of before', async () => {
    const before = await request(t.http).get(path).set(reporter).expect(200);
    const noReason = await request(t.http).post(`${path}/amendments`).set(reporter).send({ answers: [{ item: 'social-risk.level', value: 3 }] }).expect(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const stale = await request(t.http)
      .post(`${path}/amendments`)
      .set(reporter)
      .set('If-Match', '"5"')
      .send({ answers: [{ item: 'social-risk.level', value: 3 }], reason: 'Fler händelser' })
      .expect(412);
    expect(stale.headers['content-type']).toMatch(/problem\+json/);
    const amended = await request(t.http)
      .post(`${path}/amendments`)
      .set(reporter)
      .set('If-Match', '"0"')
      .send({ answers: [{ item: 'social-risk.level', value: 3 }], reason: 'Fler händelser' })
      .expect(200);
    expect(amended.body.revision).toBe(1);
    expect(amended.headers.etag).toBe('"1"');

    const now = await request(t.http).get(path).set(reporter).expect(200);
    expect(now.body.answers.find((a: { item: string }) => a.item === 'social-risk.level').value).toBe(3);
    expect(now.body.revisions[1]).toMatchObject({ type: 'amended', reason: 'Fler händelser' });
    const then = await request(t.http).get(`${path}?asOfPosition=${before.body.meta.position}`).set(reporter).expect(200);
    expect(then.body.answers.find((a: { item: string }) => a.item === 'social-risk.level').value).toBe(2);
    expect(then.body.meta.position).toBe(before.body.meta.position);
    await request(t.http).get(`${path}?asOf=1999-01-01T00:00:00Z`).set(reporter).expect(404);
    const badAsOf = await request(t.http).get(`${path}?asOf=yesterday`).set(reporter).expect(400);
    expect(badAsOf.body.errors[0].path).toBe('asOf');
  });

  it('answers a retry with the same Idempotency-Key with the first answer, and 422 for another body', async () => {
    const otherPath = `/api/v1/org-units/2085/reports/${pastPeriod(3)}`;
    const first = await request(t.http).put(otherPath).set(reporter).set('Idempotency-Key', 'k-1').send(report).expect(201);
    const headAfterFirst = await head();
    const retry = await request(t.http).put(otherPath).set(reporter).set('Idempotency-Key', 'k-1').send(report).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await head()).toBe(headAfterFirst);
    const different = await request(t.http)
      .put(otherPath)
      .set(reporter)
      .set('Idempotency-Key', 'k-1')
      .send({ ...report, summary: 'Annat' })
      .expect(422);
    expect(different.headers['content-type']).toMatch(/problem\+json/);
    await request(t.http).put(otherPath).set(reporter).set('Idempotency-Key', 'x'.repeat(201)).send(report).expect(400);
    expect(await head()).toBe(headAfterFirst);
  });

  it('locks the period while the county has approved it, until it is reopened', async () => {
    await request(t.http).post(`/api/v1/org-units/20/approvals/${period}`).set(reporter).send({}).expect(403);
    await request(t.http).post(`/api/v1/org-units/21/approvals/${period}`).set(analyst).send({}).expect(403);
    const approved = await request(t.http).post(`/api/v1/org-units/20/approvals/${period}`).set(analyst).send({ note: 'Klar' }).expect(201);
    expect(approved.body.id).toBe(`county-approval-20-${period}`);
    await request(t.http).post(`/api/v1/org-units/20/approvals/${period}`).set(analyst).send({}).expect(409);

    const locked = await request(t.http)
      .post(`${path}/amendments`)
      .set(reporter)
      .send({ answers: [{ item: 'social-risk.level', value: 4 }], reason: 'Sen uppgift' })
      .expect(409);
    expect(locked.body.detail).toMatch(/approved/);

    await request(t.http).post(`/api/v1/org-units/20/approvals/${period}/reopening`).set(analyst).send({}).expect(400);
    await request(t.http).post(`/api/v1/org-units/20/approvals/${period}/reopening`).set(analyst).send({ reason: 'Ludvika kompletterar' }).expect(200);
    await request(t.http)
      .post(`${path}/amendments`)
      .set(reporter)
      .send({ answers: [{ item: 'social-risk.level', value: 4 }], reason: 'Sen uppgift' })
      .expect(200);
  });

  it('marks a report late after the county’s deadline day', async () => {
    const settings = await request(t.http).put('/api/v1/org-units/20/settings').set(analyst).send({ deadlineDay: 1 }).expect(200);
    expect(settings.headers.etag).toBe('"0"');
    await request(t.http).put('/api/v1/org-units/20/settings').set(analyst).send({ deadlineDay: 31 }).expect(400);
    const latePath = `/api/v1/org-units/2085/reports/${pastPeriod(4)}`;
    await request(t.http).put(latePath).set(reporter).send(report).expect(201);
    const res = await request(t.http).get(latePath).set(reporter).expect(200);
    expect(res.body.late).toBe(true);
  });

  it('lets a city district report for itself, within its municipality', async () => {
    const stockholm = await t.as('municipal_reporter', '0180');
    await request(t.http).put(`/api/v1/org-units/0180-01/reports/${period}`).set(stockholm).send(report).expect(201);
    await request(t.http).put(`/api/v1/org-units/0180-01/reports/${pastPeriod(3)}`).set(reporter).send(report).expect(403);
  });
});
