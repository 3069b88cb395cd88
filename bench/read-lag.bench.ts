/**
 * Read lag: the time from a command's answer to its effect being visible in the view. Each
 * sample submits a report (PUT) and, as soon as the answer arrives, asks the municipality's
 * situation with `minPosition` = the answer's position: the query returns once the views hold
 * it. Beside it, in the same run, the same query without waiting (its plain round trip): the
 * lag is the difference.
 */
import { LocalTokens } from '@lagesbild/auth';
import { nowMs, percentile, printTable, writeResults } from './support/measure.js';
import { startServer } from './support/servers.js';

const SAMPLES = 300;
const SECRET = 'bench-secret-long-enough-for-hs256-signing';
const GOAL_P99_MS = 10;

const server = await startServer('apps/api/src/main.ts', 3421, { AUTH_SECRET: SECRET });
const tokens = new LocalTokens(SECRET);
const token = `Bearer ${await tokens.mint({ id: 'bench', name: 'Bench', roles: ['municipal_reporter'], org: '2085' })}`;
const headers = { authorization: token, 'content-type': 'application/json' };

async function get(path: string): Promise<number> {
  const started = nowMs();
  const res = await fetch(`${server.url}${path}`, { headers });
  const body = (await res.json()) as { reported?: boolean };
  if (!res.ok || body.reported !== true) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return nowMs() - started;
}

const visible: number[] = [];
const plain: number[] = [];
try {
  for (let n = 0; n < SAMPLES + 20; n += 1) {
    const period = `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    const res = await fetch(`${server.url}/api/v1/org-units/2085/reports/${period}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: n % 5 }] }),
    });
    if (res.status !== 201) throw new Error(`submit ${period}: ${res.status}`);
    const { position } = (await res.json()) as { position: string };
    const lag = await get(`/api/v1/org-units/2085/situation?period=${period}&minPosition=${position}`);
    const roundTrip = await get(`/api/v1/org-units/2085/situation?period=${period}`);
    if (n >= 20) {
      visible.push(lag);
      plain.push(roundTrip);
    }
  }
} finally {
  await server.stop();
}
visible.sort((a, b) => a - b);
plain.sort((a, b) => a - b);
const lag = (p: number) => Math.max(0, percentile(visible, p) - percentile(plain, p));
printTable([
  { measure: 'query with minPosition right after the command', p50: percentile(visible, 50), p99: percentile(visible, 99) },
  { measure: 'the same query, no waiting (baseline round trip)', p50: percentile(plain, 50), p99: percentile(plain, 99) },
  { measure: 'read lag (difference)', p50: lag(50), p99: lag(99) },
]);
const met = percentile(visible, 99) <= GOAL_P99_MS;
console.log(`goal: the effect visible within ${GOAL_P99_MS} ms at p99 (query included): ${met ? 'met' : 'MISSED'}`);
const file = writeResults('read-lag', {
  method: `${SAMPLES} sequential submissions (after 20 warm-up); each followed at once by the situation query with minPosition, then the same query without it`,
  visibleMs: { p50: percentile(visible, 50), p99: percentile(visible, 99) },
  baselineRoundTripMs: { p50: percentile(plain, 50), p99: percentile(plain, 99) },
  lagMs: { p50: lag(50), p99: lag(99) },
  goal: { p99Ms: GOAL_P99_MS },
  met,
});
console.log(`written to ${file}`);
