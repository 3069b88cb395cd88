import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

/** A small tmpfs for DATA_DIR: only root may mount one. */
function mountSmallDisk(dir: string): string | undefined {
  if (process.getuid?.() !== 0) return 'it needs root to mount a small tmpfs';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'mounting a tmpfs is not allowed here';
  }
}

/** Fills the disk with a file until it is full; returns its path. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return file;
}

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-disk-full-'));
const skipReason = mountSmallDisk(dir);
const period = (n: number) => `2019-${String(n).padStart(2, '0')}`;
const body = { templateVersion: 1, answers: [{ item: 'social-risk.level', value: 2 }] };

if (skipReason) {
  process.stderr.write(`\n  SKIPPED: disk-full test — ${skipReason}\n\n`);
  rmSync(dir, { recursive: true, force: true });
  describe('disk full', () => {
    test.skip(`SKIPPED — ${skipReason}`, () => undefined);
  });
} else {
  describe('disk full (DATA_DIR on a 24 MB tmpfs)', () => {
    let t: TestApp;
    let reporter: { Authorization: string };
    let filler: string;

    beforeAll(async () => {
      t = await startTestApp({ DATA_DIR: dir });
      reporter = await t.as('municipal_reporter', '2085');
    });
    afterAll(async () => {
      await t.close();
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses writes with a clear 503 while the disk is full, keeps what it acknowledged, keeps reading, and writes again once there is room', async () => {
      for (let n = 1; n <= 3; n += 1) await request(t.http).put(`/api/v1/org-units/2085/reports/${period(n)}`).set(reporter).send(body).expect(201);
      const before = await t.store.headPosition();
      filler = fill(dir);

      let refused: request.Response | undefined;
      for (let n = 4; n <= 12 && !refused; n += 1) {
        const res = await request(t.http).put(`/api/v1/org-units/2085/reports/${period(n)}`).set(reporter).send(body);
        if (res.status === 503) refused = res;
        else expect(res.status).toBe(201); // the last pages of the disk may still take one
      }
      expect(refused).toBeDefined();
      expect(refused!.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused!.headers['retry-after']).toBeDefined();
      expect(refused!.body.detail).toMatch(/disk .* is full/);

      // Reads go on, and nothing acknowledged is lost.
      for (let n = 1; n <= 3; n += 1) {
        const report = await request(t.http).get(`/api/v1/org-units/2085/reports/${period(n)}`).set(reporter).expect(200);
        expect(report.body).toMatchObject({ orgUnit: '2085', period: period(n) });
      }
      expect(await t.store.headPosition()).toBeGreaterThanOrEqual(before);

      rmSync(filler);
      const again = await request(t.http).put(`/api/v1/org-units/2085/reports/2020-01`).set(reporter).send(body).expect(201);
      const seen = await request(t.http).get(`/api/v1/org-units/2085/situation?period=2020-01&minPosition=${again.body.position}`).set(reporter).expect(200);
      expect(seen.body.reported).toBe(true);
      for (let n = 1; n <= 3; n += 1) expect((await t.store.readStream(`situation-report-2085-${period(n)}`)).length).toBe(1);
      expect((await t.store.verify()).ok).toBe(true);
    }, 60_000);
  });
}
