import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { LocalTokens } from '@lagesbild/auth';
import { SqliteEventStore } from '@lagesbild/event-store';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { startApiProcess } from './support/api-process.js';

const SECRET = 'shutdown-secret-shutdown-secret-shutdown-secret';
const PORT = 3517;

describe('graceful shutdown of the api process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('on SIGTERM finishes what it acknowledged, loses none of it, and exits 0 within 10 s', async () => {
    const { child: api, base, exited } = await startApiProcess(PORT, { DATA_DIR: dataDir, AUTH_SECRET: SECRET, LOG_LEVEL: 'warn' }, ['ignore', 'ignore', 'pipe']);

    const tokens = new LocalTokens(SECRET);
    const municipalities = OrgUnitRegistry.sweden().children('20').map((m) => m.code);
    const body = JSON.stringify({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 2 }] });
    const submissions = await Promise.all(
      municipalities.flatMap((code) =>
        ['2018-01', '2018-02', '2018-03', '2018-04'].map(async (period) => ({
          code,
          period,
          token: await tokens.mint({ id: `r-${code}`, name: code, roles: ['municipal_reporter'], org: code }),
        })),
      ),
    );
    const answers = submissions.map(({ code, period, token }) =>
      fetch(`${base}/org-units/${code}/reports/${period}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      }).then(
        async (res) => ({ code, period, status: res.status, position: res.ok ? ((await res.json()) as { position: string }).position : undefined }),
        () => ({ code, period, status: 0, position: undefined }),
      ),
    );
    // Stop it as soon as the first answer is back, with the others in flight.
    await Promise.race(answers);
    const stoppedAt = Date.now();
    api.kill('SIGTERM');
    const results = await Promise.all(answers);
    expect(await exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    const acknowledged = results.filter((r) => r.status === 201);
    expect(acknowledged.length).toBeGreaterThan(1);
    // Each request either got its answer or was refused outright: none was cut off with a 5xx.
    expect(results.every((r) => r.status === 201 || r.status === 0)).toBe(true);
    const store = new SqliteEventStore({ file: join(dataDir, 'events.db') });
    try {
      for (const { code, period, position } of acknowledged) {
        const [event] = await store.readStream(`situation-report-${code}-${period}`);
        expect({ code, period, position: event?.position.toString() }).toEqual({ code, period, position });
      }
      expect((await store.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
