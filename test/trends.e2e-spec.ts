import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { nextPeriod } from '@lagesbild/domain';
import { type TestApp, startTestApp } from './support/test-app.js';

/** Three months ending last month: reports for them are in the past, so accepted (if late). */
const now = new Date();
const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1)).toISOString().slice(0, 7);
const [p1, p2, p3] = [first, nextPeriod(first), nextPeriod(nextPeriod(first))];
const level = (value: number, trend = 'unchanged') => [
  { item: 'social-risk.level', value, trend },
  { item: 'andt.doping', value: value > 1 },
];

describe('trends and readiness over HTTP', () => {
  let t: TestApp;
  let analyst: { Authorization: string };
  let ludvika: { Authorization: string };
  let borlange: { Authorization: string };
  let beforeAmendment: string;
  let last: string;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.as('county_analyst', '20');
    ludvika = await t.as('municipal_reporter', '2085');
    borlange = await t.as('municipal_reporter', '2081');
    const submit = async (who: { Authorization: string }, code: string, period: string, value: number) =>
      request(t.http).put(`/api/v1/org-units/${code}/reports/${period}`).set(who).send({ templateVersion: 1, answers: level(value) }).expect(201);
    await submit(ludvika, '2085', p1, 1);
    await submit(ludvika, '2085', p2, 3);
    await submit(borlange, '2081', p2, 1);
    beforeAmendment = (await submit(ludvika, '2085', p3, 2)).body.position;
    const amended = await request(t.http)
      .post(`/api/v1/org-units/2085/reports/${p2}/amendments`)
      .set(ludvika)
      .send({ answers: [{ item: 'social-risk.level', value: 4, trend: 'rising' }], reason: 'Ny information från polisen' })
      .expect(200);
    last = amended.body.position;
  });
  afterAll(() => t.close());

  it('gives a municipality its own values, period by period, with gaps as null', async () => {
    const res = await request(t.http).get(`/api/v1/org-units/2085/trends?item=social-risk.level&from=${p1}&to=${p3}&minPosition=${last}`).set(ludvika).expect(200);
    expect(res.body.series).toEqual([
      { period: p1, value: 1, trend: 'unchanged' },
      { period: p2, value: 4, trend: 'rising' },
      { period: p3, value: 2, trend: 'unchanged' },
    ]);
    const borlangeSeries = await request(t.http).get(`/api/v1/org-units/2081/trends?area=social-risk&from=${p1}&to=${p2}`).set(borlange).expect(200);
    expect(borlangeSeries.body).toMatchObject({ item: 'social-risk.level', area: 'social-risk' });
    expect(borlangeSeries.body.series).toEqual([{ period: p1, value: null }, { period: p2, value: 1, trend: 'unchanged' }]);
  });

  it('gives a county the mean and max over its municipalities, each child’s value, and the direction', async () => {
    const res = await request(t.http).get(`/api/v1/org-units/20/trends?item=social-risk.level&from=${p1}&to=${p3}&minPosition=${last}`).set(analyst).expect(200);
    const [a, b, c] = res.body.series;
    expect(a).toMatchObject({ period: p1, value: 1, mean: 1, max: 1, reported: 1, expected: 15, trend: 'unknown' });
    expect(b).toMatchObject({ period: p2, value: 2.5, mean: 2.5, max: 4, reported: 2, trend: 'rising' });
    expect(c).toMatchObject({ period: p3, value: 2, max: 2, reported: 1, trend: 'falling' });
    expect(b.children).toHaveLength(15);
    expect(b.children.find((x: { orgUnit: string }) => x.orgUnit === '2085')).toEqual({ orgUnit: '2085', value: 4, trend: 'rising' });
    expect(b.children.find((x: { orgUnit: string }) => x.orgUnit === '2080')).toEqual({ orgUnit: '2080', value: null });
    // Yes/no items count as 1/0: two of two said yes in p2 → 0.5 after Borlänge's "no".
    const doping = await request(t.http).get(`/api/v1/org-units/20/trends?item=andt.doping&from=${p2}&to=${p2}`).set(analyst).expect(200);
    expect(doping.body.series[0]).toMatchObject({ mean: 0.5, max: 1, reported: 2 });
  });

  it('answers a repeated county question anew once a report changes it, and as it was before', async () => {
    const ask = async (extra = '') =>
      (await request(t.http).get(`/api/v1/org-units/20/trends?item=social-risk.level&from=${p3}&to=${p3}${extra}`).set(analyst).expect(200)).body;
    const before = await ask(`&minPosition=${last}`);
    expect(before.series[0]).toMatchObject({ reported: 1, mean: 2 });
    const falun = await t.as('municipal_reporter', '2080');
    const added = await request(t.http).put(`/api/v1/org-units/2080/reports/${p3}`).set(falun).send({ templateVersion: 1, answers: level(4) }).expect(201);
    const after = await ask(`&minPosition=${added.body.position}`);
    expect(after.series[0]).toMatchObject({ reported: 2, mean: 3, max: 4 });
    expect((await ask(`&asOfPosition=${before.meta.position}`)).series[0]).toMatchObject({ reported: 1, mean: 2 });
  });

  it('answers as of a moment before the amendment with the value then', async () => {
    const res = await request(t.http).get(`/api/v1/org-units/2085/trends?item=social-risk.level&from=${p2}&to=${p2}&asOfPosition=${beforeAmendment}`).set(ludvika).expect(200);
    expect(res.body.series).toEqual([{ period: p2, value: 3, trend: 'unchanged' }]);
    expect(res.body.meta.position).toBe(beforeAmendment);
  });

  it('gives the nation each county’s mean and the national mean over every municipality', async () => {
    const reader = await t.as('national_reader', 'SE');
    const res = await request(t.http).get(`/api/v1/org-units/SE/trends?item=social-risk.level&from=${p2}&to=${p2}`).set(reader).expect(200);
    const [point] = res.body.series;
    expect(point).toMatchObject({ mean: 2.5, max: 4, reported: 2, expected: 290 });
    expect(point.children).toHaveLength(21);
    expect(point.children.find((c: { orgUnit: string }) => c.orgUnit === '20')).toEqual({ orgUnit: '20', value: 2.5 });
    expect(point.children.find((c: { orgUnit: string }) => c.orgUnit === '01')).toEqual({ orgUnit: '01', value: null });
  });

  it('refuses a bad query with 400 naming the field, and another municipality with 403', async () => {
    const both = await request(t.http).get('/api/v1/org-units/20/trends?item=social-risk.level&area=andt').set(analyst).expect(400);
    expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(['area']);
    const bad = await request(t.http).get('/api/v1/org-units/20/trends?item=nope&from=2024-13&to=2024-01').set(analyst).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'item']);
    const backwards = await request(t.http).get('/api/v1/org-units/20/trends?area=andt&from=2025-02&to=2025-01').set(analyst).expect(400);
    expect(backwards.body.errors[0]).toEqual({ path: 'from', message: 'must not be after to' });
    const textItem = await request(t.http).get('/api/v1/org-units/20/trends?item=crime-prevention.hotspots').set(analyst).expect(400);
    expect(textItem.body.errors[0].path).toBe('item');
    await request(t.http).get('/api/v1/org-units/2081/trends?area=andt').set(ludvika).expect(403);
  });

  it('shows readiness per municipality, and the county’s counts', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await request(t.http)
      .post('/api/v1/org-units/2085/readiness')
      .set(ludvika)
      .send({ kind: 'coordinator-appointed', date: today, reference: 'KS 2025/12' })
      .expect(201);
    await request(t.http).post('/api/v1/org-units/2081/readiness').set(borlange).send({ kind: 'action-plan-adopted', date: today, reference: 'KF § 41' }).expect(201);
    const own = await request(t.http).get(`/api/v1/org-units/2085/readiness?minPosition=${recorded.body.position}`).set(ludvika).expect(200);
    expect(own.body.facts).toEqual([expect.objectContaining({ kind: 'coordinator-appointed', date: today, reference: 'KS 2025/12' })]);
    expect(own.body.latest).toEqual({ 'coordinator-appointed': today });
    const county = await request(t.http).get('/api/v1/org-units/20/readiness').set(analyst).expect(200);
    expect(county.body).toMatchObject({ municipalities: 15, coordinatorAppointed: 1, actionPlanAdopted: 1, actionPlanRevised: 0 });
    expect(county.body.units.find((u: { orgUnit: string }) => u.orgUnit === '2081').latest).toEqual({ 'action-plan-adopted': today });
    const before = await request(t.http).get(`/api/v1/org-units/2085/readiness?asOfPosition=${last}`).set(ludvika).expect(200);
    expect(before.body.facts).toEqual([]);
    await request(t.http).get('/api/v1/org-units/20/readiness').set(ludvika).expect(403);
  });
});
