import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const period = new Date().toISOString().slice(0, 7);
const answers = (level: number, trend = 'unchanged') => [
  { item: 'social-risk.level', value: level, trend },
  { item: 'andt.level', value: 1 },
];

describe('situation views over HTTP', () => {
  let t: TestApp;
  let analyst: { Authorization: string };
  let ludvika: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.as('county_analyst', '20');
    ludvika = await t.as('municipal_reporter', '2085');
  });
  afterAll(() => t.close());

  it('shows a municipality its answers per area, right after its own write (minPosition)', async () => {
    const submitted = await request(t.http)
      .put(`/api/v1/org-units/2085/reports/${period}`)
      .set(ludvika)
      .send({ templateVersion: 1, answers: answers(3, 'rising') })
      .expect(201);
    const res = await request(t.http).get(`/api/v1/org-units/2085/situation?period=${period}&minPosition=${submitted.body.position}`).set(ludvika).expect(200);
    expect(res.body).toMatchObject({ orgUnit: '2085', kind: 'municipality', reported: true, late: false });
    const social = res.body.areas.find((a: { area: string }) => a.area === 'social-risk');
    expect(social.items.find((i: { item: string }) => i.item === 'social-risk.level')).toMatchObject({ value: 3, trend: 'rising' });
    expect(BigInt(res.body.meta.position)).toBeGreaterThanOrEqual(BigInt(submitted.body.position));
    await request(t.http).get(`/api/v1/org-units/2080/situation?period=${period}`).set(ludvika).expect(403);
    await request(t.http).get(`/api/v1/org-units/20/situation?period=${period}`).set(ludvika).expect(403);
    const bad = await request(t.http).get('/api/v1/org-units/2085/situation?period=2018-3').set(ludvika).expect(400);
    expect(bad.body.errors[0].path).toBe('period');
  });

  it('gives the county completeness, level distribution, rising trends, assessment and approval — as of any moment', async () => {
    const borlange = await t.as('municipal_reporter', '2081');
    await request(t.http).put(`/api/v1/org-units/2081/reports/${period}`).set(borlange).send({ templateVersion: 1, answers: answers(1) }).expect(201);
    const beforeAssessment = (await request(t.http).get(`/api/v1/org-units/20/situation?period=${period}`).set(analyst).expect(200)).body.meta.position;
    await request(t.http)
      .put(`/api/v1/org-units/20/assessments/${period}`)
      .set(analyst)
      .send({ areas: [{ area: 'social-risk', level: 2, text: 'Oro i Ludvika' }], trends: 'Ökande', feedback: [{ orgUnit: '2085', message: 'Följ upp' }] })
      .expect(201);
    const approved = await request(t.http).post(`/api/v1/org-units/20/approvals/${period}`).set(analyst).send({}).expect(201);

    const now = await request(t.http).get(`/api/v1/org-units/20/situation?period=${period}&minPosition=${approved.body.position}`).set(analyst).expect(200);
    expect(now.body.completeness.expected).toBe(15);
    expect(now.body.completeness.reported.sort()).toEqual(['2081', '2085']);
    expect(now.body.completeness.missing).toHaveLength(13);
    const social = now.body.levels.find((l: { area: string }) => l.area === 'social-risk');
    expect(social.distribution).toEqual([0, 1, 0, 1, 0]);
    expect(now.body.rising).toEqual([{ orgUnit: '2085', item: 'social-risk.level' }]);
    expect(now.body.assessment.feedback).toEqual([{ orgUnit: '2085', message: 'Följ upp' }]);
    expect(now.body.approved).toBe(true);

    const then = await request(t.http).get(`/api/v1/org-units/20/situation?period=${period}&asOfPosition=${beforeAssessment}`).set(analyst).expect(200);
    expect(then.body.approved).toBe(false);
    expect(then.body.assessment).toBeUndefined();
    expect(then.body.meta.position).toBe(beforeAssessment);
  });

  it('answers the same county question again from what it has read, until one of its municipalities reports', async () => {
    // Last month: this month's county picture has been approved above, and takes no more reports.
    const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const ask = async () => (await request(t.http).get(`/api/v1/org-units/20/situation?period=${month}`).set(analyst).expect(200)).body;
    const first = await ask();
    const again = await ask();
    expect(again.completeness).toEqual(first.completeness);
    expect(again.completeness.reported).not.toContain('2080');
    const falun = await t.as('municipal_reporter', '2080');
    const submitted = await request(t.http).put(`/api/v1/org-units/2080/reports/${month}`).set(falun).send({ templateVersion: 1, answers: answers(4, 'rising') }).expect(201);
    // No minPosition: a read at the head waits for the views to apply what is already in the log.
    const after = await ask();
    expect(BigInt(after.meta.position)).toBeGreaterThanOrEqual(BigInt(submitted.body.position));
    expect(after.completeness.reported).toContain('2080');
    expect(after.rising).toContainEqual({ orgUnit: '2080', item: 'social-risk.level' });
    expect(after.levels.find((l: { area: string }) => l.area === 'social-risk').distribution[4]).toBe(first.levels.find((l: { area: string }) => l.area === 'social-risk').distribution[4] + 1);
  });

  it('gives national readers every county, approved or not, with its assessment, and the nation\'s totals', async () => {
    const reader = await t.as('national_reader', 'SE');
    const res = await request(t.http).get(`/api/v1/org-units/SE/situation?period=${period}&minPosition=${await t.store.headPosition()}`).set(reader).expect(200);
    expect(res.body.counties).toHaveLength(21);
    expect(res.body.counties.find((c: { county: string }) => c.county === '20')).toMatchObject({ approved: true, reported: 2, expected: 15 });
    expect(res.body.counties.find((c: { county: string }) => c.county === '01')).toMatchObject({ approved: false, reported: 0, expected: 26 });
    // The nation's figures for a county are the county's own.
    const county = (await request(t.http).get(`/api/v1/org-units/20/situation?period=${period}`).set(analyst).expect(200)).body;
    expect(res.body.counties.find((c: { county: string }) => c.county === '20')).toMatchObject({
      reported: county.completeness.reported.length,
      missing: county.completeness.missing.length,
      late: county.completeness.late.length,
      levels: county.levels,
      assessment: county.assessment,
    });
    expect(res.body.counties.find((c: { county: string }) => c.county === '01').assessment).toBeUndefined();
    // The nation: every county's figures added up.
    expect(res.body.nation).toMatchObject({ approved: 1, expected: 290, reported: 2, missing: 288, late: county.completeness.late.length });
    const socialRisk = (levels: Array<{ area: string; distribution: number[] }>) => levels.find((l) => l.area === 'social-risk')!.distribution;
    expect(socialRisk(res.body.nation.levels)).toEqual(socialRisk(county.levels));
  });

  it('answers 503 with Retry-After when the views cannot reach minPosition in time', async () => {
    const res = await request(t.http).get(`/api/v1/org-units/2085/situation?period=${period}&minPosition=999999`).set(ludvika).expect(503);
    expect(res.headers['retry-after']).toBeDefined();
  }, 15_000);

  it('reports projection lag in /health', async () => {
    const res = await request(t.http).get('/api/v1/health').expect(200);
    expect(res.body.info.projections.projections.map((p: { name: string }) => p.name)).toEqual(['report-summaries', 'assessments', 'approvals', 'risks', 'actions', 'activities', 'time-entries', 'goals', 'readiness', 'narrative', 'support-cases', 'support-requests', 'notifications']);
  });
});
