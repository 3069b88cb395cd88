import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('assessments, readiness, activities, time, goals and narrative over HTTP', () => {
  let t: TestApp;
  let analyst: { Authorization: string };
  let reporter: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.as('county_analyst', '20', 'Li Län');
    reporter = await t.as('municipal_reporter', '2085');
  });
  afterAll(() => t.close());

  it('records the regional assessment once, with feedback to the county’s municipalities, then amends it', async () => {
    const path = `/api/v1/org-units/20/assessments/${thisMonth()}`;
    const assessment = {
      areas: [{ area: 'social-risk', level: 2, text: 'Oro i två kommuner' }],
      trends: 'Ökande oro bland unga',
      feedback: [{ orgUnit: '2085', message: 'Följ upp samlingarna' }],
    };
    await request(t.http).put(path).set(reporter).send(assessment).expect(403);
    await request(t.http).put(`/api/v1/org-units/21/assessments/${thisMonth()}`).set(analyst).send(assessment).expect(403);
    const outside = await request(t.http).put(path).set(analyst).send({ ...assessment, feedback: [{ orgUnit: '0180', message: 'Hej' }] }).expect(400);
    expect(outside.body.errors[0].path).toBe('feedback.0.orgUnit');
    await request(t.http).put(path).set(analyst).send({ ...assessment, areas: [{ area: 'social-risk', level: 5, text: '' }] }).expect(400);
    const recorded = await request(t.http).put(path).set(analyst).send(assessment).expect(201);
    expect(recorded.body.id).toBe(`assessment-20-${thisMonth()}`);
    await request(t.http).put(path).set(analyst).send(assessment).expect(409);
    await request(t.http).post(`${path}/amendments`).set(analyst).send({ ...assessment, reason: 'Ny uppgift' }).expect(200);
    await request(t.http).post(`/api/v1/org-units/20/assessments/2001-01/amendments`).set(analyst).send(assessment).expect(404);
  });

  it('records readiness facts for the reporter’s own municipality', async () => {
    const fact = { kind: 'action-plan-adopted', date: '2018-02-01', reference: 'KS 2018/12' };
    await request(t.http).post('/api/v1/org-units/2085/readiness').set(reporter).send(fact).expect(201);
    await request(t.http).post('/api/v1/org-units/2080/readiness').set(reporter).send(fact).expect(403);
    const bad = await request(t.http).post('/api/v1/org-units/2085/readiness').set(reporter).send({ ...fact, kind: 'party', date: '2999-01-01' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['kind']);
    const future = await request(t.http).post('/api/v1/org-units/2085/readiness').set(reporter).send({ ...fact, date: '2999-01-01' }).expect(400);
    expect(future.body.errors[0].path).toBe('date');
  });

  it('records activities within the analyst’s county', async () => {
    const activity = { kind: 'training', date: '2018-03-14', title: 'Utbildning', orgUnits: ['20', '2085'], partners: ['CVE'], participants: 40 };
    const created = await request(t.http).post('/api/v1/activities').set(analyst).send(activity).expect(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    await request(t.http).post('/api/v1/activities').set(reporter).send(activity).expect(403);
    const outside = await request(t.http).post('/api/v1/activities').set(analyst).send({ ...activity, orgUnits: ['0180'] }).expect(400);
    expect(outside.body.errors[0].path).toBe('orgUnits.0');
  });

  it('records time entries of more than 0 and at most 24 hours', async () => {
    const entry = { date: '2018-03-01', hours: 3.5, kind: 'analysis' };
    await request(t.http).post('/api/v1/time-entries').set(analyst).send(entry).expect(201);
    for (const hours of [0, 25, -2]) {
      const res = await request(t.http).post('/api/v1/time-entries').set(analyst).send({ ...entry, hours }).expect(400);
      expect(res.body.errors[0].path).toBe('hours');
    }
    await request(t.http).post('/api/v1/time-entries').set(reporter).send(entry).expect(403);
    const elsewhere = await request(t.http).post('/api/v1/time-entries').set(analyst).send({ ...entry, orgUnit: '0180' }).expect(400);
    expect(elsewhere.body.errors).toEqual([{ path: 'orgUnit', message: 'must be a municipality or district of the county' }]);
  });

  it('defines goals and reports their status', async () => {
    const goal = await request(t.http).post('/api/v1/goals').set(analyst).send({ orgUnit: '20', kind: 'indicator', number: '3.2', text: 'Alla kommuner har en handlingsplan' }).expect(201);
    await request(t.http).post(`/api/v1/goals/${goal.body.id}/status`).set(analyst).send({ status: 'on-track', narrative: '12 av 15' }).expect(200);
    await request(t.http).post(`/api/v1/goals/${goal.body.id}/status`).set(analyst).send({ status: 'great', narrative: 'x' }).expect(400);
    await request(t.http).post(`/api/v1/goals/${goal.body.id}/status`).set(await t.as('county_analyst', '21')).send({ status: 'on-track', narrative: 'x' }).expect(403);
    await request(t.http).post('/api/v1/goals').set(analyst).send({ orgUnit: '21', kind: 'effect', text: 'x' }).expect(403);
  });

  it('keeps every version of a narrative section, 1–15', async () => {
    const first = await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/1').set(analyst).send({ text: 'Sammanfattning v1' }).expect(200);
    const second = await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/1').set(analyst).send({ text: 'Sammanfattning v2' }).expect(200);
    expect([first.body.revision, second.body.revision]).toEqual([0, 1]);
    await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/16').set(analyst).send({ text: 'x' }).expect(400);
    await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/x').set(analyst).send({ text: 'x' }).expect(400);
    await request(t.http).put('/api/v1/org-units/2085/report-backs/narrative/1').set(analyst).send({ text: 'x' }).expect(400);
    await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/2').set(reporter).send({ text: 'x' }).expect(403);
  });

  it('lists activities, sums time by kind and month, and shows goals with their status history', async () => {
    await request(t.http).post('/api/v1/activities').set(analyst).send({ kind: 'conference', date: '2018-05-02', title: 'Länskonferens', orgUnits: ['20'], partners: ['SKR'] }).expect(201);
    await request(t.http).post('/api/v1/time-entries').set(analyst).send({ date: '2018-03-15', hours: 2, kind: 'collection' }).expect(201);
    const last = await request(t.http).post('/api/v1/time-entries').set(analyst).send({ date: '2018-04-02', hours: 1.5, kind: 'analysis', orgUnit: '2085' }).expect(201);
    const at = `minPosition=${last.body.position}`;

    const all = await request(t.http).get(`/api/v1/activities?${at}`).set(analyst).expect(200);
    expect(all.body.items.map((a: { title: string }) => a.title).sort()).toEqual(['Länskonferens', 'Utbildning']);
    const ludvika = await request(t.http).get(`/api/v1/activities?orgUnit=2085&${at}`).set(analyst).expect(200);
    expect(ludvika.body.items.map((a: { title: string }) => a.title)).toEqual(['Utbildning']);
    const march = await request(t.http).get(`/api/v1/activities?from=2018-03&to=2018-03&${at}`).set(analyst).expect(200);
    expect(march.body.items).toHaveLength(1);
    await request(t.http).get('/api/v1/activities?from=march').set(analyst).expect(400);
    const backwards = await request(t.http).get('/api/v1/activities?from=2018-04&to=2018-03-31').set(analyst).expect(400);
    expect(backwards.body.errors).toEqual([{ path: 'from', message: 'must not be after to' }]);

    const time = await request(t.http).get(`/api/v1/time-entries/summary?orgUnit=20&${at}`).set(analyst).expect(200);
    expect(time.body).toMatchObject({ total: 7, entries: 3, byKind: { analysis: 5, collection: 2 } });
    expect(time.body.byMonth['2018-03']).toEqual({ analysis: 3.5, collection: 2 });
    expect(time.body.hoursPerPersonMonth).toBe(3.5);
    // The time the county spent for Ludvika, and its own work as a whole under its code.
    expect(time.body.byOrgUnit).toEqual({ '20': 5.5, '2085': 1.5 });
    const april = await request(t.http).get(`/api/v1/time-entries/summary?from=2018-04-01&to=2018-04-30&${at}`).set(analyst).expect(200);
    expect(april.body.total).toBe(1.5);
    await request(t.http).get('/api/v1/time-entries/summary?orgUnit=2085').set(analyst).expect(400);
    expect((await request(t.http).get('/api/v1/time-entries/summary?from=2018-04&to=2018-03').set(analyst).expect(400)).body.errors[0].path).toBe('from');
    await request(t.http).get('/api/v1/time-entries/summary?orgUnit=21').set(analyst).expect(403);

    const goals = await request(t.http).get(`/api/v1/goals?orgUnit=20&${at}`).set(analyst).expect(200);
    expect(goals.body.items[0]).toMatchObject({ number: '3.2', status: 'on-track' });
    expect(goals.body.items[0].statusHistory).toHaveLength(1);

    // The national reader's own scope, SE, takes in every county's records.
    const nation = await t.as('national_reader', 'SE');
    const national = await request(t.http).get(`/api/v1/activities?${at}`).set(nation).expect(200);
    expect(national.body.items.map((a: { title: string }) => a.title).sort()).toEqual(['Länskonferens', 'Utbildning']);
    const nationalTime = await request(t.http).get(`/api/v1/time-entries/summary?${at}`).set(nation).expect(200);
    expect(nationalTime.body).toMatchObject({ orgUnit: 'SE', total: 7, entries: 3, byKind: { analysis: 5, collection: 2 } });
    const nationalGoals = await request(t.http).get(`/api/v1/goals?${at}`).set(nation).expect(200);
    expect(nationalGoals.body.items).toEqual(goals.body.items);
  });

  it("lets a support worker record its own activities and time for the county, as the roles table says, and no other county's", async () => {
    const worker = await t.as('support_worker', '20', 'Sam Stöd');
    await request(t.http).post('/api/v1/activities').set(worker).send({ kind: 'consultation', date: '2018-06-04', title: 'Konsultation med skolan', orgUnits: ['2085'], partners: ['Skolan'] }).expect(201);
    const entry = await request(t.http).post('/api/v1/time-entries').set(worker).send({ date: '2018-06-04', hours: 2, kind: 'case-support', orgUnit: '2085' }).expect(201);
    const june = await request(t.http).get(`/api/v1/time-entries/summary?from=2018-06-01&to=2018-06-30&minPosition=${entry.body.position}`).set(analyst).expect(200);
    expect(june.body).toMatchObject({ total: 2, entries: 1, byKind: { 'case-support': 2 }, byOrgUnit: { '2085': 2 } });
    const activities = await request(t.http).get(`/api/v1/activities?from=2018-06&to=2018-06&minPosition=${entry.body.position}`).set(analyst).expect(200);
    expect(activities.body.items.map((a: { title: string }) => a.title)).toEqual(['Konsultation med skolan']);
    await request(t.http).post('/api/v1/time-entries').set(worker).send({ date: '2018-06-04', hours: 2, kind: 'case-support', orgUnit: '0180' }).expect(400);
    await request(t.http).post('/api/v1/goals').set(worker).send({ orgUnit: '20', kind: 'effect', text: 'Mål' }).expect(403);
  });
});
