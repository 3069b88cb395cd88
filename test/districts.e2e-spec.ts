import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const period = new Date().toISOString().slice(0, 7);
const report = (level: number) => ({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: level }], sources: [] });

describe('city districts', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let added: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin', 'SE', 'Ada Admin');
  });
  afterAll(() => t.close());

  it("lets a district's own reporter submit and amend its reports, and shows Stockholm each district's status and the levels across them", async () => {
    const rinkeby = await t.as('municipal_reporter', '0180-01', 'Rut Rinkeby');
    const submitted = await request(t.http).put(`/api/v1/org-units/0180-01/reports/${period}`).set(rinkeby).send(report(3)).expect(201);
    await request(t.http).post(`/api/v1/org-units/0180-01/reports/${period}/amendments`).set(rinkeby).send({ answers: [{ item: 'social-risk.level', value: 2 }], reason: 'Rättat' }).expect(200);
    const city = await t.as('municipal_reporter', '0180');
    const last = await request(t.http).put(`/api/v1/org-units/0180-03/reports/${period}`).set(city).send(report(4)).expect(201);
    await request(t.http).put(`/api/v1/org-units/0180-03/reports/${period}`).set(rinkeby).send(report(4)).expect(403);
    await request(t.http).put(`/api/v1/org-units/0180/reports/${period}`).set(rinkeby).send(report(4)).expect(403);
    const res = await request(t.http).get(`/api/v1/org-units/0180/situation?period=${period}&minPosition=${last.body.position}`).set(city).expect(200);
    expect(res.body.districts.units).toHaveLength(13);
    expect(res.body.districts.reported).toBe(2);
    expect(res.body.districts.units.filter((d: { reported: boolean }) => d.reported).map((d: { orgUnit: string; name: string }) => [d.orgUnit, d.name])).toEqual([
      ['0180-01', 'Rinkeby-Kista'],
      ['0180-03', 'Spånga-Tensta'],
    ]);
    expect(res.body.districts.levels.find((l: { area: string }) => l.area === 'social-risk').distribution).toEqual([0, 0, 1, 0, 1]);
    expect(BigInt(last.body.position)).toBeGreaterThan(BigInt(submitted.body.position));
  });

  it('lets the admin add a district to a city — an event — after which it is listed, reports, and shows in the city', async () => {
    const res = await request(t.http).post('/api/v1/org-units/1480/districts').set(admin).send({ code: '1480-01', name: 'Centrum' }).expect(201);
    expect(res.body).toMatchObject({ id: '1480-01', revision: 0 });
    added = res.body.position;
    const listed = await request(t.http).get('/api/v1/org-units?parent=1480').set(admin).expect(200);
    expect(listed.body.items).toEqual([{ code: '1480-01', name: 'Centrum', kind: 'district', parent: '1480' }]);
    const centrum = await t.as('municipal_reporter', '1480-01');
    const sent = await request(t.http).put(`/api/v1/org-units/1480-01/reports/${period}`).set(centrum).send(report(1)).expect(201);
    const gothenburg = await t.as('municipal_reporter', '1480');
    const city = await request(t.http).get(`/api/v1/org-units/1480/situation?period=${period}&minPosition=${sent.body.position}`).set(gothenburg).expect(200);
    expect(city.body.districts.units).toEqual([{ orgUnit: '1480-01', name: 'Centrum', reported: true, late: false }]);
    const county = await request(t.http).get(`/api/v1/org-units/14/situation?period=${period}&minPosition=${sent.body.position}`).set(await t.as('county_analyst', '14')).expect(200);
    expect(county.body.completeness.reported).toEqual([]);
  });

  it('says 400 naming the field, 409 for a code already known, 403 to anyone but the admin, and writes nothing', async () => {
    const before = await t.store.headPosition();
    const bad = await request(t.http).post('/api/v1/org-units/1480/districts').set(admin).send({ code: 'centrum', name: '' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'name']);
    const elsewhere = await request(t.http).post('/api/v1/org-units/1480/districts').set(admin).send({ code: '0180-99', name: 'Fel stad' }).expect(400);
    expect(elsewhere.body.errors).toEqual([{ path: 'code', message: expect.stringContaining('1480-01') }]);
    await request(t.http).post('/api/v1/org-units/14/districts').set(admin).send({ code: '14-01', name: 'Län' }).expect(400);
    await request(t.http).post('/api/v1/org-units/1480/districts').set(admin).send({ code: '1480-01', name: 'Igen' }).expect(409);
    await request(t.http).post('/api/v1/org-units/0180/districts').set(admin).send({ code: '0180-01', name: 'Finns' }).expect(409);
    await request(t.http).post('/api/v1/org-units/1480/districts').set(await t.as('county_analyst', '14')).send({ code: '1480-02', name: 'Norr' }).expect(403);
    await request(t.http).post('/api/v1/org-units/1480/districts').send({ code: '1480-02', name: 'Norr' }).expect(401);
    await request(t.http).post('/api/v1/org-units/9999/districts').set(admin).send({ code: '9999-01', name: 'Ingenstans' }).expect(404);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('knows an added district again after a restart', async () => {
    expect(added).toBeDefined();
    await t.app.close();
    const again = await startTestApp({ DATA_DIR: t.dataDir });
    t = { ...again, dataDir: again.dataDir };
    const listed = await request(t.http).get('/api/v1/org-units/1480-01').set(await t.as('admin', 'SE')).expect(200);
    expect(listed.body).toMatchObject({ code: '1480-01', name: 'Centrum', kind: 'district', parent: '1480' });
  });
});
