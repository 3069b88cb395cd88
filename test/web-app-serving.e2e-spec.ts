import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEMO_USERS } from '@lagesbild/auth';
import { type TestApp, startTestApp } from './support/test-app.js';
import { ensureWebAppBuilt } from './support/web-app.js';

describe('the web app at / and its sign-in endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('serves the app at / and its index.html for the app’s own routes, under a CSP that allows only its own scripts', async () => {
    const home = await request(t.http).get('/').expect(200).expect('Content-Type', /text\/html/);
    expect(home.text).toContain('<html lang="sv">');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.headers['content-security-policy']).not.toContain('unsafe-eval');
    const deep = await request(t.http).get('/lan/20/2026-09').expect(200);
    expect(deep.text).toBe(home.text);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(home.text)![1]!;
    await request(t.http).get(script).expect(200).expect('Cache-Control', /immutable/).expect('Content-Type', /javascript/);
  });

  it('leaves the api its own answers: unknown api paths and missing assets are 404 problem details', async () => {
    await request(t.http).get('/api/v1/no-such-thing').expect(404).expect('Content-Type', /problem\+json/);
    await request(t.http).get('/assets/missing.js').expect(404);
    await request(t.http).get('/health').expect(200).expect('Content-Type', /json/);
  });

  it('lists the demo users that `npm run demo` prints and gives a token the api accepts for each', async () => {
    const config = await request(t.http).get('/api/v1/auth/config').expect(200);
    expect(config.body).toEqual({ mode: 'embedded' });
    const users = await request(t.http).get('/api/v1/demo-users').expect(200);
    expect(users.body.items).toEqual(DEMO_USERS);
    const { body } = await request(t.http).post('/api/v1/demo-users/li.lan/token').expect(200);
    expect(body.user.roles).toEqual(['county_analyst']);
    await request(t.http).get('/api/v1/org-units/20/situation?period=2026-01').set('Authorization', `Bearer ${body.token}`).expect(200);
    await request(t.http).get('/api/v1/org-units/SE/situation?period=2026-01').set('Authorization', `Bearer ${body.token}`).expect(403);
    await request(t.http).post('/api/v1/demo-users/nobody/token').expect(404);
  });

  it('has no demo users when tokens come from an OIDC provider; the sign-in config names the issuer', async () => {
    const oidc = await startTestApp({ AUTH_ISSUER: 'https://login.example.se/realms/lagesbild', AUTH_AUDIENCE: 'lagesbild', AUTH_JWKS_URL: 'https://login.example.se/jwks', AUTH_CLIENT_ID: 'lagesbild-web' });
    try {
      await request(oidc.http).get('/api/v1/demo-users').expect(404);
      await request(oidc.http).post('/api/v1/demo-users/li.lan/token').expect(404);
      const config = await request(oidc.http).get('/api/v1/auth/config').expect(200);
      expect(config.body).toEqual({ mode: 'oidc', issuer: 'https://login.example.se/realms/lagesbild', clientId: 'lagesbild-web', scope: 'openid profile' });
      const home = await request(oidc.http).get('/').expect(200);
      expect(home.headers['content-security-policy']).toContain("connect-src 'self' https://login.example.se");
    } finally {
      await oidc.close();
    }
  });
});
