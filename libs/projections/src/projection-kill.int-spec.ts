import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openEventStore } from '@lagesbild/event-store';
import { runUntilKilled } from '@lagesbild/event-store/testing';
import { seedStore } from '@lagesbild/simulation';
import { ALL_PROJECTIONS } from './index.js';
import { checkpointName } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { SqliteViewStore } from './sqlite/sqlite-view-store.js';

const child = fileURLToPath(new URL('./testing/project-until-killed.ts', import.meta.url));
// The child reaches @lagesbild/* through tsconfig.json's paths, read from its working directory.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const until = new Date('2026-11-23T12:00:00Z');
const names = ALL_PROJECTIONS.map((p) => checkpointName(p));

/**
 * Runs the projecting child on `dataDir` until it has committed a batch reaching `killAt`,
 * then SIGKILLs it. Resolves with the last position each projection reported committed.
 */
async function projectThenKill(dataDir: string, killAt: bigint): Promise<Map<string, bigint>> {
  const committed = new Map<string, bigint>();
  await runUntilKilled(
    child,
    [dataDir, '0', '25'],
    ([word, projection, position]) => {
      if (word === 'committed') committed.set(projection!, BigInt(position!));
      return [...committed.values()].some((p) => p >= killAt);
    },
    { cwd: repoRoot },
  );
  return committed;
}

async function checkpoints(file: string): Promise<Map<string, bigint>> {
  const views = new SqliteViewStore(file);
  try {
    return new Map(await Promise.all(names.map(async (name) => [name, await views.checkpoint(name)] as const)));
  } finally {
    await views.close();
  }
}

describe('a projection runner killed with SIGKILL mid catch-up', () => {
  let dataDir: string;
  let referenceDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-projection-kill-'));
    referenceDir = mkdtempSync(join(tmpdir(), 'lagesbild-projection-reference-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  });

  it('resumes from its checkpoints, twice killed, to the digest of a clean build', async () => {
    await seedStore({ dataDir }, { scope: 'demo', years: 2, seed: 7, until });

    // The reference: every projection built from zero to the head in one run, in this process.
    let store = openEventStore({ dataDir });
    const head = await store.headPosition();
    expect(head).toBeGreaterThan(500n);
    const reference = new SqliteViewStore(join(referenceDir, 'views.db'));
    const clean = new ProjectionRunner(store, reference, ALL_PROJECTIONS);
    await clean.start();
    await clean.stop();
    const referenceDigest = await reference.digest();
    await reference.close();
    await store.close();

    const file = join(dataDir, 'views.db');
    for (const killAt of [head / 3n, (2n * head) / 3n]) {
      const reported = await projectThenKill(dataDir, killAt);
      expect(reported.size).toBeGreaterThan(0); // at least one batch committed before the kill
      const stored = await checkpoints(file);
      for (const [name, position] of reported) {
        // Every batch the child saw committed survived the kill (and perhaps one or two more).
        expect(stored.get(name)).toBeGreaterThanOrEqual(position);
      }
      const positions = [...stored.values()];
      expect(positions.some((p) => p > 0n)).toBe(true);
      expect(positions.some((p) => p > 0n && p < head)).toBe(true); // killed mid catch-up
      expect(positions.every((p) => p < head)).toBe(true); // no projection had finished
    }

    // Resume in this process on the same views file.
    store = openEventStore({ dataDir });
    const views = new SqliteViewStore(file);
    try {
      const resumed = new ProjectionRunner(store, views, ALL_PROJECTIONS, { batchSize: 25 });
      await resumed.start();
      expect(resumed.status().projections.map((p) => p.position)).toEqual(names.map(() => head));
      await resumed.stop();
      expect(await views.digest()).toBe(referenceDigest);
    } finally {
      await views.close();
      await store.close();
    }
  }, 60_000);
});
