/**
 * Mixed load against the api on Dalarna's demo history: 80 % reads (county and municipality
 * situation, county and municipality trends) and 20 % writes (a new report, then an amendment
 * of it), at rising rates until p99 passes 50 ms; beside it the same rates against a bare
 * NestJS endpoint that does no work. Then a sustained run at a held rate: the api's RSS after
 * one minute and at the end (LOAD_MINUTES, default 10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalTokens } from '@lagesbild/auth';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { seedStore } from '@lagesbild/simulation';
import { printTable, writeResults } from './support/measure.js';
import { type PlannedRequest, openLoop } from './support/open-loop.js';
import { startServer } from './support/servers.js';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const STEP_S = 10;
const RATES = [100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000];
const MINUTES = Number(process.env.LOAD_MINUTES ?? 10);
const UNTIL = new Date('2026-11-01T00:00:00Z');

const tokens = new LocalTokens(SECRET);
const analyst = `Bearer ${await tokens.mint({ id: 'bench-analyst', name: 'Analytiker', roles: ['county_analyst'], org: '20' })}`;
const municipalities = OrgUnitRegistry.sweden().all('municipality').map((m) => m.code);
const reporters = new Map<string, string>();
for (const code of municipalities) reporters.set(code, `Bearer ${await tokens.mint({ id: `bench-${code}`, name: code, roles: ['municipal_reporter'], org: code })}`);

const READS = [
  '/api/v1/org-units/20/situation?period=2026-06',
  '/api/v1/org-units/2085/situation?period=2026-06',
  '/api/v1/org-units/20/trends?area=social-risk&from=2025-01&to=2026-10',
  '/api/v1/org-units/2085/trends?item=andt.level&from=2025-01&to=2026-10',
];
const reportBody = JSON.stringify({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 2, trend: 'rising' }, { item: 'andt.level', value: 1 }] });
const amendBody = JSON.stringify({ answers: [{ item: 'social-risk.level', value: 3 }], reason: 'Rättelse' });
let written = 0;

/**
 * Ten requests a cycle: eight reads, a new report (1990–2019, any municipality) and an
 * amendment of a report whose submission has been answered (as a user amends what they
 * sent; a read instead when none is waiting).
 */
function mixed(): () => PlannedRequest {
  let n = 0;
  const submitted: Array<{ path: string; code: string }> = [];
  return (): PlannedRequest => {
    const slot = n++ % 10;
    if (slot === 4) {
      const w = written++;
      const code = municipalities[w % municipalities.length]!;
      const months = Math.floor(w / municipalities.length);
      const path = `/api/v1/org-units/${code}/reports/${1990 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
      return {
        method: 'PUT',
        path,
        body: reportBody,
        headers: { authorization: reporters.get(code)!, 'content-type': 'application/json' },
        onDone: (status) => status === 201 && submitted.push({ path, code }),
      };
    }
    const amend = slot === 9 ? submitted.shift() : undefined;
    if (amend) {
      return { method: 'POST', path: `${amend.path}/amendments`, body: amendBody, headers: { authorization: reporters.get(amend.code)!, 'content-type': 'application/json' } };
    }
    return { method: 'GET', path: READS[slot % READS.length]!, headers: { authorization: analyst } };
  };
}

const bareRequest = (): PlannedRequest => ({ method: 'GET', path: '/health' });

async function climb(url: string, next: () => () => PlannedRequest, label: string) {
  const steps: Array<Awaited<ReturnType<typeof openLoop>>> = [];
  for (const rate of RATES) {
    const s = await openLoop(url, rate, STEP_S, next());
    steps.push(s);
    console.log(`${label} at ${rate}/s: ${s.achieved}/s, p50 ${s.p50} ms, p99 ${s.p99} ms, non-2xx ${s.non2xx} ${JSON.stringify(s.statuses)}, errors ${s.errors}`);
    if (s.p99 > 50) break;
  }
  const held = steps.filter((s) => s.p99 <= 25 && s.non2xx === 0 && s.errors === 0);
  return { steps, heldRate: held.length ? Math.max(...held.map((s) => s.rate)) : 0 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-load-'));
try {
  console.log('Seeding the demo history…');
  await seedStore({ dataDir }, { scope: 'demo', years: 2, seed: 1, until: UNTIL });
  const api = await startServer('apps/api/src/main.ts', 3441, { DATA_DIR: dataDir, AUTH_SECRET: SECRET, RATE_LIMIT: '100000000' });
  const bare = await startServer('bench/support/bare-nest-app.ts', 3442);
  let mixedRun;
  let bareRun;
  let memory;
  try {
    await openLoop(api.url, 100, 3, mixed()); // warm-up
    mixedRun = await climb(api.url, mixed, 'mixed');
    bareRun = await climb(bare.url, () => bareRequest, 'bare');
    const sustained = Math.max(100, Math.round((mixedRun.heldRate || 100) * 0.6));
    console.log(`Sustained mixed load at ${sustained}/s for ${MINUTES} min…`);
    const load = mixed();
    const first = await openLoop(api.url, sustained, 60, load);
    const rssAfter1 = api.rssMB();
    const rest = MINUTES > 1 ? await openLoop(api.url, sustained, (MINUTES - 1) * 60, load) : first;
    const rssAtEnd = api.rssMB();
    memory = { rate: sustained, minutes: MINUTES, rssAfter1MinMB: rssAfter1, rssAtEndMB: rssAtEnd, growth: Number((rssAtEnd / rssAfter1 - 1).toFixed(3)), firstMinute: first, rest };
  } finally {
    await api.stop();
    await bare.stop();
  }
  const ratio = bareRun.heldRate ? mixedRun.heldRate / bareRun.heldRate : 0;
  printTable([
    { measure: 'mixed: highest rate held at p99 ≤ 25 ms', value: mixedRun.heldRate },
    { measure: 'bare endpoint: highest rate held at p99 ≤ 25 ms', value: bareRun.heldRate },
    { measure: 'mixed / bare', value: Number(ratio.toFixed(2)) },
    { measure: `RSS after 1 min (MB)`, value: memory.rssAfter1MinMB },
    { measure: `RSS after ${MINUTES} min (MB)`, value: memory.rssAtEndMB },
  ]);
  const met = { rate: mixedRun.heldRate >= 500, ratio: ratio >= 0.3, memory: memory.growth <= 0.2 };
  console.log(`goals: ≥ 500 mixed/s at p99 ≤ 25 ms (${met.rate ? 'met' : 'MISSED'}), ≥ 0.3 × bare (${met.ratio ? 'met' : 'MISSED'}), RSS within 20 % (${met.memory ? 'met' : 'MISSED'})`);
  console.log(
    `written to ${writeResults('load', {
      method: `open loop (requests leave at evenly spaced planned moments; latency from the planned moment), fixed rates ${STEP_S} s each, rising until p99 > 50 ms; mixed = 80 % reads (situation, trends), 20 % writes (report + amendment); bare = GET on a NestJS app doing nothing`,
      mixed: mixedRun,
      bare: bareRun,
      ratio: Number(ratio.toFixed(3)),
      memory,
      goals: { mixedRate: 500, ratioToBare: 0.3, rssGrowth: 0.2 },
      met,
    })}`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
