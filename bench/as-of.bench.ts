/**
 * As-of queries over HTTP against the api on one year and on ten years of national history
 * (`seed --national --years 1|10`): county situation, national situation and a ten-year
 * trend, each as of random past positions. Beside them, the cost of answering the county
 * question by a full replay of the log up to that position (what the views spare us).
 * Both histories are served at once and asked each question in turn, so that the 10y/1y
 * ratio compares moments of the same machine, not one history's run with the other's.
 */
import { LocalTokens } from '@lagesbild/auth';
import { type Period, nextPeriod } from '@lagesbild/domain';
import { openEventStore } from '@lagesbild/event-store';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { median, nowMs, percentile, printTable, writeResults } from './support/measure.js';
import { FIXTURE_UNTIL, cliRebuild, nationalHistory } from './support/fixtures.js';
import { startServer } from './support/servers.js';

const SAMPLES = 300;
const WARM_UP = 10;
const REPLAYS = 5;
const SECRET = 'bench-secret-long-enough-for-hs256-signing';
const units = OrgUnitRegistry.sweden();
const dalarna = units.children('20').map((u) => u.code);

/** A deterministic sequence, so both histories are asked comparable questions. */
let state = 42;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};

const lastPeriod = (() => {
  const d = new Date(Date.UTC(FIXTURE_UNTIL.getUTCFullYear(), FIXTURE_UNTIL.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
})();
const periodsBack = (months: number): Period[] => {
  const all: Period[] = [];
  let p = new Date(Date.UTC(FIXTURE_UNTIL.getUTCFullYear(), FIXTURE_UNTIL.getUTCMonth() - months, 1)).toISOString().slice(0, 7);
  while (p <= lastPeriod) {
    all.push(p);
    p = nextPeriod(p);
  }
  return all;
};
const tenYears = periodsBack(120);

async function timed(url: string, token: string): Promise<number> {
  const started = nowMs();
  const res = await fetch(url, { headers: { authorization: token } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return nowMs() - started;
}

/** The county question answered without views: replay every event up to the position. */
async function replayCounty(dataDir: string, position: bigint, period: Period): Promise<number> {
  const store = openEventStore({ dataDir });
  try {
    const started = nowMs();
    const reports = new Map<string, Record<string, unknown>>();
    for await (const event of store.readAll({ toPosition: position, batchSize: 2000 })) {
      if (event.type !== 'SituationReportSubmitted' && event.type !== 'SituationReportAmended') continue;
      const data = event.data as { orgUnit: string; period: string; answers: Array<{ item: string }> };
      if (data.period !== period || !dalarna.includes(data.orgUnit)) continue;
      const answers = reports.get(data.orgUnit) ?? {};
      for (const a of data.answers) answers[a.item] = a;
      reports.set(data.orgUnit, answers);
    }
    return nowMs() - started;
  } finally {
    await store.close();
  }
}

/** A history served by the api as a user runs it: its fixture rebuilt, a server on it. */
async function serve(years: number, port: number) {
  const fixture = await nationalHistory(years);
  cliRebuild(fixture.dataDir);
  const server = await startServer('apps/api/src/main.ts', port, { DATA_DIR: fixture.dataDir, AUTH_SECRET: SECRET });
  const periods = periodsBack(12 * years);
  /** The question at a fraction of this history: a position that far into it, and the period then reported on. */
  const at = (fraction: number) => ({
    position: BigInt(Math.max(1, Math.floor(fraction * fixture.events))),
    period: periods[Math.max(0, Math.floor(fraction * periods.length) - 1)]!,
  });
  return { years, fixture, server, at };
}

const queries = {
  'county situation': ({ position, period }: { position: bigint; period: Period }) => `/api/v1/org-units/20/situation?period=${period}&asOfPosition=${position}`,
  'national situation': ({ position, period }: { position: bigint; period: Period }) => `/api/v1/org-units/SE/situation?period=${period}&asOfPosition=${position}`,
  '10-year trend, county': ({ position }: { position: bigint }) => `/api/v1/org-units/20/trends?item=social-risk.level&from=${tenYears[0]}&to=${lastPeriod}&asOfPosition=${position}`,
  '10-year trend, nation': ({ position }: { position: bigint }) => `/api/v1/org-units/SE/trends?item=social-risk.level&from=${tenYears[0]}&to=${lastPeriod}&asOfPosition=${position}`,
};

const token = `Bearer ${await new LocalTokens(SECRET).mint({ id: 'bench', name: 'Bench', roles: ['national_reader'], org: 'SE' })}`;
const histories = [await serve(1, 3411), await serve(10, 3412)];
const results = histories.map(() => ({}) as Record<string, { p50: number; p95: number }>);
try {
  for (const [name, path] of Object.entries(queries)) {
    const samples = histories.map(() => [] as number[]);
    for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
      const fraction = 0.1 + 0.9 * random();
      // The same question of both histories, one right after the other (which first, in turn):
      // a slow moment of the machine falls on both, not on one history's whole run.
      for (const h of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const history = histories[h]!;
        const ms = await timed(`${history.server.url}${path(history.at(fraction))}`, token);
        if (i >= WARM_UP) samples[h]!.push(ms);
      }
    }
    for (const [h, latencies] of samples.entries()) {
      latencies.sort((a, b) => a - b);
      results[h]![name] = { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
    }
  }
} finally {
  await Promise.all(histories.map((history) => history.server.stop()));
}
const replayP50 = async (history: (typeof histories)[number]) => {
  const replays: number[] = [];
  for (let i = 0; i < REPLAYS; i += 1) {
    const { position, period } = history.at(0.1 + 0.9 * random());
    replays.push(await replayCounty(history.fixture.dataDir, position, period));
  }
  return median(replays);
};
const [one, ten] = [
  { events: histories[0]!.fixture.events, results: results[0]!, replayP50: await replayP50(histories[0]!) },
  { events: histories[1]!.fixture.events, results: results[1]!, replayP50: await replayP50(histories[1]!) },
];
const rows = Object.keys(queries).map((name) => {
  const ratio = ten.results[name]!.p95 / one.results[name]!.p95;
  return {
    query: name,
    '1y p50': one.results[name]!.p50,
    '1y p95': one.results[name]!.p95,
    '10y p50': ten.results[name]!.p50,
    '10y p95': ten.results[name]!.p95,
    '10y/1y p95': Number(ratio.toFixed(2)),
  };
});
printTable(rows);
const speedup = ten.replayP50 / ten.results['county situation']!.p50;
console.log(`full replay of the county question (10y, median of ${REPLAYS}): ${ten.replayP50.toFixed(0)} ms — ${speedup.toFixed(0)} × the view's p50`);
const worstP95 = Math.max(...rows.map((r) => r['10y p95']));
const worstRatio = Math.max(...rows.filter((r) => !r.query.startsWith('10-year')).map((r) => r['10y/1y p95']));
const file = writeResults('as-of', {
  method: `${SAMPLES} HTTP queries per kind and history after ${WARM_UP} warm-up, both histories served at once and asked the same question in turn (a position at the same fraction of each, in the last 90 % of the history); latencies in ms`,
  histories: { '1y': one.events, '10y': ten.events },
  queries: rows,
  fullReplay: { '1yP50Ms': Math.round(one.replayP50), '10yP50Ms': Math.round(ten.replayP50), speedupOverCountyP50: Math.round(speedup) },
  goals: { p95Ms: 50, ratio10yTo1y: 1.5, speedupOverReplay: 20 },
  met: { p95: worstP95 <= 50, ratioForSituationQueries: worstRatio <= 1.5, speedup: speedup >= 20 },
});
console.log(`written to ${file}`);
