import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedStore } from '@lagesbild/simulation';
import { type ApiProcess, startApiProcess } from './api-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The web app as `npm run build` leaves it in dist/web; built here if it is not (vite, about a second). */
export function ensureWebAppBuilt(): void {
  if (existsSync(join(root, 'dist/web/index.html'))) return;
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:web failed');
}

export interface DemoApi {
  api: ApiProcess;
  /** `http://127.0.0.1:<port>` — the web app's origin. */
  origin: string;
  stop(): Promise<void>;
}

/**
 * The real api as its own process on a temp DATA_DIR seeded with the demo county (as `npm run demo`),
 * serving the built web app. The history runs up to `until` (default now): the start of this month
 * leaves last month's reports all still to come, whatever day the test runs.
 */
export async function startDemoApi(port: number, { until = new Date() }: { until?: Date } = {}): Promise<DemoApi> {
  ensureWebAppBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'lagesbild-web-'));
  await seedStore({ dataDir }, { scope: 'demo', years: 2, seed: 1, until });
  const api = await startApiProcess(port, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT: '100000' });
  return {
    api,
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      api.child.kill('SIGTERM');
      await api.exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
