import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const period = new Date().toISOString().slice(0, 7);
const path = `/api/v1/org-units/2085/drafts/${period}`;

describe('drafts over HTTP', () => {
  let t: TestApp;
  let kim: { Authorization: string };
  let kalle: { Authorization: string };
  let analyst: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    kim = await t.as('municipal_reporter', '2085', 'Kim Kommun');
    kalle = await t.as('municipal_reporter', '2085', 'Kalle Kollega');
    analyst = await t.as('county_analyst', '20', 'Li Län');
  });
  afterAll(() => t.close());

  it('saves a report in parts, by any reporter of the unit, and says who saved what and when', async () => {
    const first = await request(t.http).put(path).set(kim).send({ answers: [{ item: 'social-risk.level', value: 2 }], summary: 'Påbörjad' }).expect(200);
    expect(first.body).toMatchObject({ id: `draft-2085-${period}`, revision: 0 });
    expect(first.headers.etag).toBe('"0"');
    const second = await request(t.http).put(path).set(kalle).send({ answers: [{ item: 'social-risk.level', value: 3 }, { item: 'andt.doping', value: false }] }).expect(200);
    const draft = await request(t.http).get(path).set(kim).expect(200);
    expect(draft.body).toMatchObject({ orgUnit: '2085', period, status: 'open', templateVersion: 1, summary: 'Påbörjad', revision: 1 });
    expect(draft.body.answers).toEqual([
      { item: 'social-risk.level', value: 3, savedAt: expect.any(String), savedBy: { id: 'municipal_reporter-2085', name: 'Kalle Kollega' } },
      { item: 'andt.doping', value: false, savedAt: expect.any(String), savedBy: { id: 'municipal_reporter-2085', name: 'Kalle Kollega' } },
    ]);
    expect(draft.body.saves.map((s: { by: { name: string }; items: string[] }) => [s.by.name, s.items])).toEqual([
      ['Kim Kommun', ['social-risk.level']],
      ['Kalle Kollega', ['social-risk.level', 'andt.doping']],
    ]);
    const before = await request(t.http).get(`${path}?asOfPosition=${first.body.position}`).set(kim).expect(200);
    expect(before.body.answers).toEqual([expect.objectContaining({ item: 'social-risk.level', value: 2 })]);
    expect(BigInt(second.body.position)).toBeGreaterThan(BigInt(first.body.position));
  });

  it('is counted by no view, and closes when the period is submitted', async () => {
    const head = (await t.store.headPosition()).toString();
    const county = await request(t.http).get(`/api/v1/org-units/20/situation?period=${period}&minPosition=${head}`).set(analyst).expect(200);
    expect(county.body.completeness.reported).toEqual([]);
    await request(t.http).put(`/api/v1/org-units/2085/reports/${period}`).set(kim).send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 3 }], sources: [] }).expect(201);
    const closed = await request(t.http).get(path).set(kim).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const late = await request(t.http).put(path).set(kalle).send({ answers: [] }).expect(409);
    expect(late.body.detail).toMatch(/submitted/);
  });

  it('checks each value for its type and names the field, writing nothing; 401, 403 and 404 as usual', async () => {
    const other = `/api/v1/org-units/2080/drafts/${period}`;
    const falun = await t.as('municipal_reporter', '2080');
    const before = await t.store.headPosition();
    const bad = await request(t.http).put(other).set(falun).send({ answers: [{ item: 'social-risk.level', value: 9 }, { item: 'no.such', value: 1 }], sources: ['gossip'] }).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['answers.0.value', 'answers.1.item', 'sources.0']);
    await request(t.http).put(other).set(falun).send({ answers: [], templateVersion: 99 }).expect(400);
    await request(t.http).put(`/api/v1/org-units/2080/drafts/2026-13`).set(falun).send({ answers: [] }).expect(400);
    await request(t.http).put(other).send({ answers: [] }).expect(401);
    await request(t.http).put(other).set(kim).send({ answers: [] }).expect(403);
    await request(t.http).get(other).set(analyst).expect(403);
    expect(await t.store.headPosition()).toBe(before);
    await request(t.http).get(other).set(falun).expect(404);
  });
});
