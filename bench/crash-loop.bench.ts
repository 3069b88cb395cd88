/**
 * Crash loop: the api as a child process on a temp DATA_DIR, 16 clients submitting reports,
 * amendments, risks and actions with Idempotency-Keys (retrying on connection errors as a
 * real client does), the api killed with SIGKILL at random moments 20 times and restarted.
 * Afterwards every acknowledged command must be in the log exactly once, `verify` ok, and
 * the views equal to a rebuild from zero.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashLoop } from '../test/support/crash-loop.js';
import { printTable, writeResults } from './support/measure.js';

const KILLS = Number(process.argv[2] ?? 20);
const CLIENTS = 16;
const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-crash-loop-'));
try {
  const result = await crashLoop({ dataDir, port: 3431, kills: KILLS, clients: CLIENTS, killEveryMs: [100, 1500], onProgress: (line) => console.log(line) });
  printTable([
    { measure: 'kills (SIGKILL)', value: result.kills },
    { measure: 'commands acknowledged (2xx)', value: result.acknowledged },
    { measure: 'retries after connection errors', value: result.retries },
    { measure: 'lost (acknowledged, not in the log)', value: result.lost },
    { measure: 'duplicated (in the log twice)', value: result.duplicated },
    { measure: 'events in the log', value: result.events },
    { measure: 'verify', value: result.verifyOk ? 'ok' : 'BROKEN' },
    { measure: 'views = rebuild from zero', value: result.viewsMatchRebuild ? 'yes' : 'NO' },
  ]);
  const met = result.kills >= 20 && result.lost === 0 && result.duplicated === 0 && result.verifyOk && result.viewsMatchRebuild;
  console.log(`goal: ≥ 20 kills, 0 lost, 0 duplicated, verify ok, views = rebuild: ${met ? 'met' : 'MISSED'}`);
  console.log(`written to ${writeResults('crash-loop', { method: `${CLIENTS} clients with Idempotency-Keys, SIGKILL at a random moment after each life of the api has acknowledged a few commands`, ...result, met })}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
