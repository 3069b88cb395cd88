/**
 * Situation-report submissions over HTTP with 1 and 32 concurrent clients: each request a
 * new report (a municipality and a month), durable before it is answered. Beside it, in the
 * same run, a bare NestJS endpoint that does no work: the framework's own ceiling here.
 * Both servers run as their own processes; autocannon drives them from this one.
 */
import autocannon from 'autocannon';
import { LocalTokens } from '@lagesbild/auth';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { printTable, writeResults } from './support/measure.js';
import { startServer } from './support/servers.js';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const DURATION_S = 6;
/** Each server first serves this long at 32 clients, unmeasured: its code is compiled and its heap grown, as in a server that has been up a while. */
const WARM_UP_S = 8;

const municipalities = OrgUnitRegistry.sweden().all('municipality').map((m) => m.code);
const tokens = new LocalTokens(SECRET);
const auth = new Map<string, string>();
for (const code of municipalities) {
  auth.set(code, `Bearer ${await tokens.mint({ id: `bench-${code}`, name: `Bench ${code}`, roles: ['municipal_reporter'], org: code })}`);
}

const body = JSON.stringify({
  templateVersion: 1,
  answers: [
    { item: 'social-risk.level', value: 2, trend: 'rising', comment: 'Oro kring centrum', sources: ['school'] },
    { item: 'social-risk.fires-vandalism', value: 3 },
    { item: 'crime-prevention.level', value: 1, trend: 'unchanged' },
    { item: 'violent-extremism.level', value: 1 },
    { item: 'andt.level', value: 2, trend: 'falling' },
    { item: 'andt.doping', value: false },
  ],
  sources: ['school', 'municipal-police'],
  summary: 'Lugnt i stort, viss oro i centrum.',
});

/** The n-th distinct report: municipalities first, then months back from 2020-12. */
function reportPath(n: number): { path: string; token: string } {
  const code = municipalities[n % municipalities.length]!;
  const monthsBack = Math.floor(n / municipalities.length);
  const year = 2020 - Math.floor(monthsBack / 12);
  const month = 12 - (monthsBack % 12);
  return { path: `/api/v1/org-units/${code}/reports/${year}-${String(month).padStart(2, '0')}`, token: auth.get(code)! };
}

async function run(url: string, connections: number, submit: boolean, offset: { n: number }, duration = DURATION_S) {
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: submit ? 'PUT' : 'POST',
        setupRequest: (request) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (!submit) return { ...request, path: '/bare', body, headers };
          const { path, token } = reportPath(offset.n++);
          return { ...request, path, body, headers: { ...headers, authorization: token } };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answered: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main() {
  const api = await startServer('apps/api/src/main.ts', 3401, { AUTH_SECRET: SECRET });
  const bare = await startServer('bench/support/bare-nest-app.ts', 3402);
  const offset = { n: 0 };
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, Awaited<ReturnType<typeof run>>> = {};
  try {
    process.stderr.write(`warming up both servers (${WARM_UP_S} s each at 32 clients, not measured)…\n`);
    await run(`${bare.url}`, 32, false, offset, WARM_UP_S);
    await run(`${api.url}`, 32, true, offset, WARM_UP_S);
    for (const connections of [1, 32]) {
      process.stderr.write(`bare endpoint, ${connections} client(s)…\n`);
      results[`bare-${connections}`] = await run(`${bare.url}`, connections, false, offset);
      process.stderr.write(`submissions, ${connections} client(s)…\n`);
      results[`submit-${connections}`] = await run(`${api.url}`, connections, true, offset);
    }
  } finally {
    await api.stop();
    await bare.stop();
  }
  for (const [name, r] of Object.entries(results)) {
    rows.push({ scenario: name, 'req/s': r.requestsPerSecond, 'p50 ms': r.p50, 'p99 ms': r.p99, answered: r.answered, 'non-2xx': r.non2xx, errors: r.errors });
  }
  printTable(rows);
  const at32 = results['submit-32']!;
  const ratios = { submitVsBareAt32: at32.requestsPerSecond / results['bare-32']!.requestsPerSecond };
  const goals = { submissionsPerSecondAt32: 1000 };
  const met = { submissionsPerSecondAt32: at32.requestsPerSecond >= goals.submissionsPerSecondAt32 && at32.non2xx === 0 };
  console.log(
    `\n32 clients: ${at32.requestsPerSecond.toFixed(0)} durable submissions/s (goal ≥ ${goals.submissionsPerSecondAt32}) ${met.submissionsPerSecondAt32 ? 'MET' : 'MISSED'}; ` +
      `${(ratios.submitVsBareAt32 * 100).toFixed(0)} % of the bare endpoint's rate`,
  );
  const file = writeResults('commands', {
    durationSeconds: DURATION_S,
    method: `autocannon against the api (own process, embedded SQLite, LOG_LEVEL=warn) and a bare NestJS POST route (own process); each submission a new report; each server warmed up first for ${WARM_UP_S} s at 32 clients (not measured)`,
    results,
    ratios,
    goals,
    met,
  });
  console.log(`results: ${file}`);
}

await main();
