import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

describe('risks and actions over HTTP', () => {
  let t: TestApp;
  let analyst: { Authorization: string };
  const risk = { orgUnit: '2085', area: 'social-risk', title: 'Oroligheter i centrum', description: 'Grupper samlas kvällstid.', likelihood: 3, consequence: 4 };

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.as('county_analyst', '20');
  });
  afterAll(() => t.close());

  it('identifies a risk (201 with its id), in scope only, and names bad fields', async () => {
    const before = await t.store.headPosition();
    await request(t.http).post('/api/v1/risks').send(risk).expect(401);
    await request(t.http).post('/api/v1/risks').set(await t.as('county_analyst', '21')).send(risk).expect(403);
    await request(t.http).post('/api/v1/risks').set(await t.as('municipal_reporter', '2085')).send(risk).expect(403);
    const bad = await request(t.http).post('/api/v1/risks').set(analyst).send({ ...risk, likelihood: 6, consequence: 'hög' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['likelihood', 'consequence']);
    const area = await request(t.http).post('/api/v1/risks').set(analyst).send({ ...risk, area: 'weather' }).expect(400);
    expect(area.body.errors[0].path).toBe('area');
    const unit = await request(t.http).post('/api/v1/risks').set(analyst).send({ ...risk, orgUnit: '9999' }).expect(400);
    expect(unit.body.errors[0].path).toBe('orgUnit');
    expect(await t.store.headPosition()).toBe(before);

    const created = await request(t.http).post('/api/v1/risks').set(analyst).send(risk).expect(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.revision).toBe(0);
  });

  it('creates the same risk once for a retried Idempotency-Key', async () => {
    const first = await request(t.http).post('/api/v1/risks').set(analyst).set('Idempotency-Key', 'risk-1').send(risk).expect(201);
    const retry = await request(t.http).post('/api/v1/risks').set(analyst).set('Idempotency-Key', 'risk-1').send(risk).expect(201);
    expect(retry.body).toEqual(first.body);
    await request(t.http).post('/api/v1/risks').set(analyst).set('Idempotency-Key', 'risk-1').send({ ...risk, likelihood: 1 }).expect(422);
  });

  it('reassesses and closes a risk; a closed risk is a conflict; an unknown one is 404', async () => {
    const { body } = await request(t.http).post('/api/v1/risks').set(analyst).send(risk).expect(201);
    const path = `/api/v1/risks/${body.id}`;
    await request(t.http).post(`${path}/assessments`).set(await t.as('county_analyst', '21')).send({ likelihood: 2, consequence: 2, rationale: 'x' }).expect(403);
    const reassessed = await request(t.http).post(`${path}/assessments`).set(analyst).set('If-Match', '"0"').send({ likelihood: 2, consequence: 4, rationale: 'Polisnärvaro' }).expect(200);
    expect(reassessed.headers.etag).toBe('"1"');
    await request(t.http).post(`${path}/assessments`).set(analyst).set('If-Match', '"0"').send({ likelihood: 2, consequence: 4, rationale: 'igen' }).expect(412);
    await request(t.http).post(`${path}/closure`).set(analyst).send({}).expect(400);
    await request(t.http).post(`${path}/closure`).set(analyst).send({ reason: 'Åtgärdat' }).expect(200);
    await request(t.http).post(`${path}/closure`).set(analyst).send({ reason: 'Igen' }).expect(409);
    await request(t.http).post('/api/v1/risks/00000000-0000-4000-8000-000000000000/closure').set(analyst).send({ reason: 'x' }).expect(404);
    await request(t.http).post('/api/v1/risks/not-a-uuid/closure').set(analyst).send({ reason: 'x' }).expect(400);
  });

  it('proposes an action against risks of the unit or its parent, decides it once, and moves it along', async () => {
    const local = (await request(t.http).post('/api/v1/risks').set(analyst).send(risk).expect(201)).body.id;
    const county = (await request(t.http).post('/api/v1/risks').set(analyst).send({ ...risk, orgUnit: '20' }).expect(201)).body.id;
    const neighbour = (await request(t.http).post('/api/v1/risks').set(analyst).send({ ...risk, orgUnit: '2080' }).expect(201)).body.id;
    const action = { orgUnit: '2085', riskIds: [local, county], title: 'Fältgrupp', description: 'Fredagar', owner: 'Socialtjänsten', dueDate: '2030-06-30' };

    const wrong = await request(t.http).post('/api/v1/actions').set(analyst).send({ ...action, riskIds: [neighbour] }).expect(400);
    expect(wrong.body.errors[0].path).toBe('riskIds.0');
    const { body } = await request(t.http).post('/api/v1/actions').set(analyst).send(action).expect(201);
    const path = `/api/v1/actions/${body.id}`;

    await request(t.http).post(`${path}/status`).set(analyst).send({ status: 'started', note: '' }).expect(409);
    await request(t.http).post(`${path}/decision`).set(analyst).send({ decision: 'maybe', rationale: 'x' }).expect(400);
    await request(t.http).post(`${path}/decision`).set(analyst).send({ decision: 'approved', rationale: 'Bra' }).expect(200);
    await request(t.http).post(`${path}/decision`).set(analyst).send({ decision: 'rejected', rationale: 'Nej' }).expect(409);
    await request(t.http).post(`${path}/status`).set(analyst).send({ status: 'started', note: 'Igång' }).expect(200);
    const done = await request(t.http).post(`${path}/status`).set(analyst).send({ status: 'completed', note: 'Klart' }).expect(200);
    expect(done.body.revision).toBe(3);
    await request(t.http).post(`${path}/status`).set(analyst).send({ status: 'cancelled', note: '' }).expect(409);
  });

  it('lists the register, counts open risks on the 5×5 matrix, and flags overdue actions — as of any moment', async () => {
    const before = (await request(t.http).get('/api/v1/org-units/2085/risk-matrix').set(analyst).expect(200)).body;
    const extra = await request(t.http).post('/api/v1/risks').set(analyst).send({ ...risk, likelihood: 5, consequence: 5 }).expect(201);
    const late = await request(t.http)
      .post('/api/v1/actions')
      .set(analyst)
      .send({ orgUnit: '2085', riskIds: [extra.body.id], title: 'Sen åtgärd', description: 'x', owner: 'Kommunen', dueDate: '2001-01-01' })
      .expect(201);

    const matrix = await request(t.http).get(`/api/v1/org-units/2085/risk-matrix?minPosition=${late.body.position}`).set(analyst).expect(200);
    expect(matrix.body.cells[4][4]).toBe(before.cells[4][4] + 1);
    const thenMatrix = await request(t.http).get(`/api/v1/org-units/2085/risk-matrix?asOfPosition=${before.meta.position}`).set(analyst).expect(200);
    expect(thenMatrix.body.cells).toEqual(before.cells);

    const register = await request(t.http).get('/api/v1/risks?orgUnit=2085&status=open').set(analyst).expect(200);
    expect(register.body.items.every((r: { orgUnit: string; status: string }) => r.orgUnit === '2085' && r.status === 'open')).toBe(true);
    const county = await request(t.http).get('/api/v1/risks').set(analyst).expect(200); // default: the analyst's county, with its municipalities
    expect(county.body.items.length).toBeGreaterThan(register.body.items.length);
    await request(t.http).get('/api/v1/risks?status=maybe').set(analyst).expect(400);
    const unknownArea = await request(t.http).get('/api/v1/risks?area=bogus').set(analyst).expect(400);
    expect(unknownArea.body.errors[0]).toMatchObject({ path: 'area', message: expect.stringContaining('social-risk') });
    await request(t.http).get('/api/v1/risks?orgUnit=21').set(analyst).expect(403);

    const actions = await request(t.http).get('/api/v1/actions?orgUnit=2085').set(analyst).expect(200);
    const overdue = actions.body.items.find((a: { actionId: string }) => a.actionId === late.body.id);
    expect(overdue).toMatchObject({ status: 'proposed', overdue: true });
    const done = actions.body.items.find((a: { status: string }) => a.status === 'completed');
    expect(done.overdue).toBe(false);
    await request(t.http).get('/api/v1/actions?orgUnit=2085').set(await t.as('municipal_reporter', '2085')).expect(200);
    await request(t.http).get('/api/v1/actions?orgUnit=2080').set(await t.as('municipal_reporter', '2085')).expect(403);
  });
});
