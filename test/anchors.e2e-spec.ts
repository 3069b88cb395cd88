import { type ChildProcess, spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { rewriteHistory } from '@lagesbild/event-store/testing';
import { type TestApp, startTestApp } from './support/test-app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const now = new Date();
const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
const [from, to] = [month(2), month(1)];

/** `npm run cli -- verify …` as its own process on a DATA_DIR: its exit code and its one line of JSON. */
function cliVerify(dataDir: string, ...args: string[]): Promise<{ code: number | null; answer: Record<string, unknown> }> {
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', join(root, 'apps/cli/src/main.ts'), 'verify', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, answer: JSON.parse(out.trim().split('\n').pop() ?? '{}') })));
}

describe('anchors: issued report-backs and signed checkpoints', () => {
  let t: TestApp;
  let analyst: { Authorization: string };
  let auditor: { Authorization: string };
  let issued: request.Response;
  /** The report whose level the insider changes: the last event before the issue, so the document's digest is of it. */
  let reportPosition: string;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.as('county_analyst', '20', 'Li Län');
    auditor = await t.as('auditor', 'SE');
    const ludvika = await t.as('municipal_reporter', '2085');
    await request(t.http).put(`/api/v1/org-units/2085/reports/${from}`).set(ludvika).send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 1 }] }).expect(201);
    const report = await request(t.http).put(`/api/v1/org-units/2085/reports/${to}`).set(ludvika).send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 3 }] }).expect(201);
    reportPosition = report.body.position;
    issued = await request(t.http)
      .post('/api/v1/org-units/20/report-backs')
      .set(analyst)
      .send({ from, to, title: 'Delrapport Sociala risker', reference: 'Ku2017/01428/DISK' })
      .expect(201);
  }, 30_000);
  let stopped = false;
  afterAll(async () => {
    if (!stopped) await t.app.close();
    await rm(t.dataDir, { recursive: true, force: true });
  });

  it('answers an issue with the log digest it was made from, and prints it in the document', async () => {
    const hash = (await t.store.readStream(`situation-report-2085-${to}`))[0]!.hash;
    expect(issued.body.logDigest).toEqual({ position: reportPosition, hash });
    expect(issued.body.asOfPosition).toBe(reportPosition);
    const markdown = await request(t.http).get(`/api/v1/org-units/20/report-backs/${issued.body.id}/document?format=md`).set(analyst).expect(200);
    expect(markdown.text).toContain(hash);
  });

  it("lists a county's issued report-backs with who issued them, their digests and the PDF's SHA-256", async () => {
    const list = await request(t.http).get('/api/v1/org-units/20/report-backs').set(analyst).expect(200);
    expect(list.body.items).toEqual([
      {
        id: issued.body.id,
        title: 'Delrapport Sociala risker',
        reference: 'Ku2017/01428/DISK',
        from,
        to,
        issuedAt: expect.any(String),
        issuedBy: 'Li Län',
        logDigest: issued.body.logDigest,
        sha256: issued.body.sha256,
      },
    ]);
    expect((await request(t.http).get('/api/v1/org-units/01/report-backs').set(await t.as('county_analyst', '01')).expect(200)).body.items).toEqual([]);
    const national = await request(t.http).get('/api/v1/org-units/20/report-backs').set(await t.as('national_reader', 'SE')).expect(200);
    expect(national.body.items).toHaveLength(1);
    await request(t.http).get('/api/v1/org-units/20/report-backs').set(await t.as('county_analyst', '01')).expect(403);
    await request(t.http).get('/api/v1/org-units/20/report-backs').set(await t.as('municipal_reporter', '2085')).expect(403);
    await request(t.http).get('/api/v1/org-units/20/report-backs').expect(401);
    await request(t.http).get('/api/v1/org-units/9999/report-backs').set(await t.as('national_reader', 'SE')).expect(404);
  });

  it('signs a checkpoint at the issue that anyone can check with the published key and node:crypto', async () => {
    const page = await request(t.http).get('/api/v1/audit/checkpoints').set(auditor).expect(200);
    const atIssue = page.body.items.find((c: { position: string }) => c.position === issued.body.position);
    expect(atIssue).toMatchObject({ position: issued.body.position, hash: (await t.store.readStream(`report-back-${issued.body.id}`))[0]!.hash });
    expect(atIssue.signedText).toContain(`position ${atIssue.position}\nhash ${atIssue.hash}\nat ${atIssue.at}`);
    const pem = await request(t.http).get('/api/v1/audit/checkpoints/public-key').set(await t.as('national_reader', 'SE')).expect(200);
    expect(pem.headers['content-type']).toMatch(/^application\/x-pem-file/);
    expect(verify(null, Buffer.from(atIssue.signedText), createPublicKey(pem.text), Buffer.from(atIssue.signature, 'base64'))).toBe(true);
    const later = await request(t.http).get(`/api/v1/audit/checkpoints?after=${issued.body.position}`).set(auditor).expect(200);
    expect(later.body.items).toEqual([]);
  });

  it('names the bad field of a checkpoint or verification query, and keeps checkpoints from those without audit access', async () => {
    const bad = await request(t.http).get('/api/v1/audit/checkpoints?after=soon').set(auditor).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'after', message: expect.any(String) }]);
    const anchor = await request(t.http).get('/api/v1/audit/verification?anchor=3:beef').set(auditor).expect(400);
    expect(anchor.body.errors).toEqual([{ path: 'anchor', message: expect.stringContaining('POSITION:HASH') }]);
    await request(t.http).get('/api/v1/audit/verification?checkpoints=maybe').set(auditor).expect(400);
    await request(t.http).get('/api/v1/audit/checkpoints').expect(401);
    await request(t.http).get('/api/v1/audit/checkpoints').set(await t.as('municipal_reporter', '2085')).expect(403);
    await request(t.http).get('/api/v1/audit/checkpoints/public-key').set(await t.as('support_worker', '20')).expect(403);
  });

  it('catches an insider who changes a report and recomputes the chain: plain verify passes, the anchors and checkpoints do not', async () => {
    const anchor = `${issued.body.logDigest.position}:${issued.body.logDigest.hash}`;
    expect((await request(t.http).get(`/api/v1/audit/verification?anchor=${anchor}&checkpoints=true`).set(auditor).expect(200)).body).toMatchObject({ ok: true });

    // The insider stops the api, edits events.db with the formula in hash-chain.ts, and starts it again.
    const dataDir = t.dataDir;
    await t.app.close();
    stopped = true;
    rewriteHistory(join(dataDir, 'events.db'), Number(reportPosition), (data) => ({
      ...data,
      answers: [{ item: 'social-risk.level', value: 0 }],
    }));
    const again = await startTestApp({ DATA_DIR: dataDir });
    try {
      const verification = (query: string) => request(again.http).get(`/api/v1/audit/verification${query}`).set(auditor).expect(200);
      expect((await verification('')).body).toMatchObject({ ok: true });
      expect((await verification(`?anchor=${anchor}`)).body).toMatchObject({ ok: false, firstBrokenPosition: reportPosition });
      expect((await verification('?checkpoints=true')).body).toMatchObject({ ok: false, firstBrokenPosition: issued.body.position });
    } finally {
      await again.close();
    }
    expect(await cliVerify(dataDir)).toMatchObject({ code: 0, answer: { ok: true } });
    expect(await cliVerify(dataDir, '--anchor', anchor)).toMatchObject({ code: 1, answer: { ok: false, firstBrokenPosition: reportPosition } });
    expect(await cliVerify(dataDir, '--checkpoints')).toMatchObject({ code: 1, answer: { ok: false, firstBrokenPosition: issued.body.position } });
  }, 90_000);
});
