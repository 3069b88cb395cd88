import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '@lagesbild/event-store';
import { ProjectionRunner } from './projection-runner.js';
import { buildViews } from './build-views.js';
import { SqliteViewBuild } from './sqlite/bulk/sqlite-view-build.js';
import { SqliteViewStore } from './sqlite/sqlite-view-store.js';
import { amendLevel, submitLevel } from './testing/report-commands.js';
import { reportSummaryOf, reportSummaryProjection } from './views/situation-report/report-summary.projection.js';
import { goalProjection } from './views/work-records/work-records.projections.js';

describe('projection runner with the embedded view store', () => {
  let dir: string;
  let now: Date;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lagesbild-projections-'));
    now = new Date('2018-04-05T08:00:00Z');
    store = new SqliteEventStore({ file: join(dir, 'events.db'), clock: () => now });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submit = (orgUnit: string, period: string, level: number) => submitLevel(store, orgUnit, period, level, now.toISOString());
  const amend = (orgUnit: string, period: string, level: number) => amendLevel(store, orgUnit, period, level);
  /** The report summaries a runner kept are those built from zero into a fresh file. */
  const expectAsRebuilt = async (views: SqliteViewStore) => {
    const rebuilt = new SqliteViewStore(join(dir, 'rebuilt.db'));
    const fromZero = new ProjectionRunner(store, rebuilt, [reportSummaryProjection]);
    await fromZero.start();
    await fromZero.stop();
    expect(await views.digest()).toBe(await rebuilt.digest());
    await rebuilt.close();
  };

  it('answers the March report as it was known: an April amendment shows as of May, not as of 1 April', async () => {
    const views = new SqliteViewStore(join(dir, 'views.db'));
    const runner = new ProjectionRunner(store, views, [reportSummaryProjection]);
    await runner.start();

    await submit('2085', '2018-03', 2); // recorded 5 April
    now = new Date('2018-04-20T09:00:00Z');
    const amended = await amend('2085', '2018-03', 4); // recorded 20 April
    await runner.waitFor(amended.position);

    const level = async (at: string) => {
      const report = await reportSummaryOf(runner.readerAt(await store.positionAt(new Date(at))), '2085', '2018-03');
      return report?.answer('social-risk.level')?.[0];
    };
    expect(await level('2018-04-01T00:00:00Z')).toBeUndefined(); // not yet reported
    expect(await level('2018-04-10T00:00:00Z')).toBe(2);
    expect(await level('2018-05-01T00:00:00Z')).toBe(4);
    const latest = await reportSummaryOf(runner.readerAt(await store.headPosition()), '2085', '2018-03');
    expect(latest!.late).toBe(false);
    expect(latest!.eventIds).toHaveLength(2);
    await runner.stop();
    await views.close();
  });

  it('follows the live tail, resumes from its checkpoint after a restart, and a rebuild gives the same views', async () => {
    const liveViews = new SqliteViewStore(join(dir, 'views.db'));
    let runner = new ProjectionRunner(store, liveViews, [reportSummaryProjection], { batchSize: 3 });
    await runner.start();
    for (const [i, code] of ['2085', '2080', '2081', '2082'].entries()) await submit(code, '2018-03', i);
    await runner.waitFor(await store.headPosition());
    expect(runner.status().projections[0]!.position).toBe(4n);
    await runner.stop();

    for (const code of ['2085', '2080']) await amend(code, '2018-03', 4); // written while no runner runs
    runner = new ProjectionRunner(store, liveViews, [reportSummaryProjection], { batchSize: 3 });
    await runner.start(); // resumes from position 4
    expect(runner.status().projections[0]!.position).toBe(6n);
    const reader = runner.readerAt(6n);
    expect((await reportSummaryOf(reader, '2085', '2018-03'))!.eventIds).toHaveLength(2); // applied once, not twice
    await runner.stop();

    // From zero, as the api would and as `cli rebuild` does (a bulk build: its index written when it is finished), in batches that split a report from its amendment.
    const live = await liveViews.digest();
    const rebuilt = new SqliteViewStore(join(dir, 'rebuilt.db'));
    const fromZero = new ProjectionRunner(store, rebuilt, [reportSummaryProjection], { batchSize: 5 });
    await fromZero.start();
    await fromZero.stop();
    expect(await rebuilt.digest()).toBe(live);
    await rebuilt.close();
    const build = new SqliteViewBuild(join(dir, 'rebuilt-in-bulk.db'));
    await buildViews(store, build, [{ projections: [reportSummaryProjection] }], { batchSize: 5 });
    const built = build.finish();
    expect(await built.digest()).toBe(live);
    await built.close();
    await liveViews.close();
  });

  it('never keeps half a batch: a failing projection leaves its views and checkpoint as they were', async () => {
    await submit('2085', '2018-03', 1);
    await submit('2080', '2018-03', 1);
    const views = new SqliteViewStore(join(dir, 'views.db'));
    const failing = {
      ...reportSummaryProjection,
      apply: async (event: Parameters<typeof reportSummaryProjection.apply>[0], writer: Parameters<typeof reportSummaryProjection.apply>[1]) => {
        await reportSummaryProjection.apply(event, writer);
        if (event.position === 2n) throw new Error('boom');
      },
    };
    const runner = new ProjectionRunner(store, views, [failing]);
    await expect(runner.start()).rejects.toThrow('boom');
    expect(await views.checkpoint(`report-summaries@v${reportSummaryProjection.version}`)).toBe(0n);
    expect(await reportSummaryOf(runner.readerAt(2n), '2085', '2018-03')).toBeUndefined();
    await views.close();
  });

  it('waits out a full disk: the batch that found no room is taken again once there is room, with nothing lost or applied twice', async () => {
    const views = new SqliteViewStore(join(dir, 'views.db'));
    const failures: unknown[] = [];
    const runner = new ProjectionRunner(store, views, [reportSummaryProjection]);
    await runner.start({ onError: (_, error) => failures.push(error) });
    // SQLite's page limit stands in for the disk: a write past it fails as on a full disk
    // (SQLITE_FULL, the transaction rolled back by SQLite itself).
    const connection = (views as unknown as { db: Database.Database }).db;
    const pages = connection.pragma('page_count', { simple: true }) as number;
    connection.pragma(`max_page_count = ${pages}`);

    const dalarna = ['2021', '2023', '2026', '2029', '2031', '2034', '2039', '2061', '2062', '2080', '2081', '2082', '2083', '2084', '2085'];
    const periods = ['2017-10', '2017-11', '2017-12', '2018-01', '2018-02', '2018-03'];
    for (const period of periods) for (const code of dalarna) await submit(code, period, 1);
    const head = await store.headPosition();
    expect(await runner.waitFor(head, 1500)).toBe(false);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.map((error) => (error as { code?: string }).code)).toEqual(failures.map(() => 'SQLITE_FULL'));
    expect(runner.status().projections[0]!.position).toBeLessThan(head); // stopped where the room ran out

    connection.pragma(`max_page_count = ${pages * 100}`);
    expect(await runner.waitFor(head, 5000)).toBe(true); // the next try comes a second after the last
    for (const period of periods) for (const code of dalarna) expect((await reportSummaryOf(runner.readerAt(head), code, period))!.eventIds).toHaveLength(1);
    await runner.stop();

    await expectAsRebuilt(views);
    await views.close();
  });

  it('stops on an error it cannot wait out and says so; started again, it takes the failed batch again from its checkpoint', async () => {
    const views = new SqliteViewStore(join(dir, 'views.db'));
    let failNext = false;
    const once = {
      ...reportSummaryProjection,
      apply: async (event: Parameters<typeof reportSummaryProjection.apply>[0], writer: Parameters<typeof reportSummaryProjection.apply>[1]) => {
        await reportSummaryProjection.apply(event, writer);
        if (failNext) {
          failNext = false;
          throw new Error('boom');
        }
      },
    };
    let stopped!: (error: unknown) => void;
    const stop = new Promise<unknown>((resolve) => (stopped = resolve));
    const runner = new ProjectionRunner(store, views, [once]);
    await submit('2085', '2018-03', 1);
    await runner.start({ onStopped: stopped });

    failNext = true;
    const failed = await submit('2080', '2018-03', 2);
    expect(String(await stop)).toBe('Error: boom');
    expect(runner.status().projections[0]!.position).toBe(failed.position - 1n);
    expect(await runner.waitFor(failed.position, 200)).toBe(false);

    await runner.start();
    expect(await runner.waitFor(failed.position, 0)).toBe(true);
    expect((await reportSummaryOf(runner.readerAt(failed.position), '2080', '2018-03'))!.eventIds).toHaveLength(1);
    await runner.stop();
    await expectAsRebuilt(views);
    await views.close();
  });

  it('spends no transaction on a projection with nothing in a batch, and still resumes right', async () => {
    const views = new SqliteViewStore(join(dir, 'views.db'));
    let runner = new ProjectionRunner(store, views, [reportSummaryProjection, goalProjection]);
    await runner.start();
    for (const code of ['2085', '2080', '2081']) await submit(code, '2018-03', 1);
    await runner.waitFor(3n);
    expect(runner.status().projections.map((p) => p.position)).toEqual([3n, 3n]);
    expect(await views.checkpoint('goals@v2')).toBe(0n); // trails over events it ignores
    await runner.stop();

    runner = new ProjectionRunner(store, views, [reportSummaryProjection, goalProjection]);
    await runner.start();
    expect(runner.status().projections.map((p) => p.position)).toEqual([3n, 3n]);
    expect((await reportSummaryOf(runner.readerAt(3n), '2085', '2018-03'))!.eventIds).toHaveLength(1);
    await runner.stop();
    await views.close();
  });

  it('builds a new version beside the old one, serves from the old one meanwhile (fresh writes too), then switches and drops it', async () => {
    const views = new SqliteViewStore(join(dir, 'views.db'));
    const codes = ['2021', '2023', '2026', '2029', '2031', '2034', '2039', '2061', '2062', '2080'];
    for (const code of codes) await submit(code, '2018-03', 2);
    const v1 = reportSummaryProjection;
    let runner = new ProjectionRunner(store, views, [v1]);
    await runner.start();
    await runner.stop();

    // Version 2 doubles every level, and takes its time: 30 ms an event, one event a batch.
    const v2: typeof v1 = {
      ...v1,
      version: v1.version + 1,
      async apply(event, writer) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        const answers = event.data.answers.map((a) => ({ ...a, value: typeof a.value === 'number' ? a.value * 2 : a.value }));
        await v1.apply(event.type === 'SituationReportSubmitted' ? { ...event, data: { ...event.data, answers } } : { ...event, data: { ...event.data, answers } }, writer);
      },
    };
    let switched!: (what: string) => void;
    const switchedTo = new Promise<string>((resolve) => (switched = resolve));
    runner = new ProjectionRunner(store, views, [v1, v2], { batchSize: 1 });
    const starting = runner.start({ onSwitch: (name, from, to) => switched(`${name} v${from}→v${to}`) });
    const serving = () => runner.status().projections.map((p) => [p.version, p.serving]);
    const levelOf = async (code: string, at: bigint) => (await reportSummaryOf(runner.readerAt(at), code, '2018-03'))?.answer('social-risk.level')?.[0];

    // v2 is catching up: reads come from v1, complete, and a fresh write reaches v1 at once.
    expect(await runner.waitFor(10n, 2000)).toBe(true);
    expect(await levelOf('2080', 10n)).toBe(2);
    const fresh = await submit('2081', '2018-03', 3);
    expect(await runner.waitFor(fresh.position, 2000)).toBe(true);
    expect(await levelOf('2081', fresh.position)).toBe(3);
    expect(serving()).toEqual([[v1.version, true], [v2.version, false]]);

    await starting;
    expect(await switchedTo).toBe(`report-summaries v${v1.version}→v${v2.version}`);
    expect(serving()).toEqual([[v2.version, true]]);
    expect(await levelOf('2080', fresh.position)).toBe(4);
    expect(await levelOf('2081', fresh.position)).toBe(6);
    expect(await views.checkpoint(`report-summaries@v${reportSummaryProjection.version}`)).toBe(0n);
    // Live writes now reach v2 alone.
    const later = await submit('2082', '2018-03', 1);
    expect(await runner.waitFor(later.position, 2000)).toBe(true);
    expect(await levelOf('2082', later.position)).toBe(2);
    await runner.stop();
    await views.close();
  });
});
