import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PROJECTION_HOST, reportSummaryProjection } from '@lagesbild/projections';
import { type TestApp, startTestApp } from './support/test-app.js';

describe('operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the event store up with its head position, at the base path and at the root', async () => {
    await t.store.append('health-probe', [{ type: 'HealthProbeRecorded', data: {} }]);
    for (const path of ['/api/v1/health', '/health']) {
      const res = await request(t.http).get(path).expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.info.eventStore).toEqual({ status: 'up', headPosition: '1' });
    }
  });

  it('reports 503 problem+json when the event store cannot answer', async () => {
    const other = await startTestApp();
    await other.store.close();
    const res = await request(other.http).get('/api/v1/health').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.checks.eventStore.status).toBe('down');
    await other.close();
  });

  it('reports the view store up while it opens and once it answers, and 503 problem+json when it cannot', async () => {
    /** /health once the projection thread has opened the views (at start it says `opening`, and is up). */
    const answering = async (app: TestApp) => {
      for (const until = Date.now() + 5000; ; await new Promise((resolve) => setTimeout(resolve, 20))) {
        const res = await request(app.http).get('/api/v1/health').expect(200);
        expect(['opening', 'answering']).toContain(res.body.info.viewStore.views);
        if (res.body.info.viewStore.views === 'answering' || Date.now() > until) return res;
      }
    };
    expect((await answering(t)).body.info.viewStore).toEqual({ status: 'up', views: 'answering' });

    const other = await startTestApp();
    try {
      expect((await answering(other)).body.info.viewStore).toEqual({ status: 'up', views: 'answering' });
      // The connection queries read the views through, closed as a lost store would be: reached through privates, as nothing else may.
      await (other.app.get(PROJECTION_HOST) as { reader: { close(): Promise<void> } }).reader.close();
      const res = await request(other.http).get('/api/v1/health').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.checks.viewStore).toMatchObject({ status: 'down', message: expect.stringMatching(/not open/) });
      expect(res.body.checks.eventStore.status).toBe('up');
    } finally {
      await other.close();
    }
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await request(t.http).get('/api/v1/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/health');
    // Every query that takes them documents asOf, asOfPosition and minPosition.
    for (const path of ['/api/v1/org-units/{code}/situation', '/api/v1/org-units/{code}/trends', '/api/v1/audit', '/api/v1/templates']) {
      const names = (doc.body.paths[path].get.parameters as Array<{ name: string }>).map((p) => p.name);
      expect([path, ['asOf', 'asOfPosition', 'minPosition'].filter((n) => names.includes(n))]).toEqual([path, ['asOf', 'asOfPosition', 'minPosition']]);
    }
    const ui = await request(t.http).get('/api/v1/docs').expect(200);
    expect(ui.text).toContain('swagger');
    await request(t.http).get('/docs').expect(302).expect('Location', '/api/v1/docs');
  });

  it('answers an unknown route with a 404 problem+json and no stack', async () => {
    const res = await request(t.http).get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/no-such-thing' });
    expect(res.body.type).toMatch(/^urn:lagesbild:problem:/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('hardening', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends security headers and no framework banner', async () => {
    const res = await request(t.http).get('/api/v1/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers a body over the limit with 413 problem+json and writes nothing', async () => {
    const reporter = await t.as('municipal_reporter', '2085');
    const before = await t.store.headPosition();
    const res = await request(t.http)
      .put(`/api/v1/org-units/2085/reports/${new Date().toISOString().slice(0, 7)}`)
      .set(reporter)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ templateVersion: 1, answers: [], summary: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await t.store.headPosition()).toBe(before);
  });
});

describe('metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('exposes Prometheus metrics: the log head, projection lag, commits and request durations by route', async () => {
    const reporter = await t.as('municipal_reporter', '2085');
    await request(t.http)
      .put(`/api/v1/org-units/2085/reports/${new Date().toISOString().slice(0, 7)}`)
      .set(reporter)
      .send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 1 }] })
      .expect(201);
    await request(t.http).get('/metrics').expect(200);
    const res = await request(t.http).get('/api/v1/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^lagesbild_event_log_head_position 1$/m);
    expect(res.text).toMatch(/^lagesbild_event_log_appends_total 1$/m);
    expect(res.text).toMatch(new RegExp(`^lagesbild_projection_lag_events\\{projection="report-summaries@v${reportSummaryProjection.version}"\\} \\d+$`, 'm'));
    expect(res.text).toMatch(/lagesbild_http_request_duration_seconds_count\{method="PUT",route="\/api\/v1\/org-units\/:code\/reports\/:period",status="201"\} 1/);
  });
});

describe('projections that stop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows a stopped projection thread in /health (503, why, when again, how far behind) and in /metrics, and starts it again by itself', async () => {
    const reporter = await t.as('municipal_reporter', '2085');
    const period = new Date().toISOString().slice(0, 7);
    const first = await request(t.http)
      .put(`/api/v1/org-units/2085/reports/${period}`)
      .set(reporter)
      .send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 1 }] })
      .expect(201);
    await request(t.http).get(`/api/v1/org-units/2085/situation?period=${period}&minPosition=${first.body.position}`).set(reporter).expect(200);
    const summaries = `report-summaries@v${reportSummaryProjection.version}`;
    // The projections' check: under `info` while up, under `checks` in the 503 problem.
    const lagOf = (check: { projections: Array<{ name: string; lag: string; lagSeconds: number }> }) => check.projections.find((p) => p.name === 'report-summaries');
    expect(lagOf((await request(t.http).get('/api/v1/health').expect(200)).body.info.projections)).toMatchObject({ lag: '0', lagSeconds: 0 });

    // The thread dies as on a fatal error (out of memory, a crash in native code): reached through privates, as nothing else may.
    const thread = t.app.get(PROJECTION_HOST) as { worker: Worker };
    const diedAt = Date.now();
    await thread.worker.terminate();
    // Writes go on meanwhile; the views fall behind. The api starts the projections again a second after they stopped.
    const amended = await request(t.http)
      .post(`/api/v1/org-units/2085/reports/${period}/amendments`)
      .set(reporter)
      .send({ answers: [{ item: 'social-risk.level', value: 3 }], reason: 'Ny uppgift' })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await request(t.http).get('/api/v1/health').expect(503);
    expect(health.body.checks.projections).toMatchObject({ status: 'down', stopped: 'The projection thread ended (exit code 1)' });
    expect(Date.parse(health.body.checks.projections.restartAt)).toBeGreaterThanOrEqual(diedAt + 1000);
    expect(Date.parse(health.body.checks.projections.restartAt)).toBeLessThan(Date.now() + 1000);
    const behind = lagOf(health.body.checks.projections);
    expect(behind?.lag).toBe('1');
    expect(behind?.lagSeconds).toBeGreaterThanOrEqual(0.05);
    const stoppedMetrics = (await request(t.http).get('/metrics').expect(200)).text;
    expect(stoppedMetrics).toMatch(/^lagesbild_projections_stopped 1$/m);
    expect(stoppedMetrics).toMatch(new RegExp(`^lagesbild_projection_lag_events\\{projection="${summaries}"\\} 1$`, 'm'));
    const seconds = Number(new RegExp(`^lagesbild_projection_lag_seconds\\{projection="${summaries}"\\} (\\S+)$`, 'm').exec(stoppedMetrics)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(0.05);

    // Started again, the projections apply what was written meanwhile.
    const seen = await request(t.http).get(`/api/v1/org-units/2085/situation?period=${period}&minPosition=${amended.body.position}`).set(reporter).expect(200);
    expect(seen.body.reported).toBe(true);
    const again = await request(t.http).get('/api/v1/health').expect(200);
    expect(again.body.info.projections.status).toBe('up');
    expect(lagOf(again.body.info.projections)).toMatchObject({ lag: '0', lagSeconds: 0 });
    expect((await request(t.http).get('/metrics').expect(200)).text).toMatch(/^lagesbild_projections_stopped 0$/m);
  });
});

describe('rate limit per token and address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After past the limit, for bad tokens too, and keeps each token apart', async () => {
    const kim = await t.as('municipal_reporter', '2085');
    for (let i = 0; i < 3; i += 1) await request(t.http).get('/api/v1/org-units/2085').set(kim).expect(200);
    const limited = await request(t.http).get('/api/v1/org-units/2085').set(kim).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429 });
    expect(limited.headers['x-content-type-options']).toBe('nosniff');
    // Another token from the same address has its own allowance.
    await request(t.http).get('/api/v1/org-units/2080').set(await t.as('municipal_reporter', '2080')).expect(200);
    // A flood of forged tokens is limited before it is even checked.
    const forged = { Authorization: 'Bearer not.a.token' };
    for (let i = 0; i < 3; i += 1) await request(t.http).get('/api/v1/org-units/2085').set(forged).expect(401);
    await request(t.http).get('/api/v1/org-units/2085').set(forged).expect(429);
    // Health stays reachable for the operators' probes.
    for (let i = 0; i < 5; i += 1) await request(t.http).get('/api/v1/health').expect(200);
  });
});
