import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedStore } from '@lagesbild/simulation';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixturesDir = join(root, 'bench', '.tmp', 'fixtures');

/** The end of every fixture's history, fixed so a fixture is the same on every run and machine. */
export const FIXTURE_UNTIL = new Date('2026-11-01T00:00:00Z');

export interface Fixture {
  dataDir: string;
  years: number;
  events: number;
}

/**
 * `seed --national --years N --seed 1` into bench/.tmp/fixtures, made once and reused (seeding
 * ten years takes about half a minute). The views are not part of the fixture.
 */
export async function nationalHistory(years: number): Promise<Fixture> {
  const dataDir = join(fixturesDir, `national-${years}y`);
  const marker = join(dataDir, 'seeded.json');
  if (existsSync(marker)) return { dataDir, years, events: (JSON.parse(readFileSync(marker, 'utf8')) as { events: number }).events };
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  console.log(`Seeding ${years} year(s) of national history into ${dataDir} (once)…`);
  const result = await seedStore({ dataDir }, { scope: 'national', years, seed: 1, until: FIXTURE_UNTIL });
  writeFileSync(marker, JSON.stringify(result));
  return { dataDir, years, events: result.events };
}

export interface RebuildOutput {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMB: number;
}

let built = false;

/** `npm run build` once per benchmark run: the product runs from dist/ in production. */
export function ensureBuilt(): void {
  if (built) return;
  console.log('Building dist/ (npm run build)…');
  const run = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('npm run build failed');
  built = true;
}

/**
 * Runs `rebuild` from the build (`node dist/apps/cli/src/main.js rebuild`, as in production)
 * on a data dir as its own process, and returns what it printed. (Through the TypeScript dev
 * loader of `npm run cli` the same process carries about 150 MB more.)
 */
export function cliRebuild(dataDir: string): RebuildOutput {
  ensureBuilt();
  const run = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), 'rebuild'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (run.status !== 0) throw new Error(`rebuild failed with ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as RebuildOutput;
}
