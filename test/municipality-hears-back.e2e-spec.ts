import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { type TestApp, startTestApp } from './support/test-app.js';

const period = new Date().toISOString().slice(0, 7);
const report = (level: number, trend: string) => ({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: level, trend }], sources: [] });

describe('the municipality hears back', () => {
  let t: TestApp;
  let ludvika: { Authorization: string };
  let analyst: { Authorization: string };
  let beforeFeedback: string;
  let after: string;

  beforeAll(async () => {
    t = await startTestApp();
    ludvika = await t.as('municipal_reporter', '2085', 'Kim Kommun');
    analyst = await t.as('county_analyst', '20', 'Li Län');
    await request(t.http).put(`/api/v1/org-units/2085/reports/${period}`).set(ludvika).send(report(2, 'rising')).expect(201);
    const borlange = await t.as('municipal_reporter', '2081');
    await request(t.http).put(`/api/v1/org-units/2081/reports/${period}`).set(borlange).send(report(3, 'rising')).expect(201);
    const falun = await t.as('municipal_reporter', '2080');
    beforeFeedback = (await request(t.http).put(`/api/v1/org-units/2080/reports/${period}`).set(falun).send(report(3, 'unchanged')).expect(201)).body.position;
    const assessment = {
      areas: [{ area: 'social-risk', level: 2, text: 'Oro i flera kommuner' }],
      trends: 'Ökande',
      feedback: [
        { orgUnit: '2085', message: 'Tack — vi följer upp oron i centrum med er' },
        { orgUnit: '2081', message: 'Till Borlänge, inte Ludvika' },
      ],
    };
    after = (await request(t.http).put(`/api/v1/org-units/20/assessments/${period}`).set(analyst).send(assessment).expect(201)).body.position;
  });
  afterAll(() => t.close());

  it("shows the municipality the county's feedback to it and the county's picture, naming no other municipality", async () => {
    const res = await request(t.http).get(`/api/v1/org-units/2085/situation?period=${period}&minPosition=${after}`).set(ludvika).expect(200);
    expect(res.body.feedback).toEqual([{ message: 'Tack — vi följer upp oron i centrum med er', from: 'Dalarnas län', at: expect.any(String) }]);
    expect(res.body.county).toMatchObject({
      county: '20',
      completeness: { expected: 15, reported: 3, missing: 12, late: 0 },
      risingTrends: [{ item: 'social-risk.level', municipalities: 2 }],
    });
    expect(res.body.county.levelDistribution.find((l: { area: string }) => l.area === 'social-risk').distribution).toEqual([0, 0, 1, 2, 0]);
    const text = JSON.stringify(res.body);
    const others = OrgUnitRegistry.sweden().municipalitiesOf('20').filter((m) => m.code !== '2085');
    for (const other of others) {
      expect([other.code, text.includes(`"${other.code}"`)]).toEqual([other.code, false]);
      expect([other.name, text.includes(other.name)]).toEqual([other.name, false]);
    }
  });

  it('answers as of a moment before the feedback with none', async () => {
    const res = await request(t.http).get(`/api/v1/org-units/2085/situation?period=${period}&asOfPosition=${beforeFeedback}`).set(ludvika).expect(200);
    expect(res.body.feedback).toEqual([]);
    expect(res.body.county.completeness.reported).toBe(3);
  });

  it("lets the reporter read its own trends, not the county's nor a neighbour's", async () => {
    const own = await request(t.http).get(`/api/v1/org-units/2085/trends?item=social-risk.level&from=${period}&to=${period}&minPosition=${after}`).set(ludvika).expect(200);
    expect(JSON.stringify(own.body)).toContain('"value":2');
    await request(t.http).get(`/api/v1/org-units/20/trends?item=social-risk.level`).set(ludvika).expect(403);
    await request(t.http).get(`/api/v1/org-units/2081/situation?period=${period}`).set(ludvika).expect(403);
  });
});
