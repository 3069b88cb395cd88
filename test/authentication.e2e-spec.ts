import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const SAMPLE_PARAMS: Record<string, string> = {
  code: '2085',
  county: '20',
  period: '2018-03',
  id: '00000000-0000-4000-8000-000000000000',
  version: '1',
  section: '1',
};

/** The routes anyone may call (the web app's sign-in among them), and what they answer with these sample values. */
const PUBLIC: Record<string, number> = {
  'get /api/v1/health': 200,
  'get /api/v1/auth/config': 200,
  'get /api/v1/demo-users': 200,
  'post /api/v1/demo-users/00000000-0000-4000-8000-000000000000/token': 404, // no such demo user
};

describe('authentication on every route', () => {
  let t: TestApp;
  let routes: Array<{ method: string; path: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await request(t.http).get('/api/v1/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method, path: path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x') })),
    );
  });
  afterAll(() => t.close());

  it('refuses every route of the OpenAPI document without a token (401), but health and the sign-in routes', async () => {
    expect(routes.length).toBeGreaterThan(20);
    const before = await t.store.headPosition();
    for (const { method, path } of routes) {
      const res = await (request(t.http) as unknown as Record<string, (p: string) => request.Test>)[method]!(path).send({});
      const expected = PUBLIC[`${method} ${path}`] ?? 401;
      expect({ method, path, status: res.status }).toEqual({ method, path, status: expected });
      if (expected === 401) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(routes.filter((r) => PUBLIC[`${r.method} ${r.path}`] === undefined).length).toBe(routes.length - Object.keys(PUBLIC).length);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('refuses expired, forged and malformed tokens', async () => {
    const { LocalTokens } = await import('@lagesbild/auth');
    const expired = await new LocalTokens('e2e-secret-that-is-long-enough-for-hs256-signing').mint({ id: 'a', name: 'A', roles: ['national_reader'], org: 'SE' }, -10);
    const forged = await new LocalTokens('another-secret-that-is-long-enough-for-hs256').mint({ id: 'a', name: 'A', roles: ['national_reader'], org: 'SE' });
    for (const token of [expired, forged, 'abc.def.ghi', '']) {
      const res = await request(t.http).get('/api/v1/org-units/20').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.body.status).toBe(401);
    }
  });
});
