/**
 * Rebuilding every projection from zero over ten years of national history
 * (`seed --national --years 10`), beside the limit measured in the same run: a raw
 * better-sqlite3 scan of the event table with JSON.parse of every row. The rebuild runs as
 * `cli rebuild` in its own process, as a user runs it; its peak RSS is that process's.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { median, nowMs, printTable, writeResults } from './support/measure.js';
import { type RebuildOutput, cliRebuild, nationalHistory } from './support/fixtures.js';

const ROUNDS = 3;
const GOAL_RATIO = 0.5;
const GOAL_RSS_MB = 512;

function rawScan(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const started = nowMs();
    let events = 0;
    for (const row of db.prepare<[], { data: string; metadata: string }>('SELECT * FROM events ORDER BY position').iterate()) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      events += 1;
    }
    return events / ((nowMs() - started) / 1000);
  } finally {
    db.close();
  }
}

const fixture = await nationalHistory(10);
const raw: number[] = [];
const ours: RebuildOutput[] = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  raw.push(rawScan(join(fixture.dataDir, 'events.db')));
  ours.push(cliRebuild(fixture.dataDir));
  console.log(`round ${round}: raw ${Math.round(raw[round - 1]!)} events/s, rebuild ${ours[round - 1]!.eventsPerSecond} events/s, peak RSS ${ours[round - 1]!.peakRssMB} MB`);
}
const limit = median(raw);
const rebuild = median(ours.map((o) => o.eventsPerSecond));
const rss = Math.max(...ours.map((o) => o.peakRssMB));
const ratio = rebuild / limit;
printTable([
  { measure: 'raw scan + JSON.parse (limit)', 'events/s': Math.round(limit), '': '' },
  { measure: 'rebuild, all projections', 'events/s': Math.round(rebuild), '': `${ratio.toFixed(3)} × limit (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'MISSED'})` },
  { measure: 'rebuild peak RSS (MB)', 'events/s': rss, '': `goal ≤ ${GOAL_RSS_MB}: ${rss <= GOAL_RSS_MB ? 'met' : 'MISSED'}` },
]);
const file = writeResults('rebuild', {
  fixture: { history: 'seed --national --years 10 --seed 1', events: fixture.events },
  method: `median of ${ROUNDS} interleaved rounds; rebuild = node dist/apps/cli/src/main.js rebuild in its own process (all projections, into a new file); peak RSS = that process's maxRSS`,
  rawScanEventsPerSecond: Math.round(limit),
  rebuildEventsPerSecond: Math.round(rebuild),
  ratio: Number(ratio.toFixed(3)),
  peakRssMB: rss,
  goals: { ratio: GOAL_RATIO, peakRssMB: GOAL_RSS_MB },
  met: { ratio: ratio >= GOAL_RATIO, peakRssMB: rss <= GOAL_RSS_MB },
  rounds: ours.map((o, i) => ({ rawEventsPerSecond: Math.round(raw[i]!), ...o })),
});
console.log(`written to ${file}`);
