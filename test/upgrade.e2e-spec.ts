import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lagesbild/auth';
import { type TestApp, startTestApp } from './support/test-app.js';

/**
 * A log written by the release before this wave (commit ce0880f): the demo's history, support
 * cases (one subject in clear, one erased), a second template version answered and amended, an
 * issued report-back. `expected.json` holds that release's own answers to a set of queries as of
 * its last event; this release must open the same files and give the same answers (it may add
 * fields, never change one).
 */
const fixture = fileURLToPath(new URL('./fixtures/release-2026-11/', import.meta.url));
const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Record<string, { path: string; as: string; status: number; body: unknown }>;

describe('a log written by the earlier release', () => {
  let t: TestApp;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-upgrade-'));
    for (const file of ['events.db', 'keys.db']) cpSync(join(fixture, file), join(dataDir, file));
    t = await startTestApp({ DATA_DIR: dataDir });
  }, 60_000);
  afterAll(() => t.close());

  it.each(Object.keys(expected))('answers %s as that release did', async (name) => {
    const { path, as, status, body } = expected[name]!;
    const [role, org] = as.split(' ') as [Role, string];
    const res = await request(t.http).get(`/api/v1${path}`).set(await t.as(role, org));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject(body as object);
  });

  it('keeps its tamper evidence, its personal data sealed and erased as they were, and every event at schema version 1', async () => {
    const verification = await request(t.http).get('/api/v1/audit/verification?asOfPosition=773').set(await t.as('auditor', 'SE')).expect(200);
    expect(verification.body).toMatchObject({ ok: true, checked: 773 });
    const worker = await t.as('support_worker', '20');
    const [sealed, erased] = ['support case with subject', 'support case erased'].map((name) => expected[name]!.path.split('?')[0]!);
    expect((await request(t.http).get(`/api/v1${sealed}`).set(worker).expect(200)).body.subject).toEqual({ name: 'Zlatko Testberg-Åström', personalIdentityNumber: '19900101-2389', notes: 'Uppgifter från skolan' });
    expect((await request(t.http).get(`/api/v1${erased}`).set(worker).expect(200)).body.subject).toMatchObject({ erased: true, legalBasis: 'Dataskyddsförordningen art. 17.1 a' });
    for await (const event of t.store.readAll()) expect([event.type, event.schemaVersion]).toEqual([event.type, 1]);
  });

  it('refuses to regenerate a report-back made by the earlier renderer, as it must not hand out other bytes', async () => {
    const trail = await request(t.http).get('/api/v1/audit?type=ReportBackIssued').set(await t.as('auditor', 'SE')).expect(200);
    const id = (trail.body.items[0].data as { reportBackId: string }).reportBackId;
    const res = await request(t.http).get(`/api/v1/org-units/20/report-backs/${id}/document?format=pdf`).set(await t.as('county_analyst', '20')).expect(409);
    expect(res.body.detail).toMatch(/renderer version 1/);
  });
});
