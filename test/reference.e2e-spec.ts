import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

describe('org units and templates over HTTP', () => {
  let t: TestApp;
  let reader: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    reader = await t.as('national_reader', 'SE');
    admin = await t.as('admin', 'SE', 'Ada Admin');
  });
  afterAll(() => t.close());

  it('lists org units by parent and shows one with its children', async () => {
    const counties = await request(t.http).get('/api/v1/org-units?parent=SE').set(reader).expect(200);
    expect(counties.body.items).toHaveLength(21);
    const dalarna = await request(t.http).get('/api/v1/org-units?parent=20').set(reader).expect(200);
    expect(dalarna.body.items).toHaveLength(15);
    const ludvika = await request(t.http).get('/api/v1/org-units/2085').set(reader).expect(200);
    expect(ludvika.body).toMatchObject({ code: '2085', name: 'Ludvika', kind: 'municipality', parent: '20' });
    await request(t.http).get('/api/v1/org-units/9999').set(reader).expect(404);
    const bad = await request(t.http).get('/api/v1/org-units?parent=99').set(reader).expect(400);
    expect(bad.body.errors[0].path).toBe('parent');
    await request(t.http).get('/api/v1/org-units').expect(401);
  });

  it('answers reference queries with meta, and refuses a bad as-of with 400 naming it', async () => {
    const head = String(await t.store.headPosition());
    for (const path of ['/org-units?parent=20', '/org-units/2085', '/templates', '/templates/current', '/templates/1']) {
      const res = await request(t.http).get(`/api/v1${path}`).set(reader).expect(200);
      expect([path, res.body.meta?.position]).toEqual([path, head]);
      const bad = await request(t.http).get(`/api/v1${path}${path.includes('?') ? '&' : '?'}asOf=garbage`).set(reader).expect(400);
      expect([path, bad.body.errors[0].path]).toEqual([path, 'asOf']);
    }
  });

  it('serves the built-in template version 1 as current', async () => {
    const current = await request(t.http).get('/api/v1/templates/current').set(reader).expect(200);
    expect(current.body.version).toBe(1);
    expect(current.body.areas).toHaveLength(4);
    await request(t.http).get('/api/v1/templates/1').set(reader).expect(200);
    await request(t.http).get('/api/v1/templates/7').set(reader).expect(404);
    await request(t.http).get('/api/v1/templates/x').set(reader).expect(400);
  });

  it('lets only an admin publish a version; ids keep their meaning', async () => {
    const v1 = (await request(t.http).get('/api/v1/templates/1').set(reader)).body;
    const areas = v1.areas.map((a: { id: string; label: string; items: object[] }) => ({ id: a.id, label: a.label, items: a.items }));
    areas[0].items.push({ id: 'social-risk.new-question', type: 'count', label: 'Ny fråga' });
    const before = await t.store.headPosition();
    await request(t.http).post('/api/v1/templates').set(reader).send({ areas, changeNote: 'Ny fråga' }).expect(403);
    await request(t.http).post('/api/v1/templates').set(admin).send({ areas, changeNote: '' }).expect(400);
    const retyped = structuredClone(areas);
    retyped[0].items[0].type = 'text';
    const meaning = await request(t.http).post('/api/v1/templates').set(admin).send({ areas: retyped, changeNote: 'x' }).expect(400);
    expect(meaning.body.errors[0].path).toBe('areas.0.items.0.type');
    expect(await t.store.headPosition()).toBe(before);

    const published = await request(t.http).post('/api/v1/templates').set(admin).send({ areas, changeNote: 'Ny fråga' }).expect(201);
    expect(published.body).toMatchObject({ id: 'template', revision: 0, version: 2 });
    const list = await request(t.http).get('/api/v1/templates').set(reader).expect(200);
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await request(t.http).get('/api/v1/templates/current').set(reader)).body.version).toBe(2);

    // As of the moment before it was published, version 2 did not exist.
    const publishedAt = BigInt(published.body.position);
    const earlier = `asOfPosition=${publishedAt - 1n}`;
    const listed = await request(t.http).get(`/api/v1/templates?${earlier}`).set(reader).expect(200);
    expect(listed.body).toMatchObject({ items: [{ version: 1 }], meta: { position: String(publishedAt - 1n) } });
    expect((await request(t.http).get(`/api/v1/templates/current?${earlier}`).set(reader).expect(200)).body.version).toBe(1);
    await request(t.http).get(`/api/v1/templates/2?${earlier}`).set(reader).expect(404);
    expect((await request(t.http).get(`/api/v1/templates/2?asOfPosition=${publishedAt}`).set(reader).expect(200)).body).toMatchObject({ version: 2, meta: { position: String(publishedAt) } });

    const reporter = await t.as('municipal_reporter', '2085');
    const period = new Date().toISOString().slice(0, 7);
    await request(t.http)
      .put(`/api/v1/org-units/2085/reports/${period}`)
      .set(reporter)
      .send({ templateVersion: 2, answers: [{ item: 'social-risk.new-question', value: 3 }] })
      .expect(201);
  });
});
