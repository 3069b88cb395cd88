import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, inStreams } from '@lagesbild/event-store';
import { situationReportStreamId } from '@lagesbild/domain';
import { seedStore } from '@lagesbild/simulation';
import { ALL_PROJECTIONS, rebuildParts } from '../all-projections.js';
import { type BuildPart, buildViews } from '../build-views.js';
import { activeViews, checkpointName, versionedReader } from '../projection.js';
import { ProjectionRunner } from '../projection-runner.js';
import { SqliteViewBuild } from '../sqlite/bulk/sqlite-view-build.js';
import { SqliteViewStore } from '../sqlite/sqlite-view-store.js';
import { reportSummaryOf, reportSummaryProjection } from '../views/situation-report/report-summary.projection.js';
import { buildViewsBeside } from './build-thread.js';

describe('a rebuild on two threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-build-thread-'));
  const eventsFile = join(dir, 'events.db');
  let store: SqliteEventStore;
  let live: string;

  beforeAll(async () => {
    await seedStore({ dataDir: dir }, { scope: 'national', years: 1, seed: 3, until: new Date('2026-06-30T00:00:00Z') });
    store = new SqliteEventStore({ file: eventsFile, readOnly: true });
    const views = new SqliteViewStore(join(dir, 'live.db'));
    const runner = new ProjectionRunner(store, views, ALL_PROJECTIONS);
    await runner.start();
    await runner.stop();
    live = await views.digest();
    await views.close();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the views the projections build applying the log as it came, as one thread does', async () => {
    const parts = rebuildParts(ALL_PROJECTIONS)!;
    const build = new SqliteViewBuild(join(dir, 'two.db'));
    const seen: bigint[] = [];
    const head = await store.headPosition();
    await buildViewsBeside(store, build, { ...parts, eventsFile, batchSize: 97, onProgress: (position) => seen.push(position) });
    const two = build.finish();
    expect(await two.digest()).toBe(live);
    for (const projection of ALL_PROJECTIONS) expect(await two.checkpoint(checkpointName(projection))).toBe(head);
    // Each thread built some counties' reports: Upplands Väsby's (Stockholm) on the second, Falun's (Dalarna) here.
    const period = '2026-01';
    const reportsOf = (builds: readonly BuildPart[], orgUnit: string) =>
      builds.some((part) => part.projections.includes(reportSummaryProjection) && inStreams(situationReportStreamId(orgUnit, period), part.streams));
    expect(reportsOf(parts.beside, '0114') && !reportsOf(parts.here, '0114')).toBe(true);
    expect(reportsOf(parts.here, '2080') && !reportsOf(parts.beside, '2080')).toBe(true);
    const reader = versionedReader(two.readerAt(head), activeViews(ALL_PROJECTIONS));
    for (const orgUnit of ['0114', '2080']) expect((await reportSummaryOf(reader, orgUnit, period))?.answer('social-risk.level')).toBeDefined();
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((position, i) => i === 0 || position >= seen[i - 1]!)).toBe(true);
    await two.close();

    const oneBuild = new SqliteViewBuild(join(dir, 'one.db'));
    await buildViews(store, oneBuild, [{ projections: ALL_PROJECTIONS }], { batchSize: 97 });
    const one = oneBuild.finish();
    expect(await one.digest()).toBe(live);
    await one.close();
  }, 120_000);

  it('fails with the second thread’s error', async () => {
    const views = new SqliteViewBuild(join(dir, 'failed.db'));
    await expect(buildViewsBeside(store, views, { ...rebuildParts(ALL_PROJECTIONS)!, eventsFile: join(dir, 'no-such-log.db') })).rejects.toThrow(/no such table/);
    await views.close();
  }, 60_000);
});
