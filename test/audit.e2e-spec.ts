import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const period = new Date().toISOString().slice(0, 7);

describe('the audit trail over HTTP', () => {
  let t: TestApp;
  let ludvika: { Authorization: string };
  let analyst: { Authorization: string };
  let gavleborg: { Authorization: string };
  let amendedAt: string;

  beforeAll(async () => {
    t = await startTestApp();
    ludvika = await t.as('municipal_reporter', '2085', 'Kim Kommun');
    analyst = await t.as('county_analyst', '20', 'Li Län');
    gavleborg = await t.as('municipal_reporter', '2180');
    await request(t.http).put(`/api/v1/org-units/2085/reports/${period}`).set(ludvika).send({ templateVersion: 1, answers: [{ item: 'andt.level', value: 1 }] }).expect(201);
    amendedAt = (
      await request(t.http)
        .post(`/api/v1/org-units/2085/reports/${period}/amendments`)
        .set(ludvika)
        .set('X-Correlation-Id', 'korr-1')
        .send({ answers: [{ item: 'andt.level', value: 2 }], reason: 'Rättat efter samtal med polisen' })
        .expect(200)
    ).body.position;
    const risk = await request(t.http)
      .post('/api/v1/risks')
      .set(analyst)
      .send({ orgUnit: '2085', area: 'andt', title: 'Langning', description: 'Langning vid skolavslutning', likelihood: 3, consequence: 3 })
      .expect(201);
    await request(t.http).post(`/api/v1/risks/${risk.body.id}/assessments`).set(analyst).send({ likelihood: 4, consequence: 3, rationale: 'Nya uppgifter' }).expect(200);
    await request(t.http).put(`/api/v1/org-units/2180/reports/${period}`).set(gavleborg).send({ templateVersion: 1, answers: [{ item: 'andt.level', value: 0 }] }).expect(201);
  });
  afterAll(() => t.close());

  it('shows an auditor every event with actor, role, organisation, time, reason and correlation', async () => {
    const auditor = await t.as('auditor', 'SE');
    const res = await request(t.http).get('/api/v1/audit').set(auditor).expect(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual([
      'SituationReportSubmitted',
      'SituationReportAmended',
      'RiskIdentified',
      'RiskReassessed',
      'SituationReportSubmitted',
    ]);
    const amendment = res.body.items[1];
    expect(amendment).toMatchObject({
      position: amendedAt,
      streamId: `situation-report-2085-${period}`,
      orgUnit: '2085',
      actor: { id: 'municipal_reporter-2085', name: 'Kim Kommun', roles: ['municipal_reporter'], org: '2085' },
      reason: 'Rättat efter samtal med polisen',
    });
    expect(amendment.correlationId).toBe('korr-1');
    expect(Date.parse(amendment.recordedAt)).not.toBeNaN();
    // A reassessment names no org unit; it belongs where its risk was identified.
    expect(res.body.items[3]).toMatchObject({ type: 'RiskReassessed', orgUnit: '2085' });
    expect(res.body.next).toBeNull();
    expect(res.body.meta.position).toBe(res.body.items[4].position);
  });

  it('keeps a county auditor and analyst to their county', async () => {
    for (const who of [await t.as('auditor', '20'), analyst]) {
      const res = await request(t.http).get('/api/v1/audit').set(who).expect(200);
      expect(res.body.items).toHaveLength(4);
      expect(res.body.items.every((e: { orgUnit: string }) => e.orgUnit.startsWith('20'))).toBe(true);
    }
    await request(t.http).get('/api/v1/audit?orgUnit=21').set(analyst).expect(403);
    await request(t.http).get('/api/v1/audit').set(ludvika).expect(403);
    await request(t.http).get('/api/v1/audit/verification').set(ludvika).expect(403);
  });

  it('filters by actor, stream, type and time, and pages by position', async () => {
    const auditor = await t.as('auditor', 'SE');
    const byActor = await request(t.http).get('/api/v1/audit?actor=county_analyst-20').set(auditor).expect(200);
    expect(byActor.body.items.map((e: { type: string }) => e.type)).toEqual(['RiskIdentified', 'RiskReassessed']);
    const byStream = await request(t.http).get(`/api/v1/audit?stream=situation-report-2085-${period}`).set(auditor).expect(200);
    expect(byStream.body.items).toHaveLength(2);
    const byType = await request(t.http).get('/api/v1/audit?type=SituationReportSubmitted,RiskReassessed').set(auditor).expect(200);
    expect(byType.body.items).toHaveLength(3);
    const future = await request(t.http).get('/api/v1/audit?from=2999-01-01T00:00:00Z').set(auditor).expect(200);
    expect(future.body.items).toEqual([]);
    const past = await request(t.http).get('/api/v1/audit?to=2001-01-01T00:00:00Z').set(auditor).expect(200);
    expect(past.body.items).toEqual([]);

    const first = await request(t.http).get('/api/v1/audit?limit=2').set(auditor).expect(200);
    expect(first.body.items.map((e: { position: string }) => e.position)).toEqual(['1', '2']);
    expect(first.body.next).toBe('2');
    expect(first.headers['x-next-after']).toBe('2');
    const second = await request(t.http).get(`/api/v1/audit?limit=2&after=${first.body.next}`).set(auditor).expect(200);
    expect(second.body.items.map((e: { position: string }) => e.position)).toEqual(['3', '4']);
    const third = await request(t.http).get(`/api/v1/audit?limit=2&after=${second.body.next}`).set(auditor).expect(200);
    expect(third.body.items.map((e: { position: string }) => e.position)).toEqual(['5']);
    expect(third.body.next).toBeNull();
    // As of the amendment: nothing after it.
    const asOf = await request(t.http).get(`/api/v1/audit?asOfPosition=${amendedAt}`).set(auditor).expect(200);
    expect(asOf.body.items).toHaveLength(Number(amendedAt));
  });

  it('exports ndjson and csv', async () => {
    const auditor = await t.as('auditor', 'SE');
    const ndjson = await request(t.http).get('/api/v1/audit?format=ndjson').set(auditor).expect(200);
    expect(ndjson.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = ndjson.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[1].reason).toBe('Rättat efter samtal med polisen');
    const csv = await request(t.http).get('/api/v1/audit?format=csv&type=SituationReportAmended').set(auditor).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'SituationReportAmended', actorName: 'Kim Kommun', actorRoles: 'municipal_reporter', reason: 'Rättat efter samtal med polisen', orgUnit: '2085' });
    expect(JSON.parse(rows[0]!.data!)).toMatchObject({ orgUnit: '2085', reason: 'Rättat efter samtal med polisen' });
  });

  it('refuses bad parameters with 400 naming each', async () => {
    const auditor = await t.as('auditor', 'SE');
    const res = await request(t.http).get('/api/v1/audit?format=xml&limit=0&after=x&from=igår').set(auditor).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['after', 'format', 'from', 'limit']);
  });

  it('verifies the whole log, or the log as it stood at a moment', async () => {
    const auditor = await t.as('auditor', 'SE');
    const res = await request(t.http).get('/api/v1/audit/verification').set(auditor).expect(200);
    expect(res.body).toEqual({ ok: true, checked: 5, meta: { asOf: expect.any(String), position: '5' } });
    const then = await request(t.http).get('/api/v1/audit/verification?asOfPosition=3').set(auditor).expect(200);
    expect(then.body).toMatchObject({ ok: true, checked: 3, meta: { position: '3' } });
    const bad = await request(t.http).get('/api/v1/audit/verification?asOf=garbage').set(auditor).expect(400);
    expect(bad.body.errors[0].path).toBe('asOf');
  });
});
