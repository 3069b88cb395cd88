/**
 * Durable appends of ~1.5 KB events through the embedded event store with 1, 8 and 64
 * concurrent writers, beside two baselines taken in the same run:
 *   (a) raw — the same rows (events and their stream-index rows) inserted with better-sqlite3
 *       alone, 1,000 events per transaction, into the same tables, same durability (WAL,
 *       synchronous=FULL): this machine's limit;
 *   (b) emmett-sqlite 0.38.5 — the peer a user would otherwise pick, appending the same
 *       events one after another (it opens a connection per call and fails with
 *       SQLITE_MISUSE under concurrent appends, so it is measured the way it works).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { EVENT_LOG_SCHEMA, SqliteEventStore, configureDurableConnection, timeOrderedUuid } from '@lagesbild/event-store';
import { median, nowMs, percentile, printTable, writeResults } from './support/measure.js';

const ROUNDS = 3;
const EVENTS_PER_STREAM = 50;
const workDir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-append-'));

/** A situation report's worth of answers: about 1.5 KB of JSON. */
function eventData(i: number) {
  return {
    orgUnit: '2085',
    period: '2018-03',
    sequence: i,
    answers: Array.from({ length: 12 }, (_, k) => ({
      item: `social-risk.item-${k}`,
      value: (i + k) % 5,
      trend: ['rising', 'unchanged', 'falling', 'unknown'][k % 4],
      comment: `Kommentar ${k}: läget i området följs månadsvis.`,
    })),
  };
}
const sampleBytes = JSON.stringify(eventData(0)).length;

function freshFile(label: string): string {
  return join(mkdtempSync(join(workDir, `${label}-`)), 'events.db');
}

async function measureStore(writers: number, eventsPerWriter: number) {
  const store = new SqliteEventStore({ file: freshFile(`store-${writers}`) });
  // Open before the clock starts, as the raw baseline's connection is: the writer thread is up.
  await store.append('warm-up', [{ type: 'BenchWarmedUp', data: {} }]);
  const opened = store.stats;
  const latencies: number[] = [];
  const started = nowMs();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < eventsPerWriter; i += 1) {
        const streamId = `bench-${w}-${Math.floor(i / EVENTS_PER_STREAM)}`;
        const revision = i % EVENTS_PER_STREAM;
        const t0 = nowMs();
        await store.append(streamId, [{ type: 'BenchEventAppended', data: eventData(i) }], {
          expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
        });
        latencies.push(nowMs() - t0);
      }
    }),
  );
  const seconds = (nowMs() - started) / 1000;
  const commits = store.stats.commits - opened.commits;
  const appends = store.stats.appends - opened.appends;
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: (writers * eventsPerWriter) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    appendsPerCommit: appends / commits,
  };
}

/** The rows the 64-writer run stores, in the order concurrent writers interleave them. */
function measureRaw(writers: number, perWriter: number) {
  const rows = writers * perWriter;
  const db = new Database(freshFile('raw'));
  configureDurableConnection(db);
  db.exec(EVENT_LOG_SCHEMA);
  const insert = db.prepare(
    `INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, recorded_at, data, metadata, prev_hash, hash)
     VALUES (?, ?, ?, ?, 'BenchEventAppended', 1, ?, ?, '{}', ?, ?)`,
  );
  const prepared = Array.from({ length: rows }, (_, n) => {
    const w = n % writers;
    const i = Math.floor(n / writers);
    return {
      id: timeOrderedUuid(),
      stream: `bench-${w}-${Math.floor(i / EVENTS_PER_STREAM)}`,
      revision: i % EVENTS_PER_STREAM,
      data: JSON.stringify(eventData(i)),
      hash: randomBytes(32).toString('hex'),
    };
  });
  const index = db.prepare('INSERT INTO stream_index (stream_id, revision, position) VALUES (?, ?, ?)');
  const writeChunk = db.transaction((from: number, to: number, at: string) => {
    for (let i = from; i < to; i += 1) {
      const r = prepared[i]!;
      insert.run(i + 1, r.id, r.stream, r.revision, at, r.data, r.hash, r.hash);
      index.run(r.stream, r.revision, i + 1);
    }
  });
  const started = nowMs();
  for (let from = 0; from < rows; from += 1000) writeChunk(from, Math.min(rows, from + 1000), new Date().toISOString());
  const seconds = (nowMs() - started) / 1000;
  db.close();
  return { eventsPerSecond: rows / seconds };
}

async function measureEmmett(events: number) {
  const store = getSQLiteEventStore({ fileName: freshFile('emmett'), schema: { autoMigration: 'CreateOrUpdate' } });
  const latencies: number[] = [];
  const started = nowMs();
  // Now and then it fails a commit with SQLITE_BUSY ("SQL statements in progress") though
  // nothing else uses its file: a user would retry, and so do we, counting the failures.
  let failures = 0;
  for (let i = 0; i < events; i += 1) {
    const t0 = nowMs();
    for (;;) {
      try {
        await store.appendToStream(`emmett-${Math.floor(i / EVENTS_PER_STREAM)}`, [
          { type: 'BenchEventAppended', data: eventData(i) },
        ]);
        break;
      } catch (error) {
        failures += 1;
        if (failures > 10) throw error;
      }
    }
    latencies.push(nowMs() - t0);
  }
  const seconds = (nowMs() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { eventsPerSecond: events / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

async function main() {
  console.log(`append benchmark: ${sampleBytes}-byte events, ${ROUNDS} rounds, median reported; files in ${workDir}`);
  const scenarios = [
    { writers: 1, perWriter: 2_000 },
    { writers: 8, perWriter: 1_000 },
    { writers: 64, perWriter: 400 },
  ];
  const store: Record<number, Awaited<ReturnType<typeof measureStore>>[]> = { 1: [], 8: [], 64: [] };
  const raw: number[] = [];
  const emmett: Awaited<ReturnType<typeof measureEmmett>>[] = [];
  // Interleave the rounds so that a noisy neighbour hurts every contender alike.
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stderr.write(`round ${round}/${ROUNDS}: raw`);
    raw.push(measureRaw(64, 400).eventsPerSecond);
    for (const s of scenarios) {
      process.stderr.write(`, ${s.writers} writer(s)`);
      store[s.writers]!.push(await measureStore(s.writers, s.perWriter));
    }
    process.stderr.write(', emmett-sqlite\n');
    emmett.push(await measureEmmett(1_000));
  }

  const pick = (runs: Awaited<ReturnType<typeof measureStore>>[]) => ({
    eventsPerSecond: median(runs.map((r) => r.eventsPerSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    appendsPerCommit: median(runs.map((r) => r.appendsPerCommit)),
  });
  const rawLimit = median(raw);
  const emmettRate = median(emmett.map((r) => r.eventsPerSecond));
  const ours = Object.fromEntries(scenarios.map((s) => [s.writers, pick(store[s.writers]!)]));

  const rows = [
    { contender: 'raw better-sqlite3, 1,000-row transactions (limit)', writers: 1, 'events/s': rawLimit, 'p50 ms': '-', 'p99 ms': '-', 'vs raw': 1 },
    {
      contender: 'emmett-sqlite 0.38.5, sequential appends',
      writers: 1,
      'events/s': emmettRate,
      'p50 ms': median(emmett.map((r) => r.p50)),
      'p99 ms': median(emmett.map((r) => r.p99)),
      'vs raw': emmettRate / rawLimit,
    },
    ...scenarios.map((s) => ({
      contender: `lagesbild SqliteEventStore (group commit, ~${ours[s.writers]!.appendsPerCommit.toFixed(0)} appends/commit)`,
      writers: s.writers,
      'events/s': ours[s.writers]!.eventsPerSecond,
      'p50 ms': ours[s.writers]!.p50,
      'p99 ms': ours[s.writers]!.p99,
      'vs raw': ours[s.writers]!.eventsPerSecond / rawLimit,
    })),
  ];
  printTable(rows);

  const ratios = {
    at64VsRaw: ours[64]!.eventsPerSecond / rawLimit,
    at64VsEmmett: ours[64]!.eventsPerSecond / emmettRate,
    singleWriterP99Ms: ours[1]!.p99,
  };
  const goals = { at64VsRaw: 0.6, at64VsEmmett: 5, singleWriterP99Ms: 5 };
  const met = {
    at64VsRaw: ratios.at64VsRaw >= goals.at64VsRaw,
    at64VsEmmett: ratios.at64VsEmmett >= goals.at64VsEmmett,
    singleWriterP99Ms: ratios.singleWriterP99Ms <= goals.singleWriterP99Ms,
  };
  console.log(
    `\n64 writers: ${ratios.at64VsRaw.toFixed(2)} × raw (goal ≥ ${goals.at64VsRaw}) ${met.at64VsRaw ? 'MET' : 'MISSED'}; ` +
      `${ratios.at64VsEmmett.toFixed(1)} × emmett-sqlite (goal ≥ ${goals.at64VsEmmett}) ${met.at64VsEmmett ? 'MET' : 'MISSED'}; ` +
      `single-writer p99 ${ratios.singleWriterP99Ms.toFixed(2)} ms (goal ≤ ${goals.singleWriterP99Ms}) ${met.singleWriterP99Ms ? 'MET' : 'MISSED'}`,
  );
  const file = writeResults('append', {
    eventBytes: sampleBytes,
    rounds: ROUNDS,
    method: {
      raw: 'the rows of the 64-writer run (same streams, revisions, time-ordered ids, data) and their stream-index rows, same tables and indexes, WAL + synchronous=FULL, 1,000 events per transaction',
      emmett: 'getSQLiteEventStore appendToStream, one append at a time (its connection-per-call design fails with SQLITE_MISUSE when concurrent)',
      store: 'SqliteEventStore.append with exact expected revisions, N concurrent writers each awaiting its acknowledgement; timed from an open store (one append made before the clock starts)',
    },
    baselines: {
      rawEventsPerSecond: rawLimit,
      emmettEventsPerSecond: emmettRate,
      emmettFailedAppendsRetried: emmett.reduce((sum, r) => sum + r.failures, 0),
    },
    store: ours,
    ratios,
    goals,
    met,
  });
  console.log(`results: ${file}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(workDir, { recursive: true, force: true }));
