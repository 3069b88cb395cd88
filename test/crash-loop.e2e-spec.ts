import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { crashLoop } from './support/crash-loop.js';

describe('crash loop (reduced): the api killed with SIGKILL again and again under writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-crash-loop-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged command exactly once, the hash chain, and views equal to a rebuild', async () => {
    const result = await crashLoop({ dataDir, port: 3519, kills: 4, clients: 6, killEveryMs: [300, 900] });
    process.stderr.write(`\n  crash loop: ${JSON.stringify(result)}\n`);
    expect(result.acknowledged).toBeGreaterThan(20);
    expect(result).toMatchObject({ lost: 0, duplicated: 0, verifyOk: true, viewsMatchRebuild: true });
  }, 120_000);
});
