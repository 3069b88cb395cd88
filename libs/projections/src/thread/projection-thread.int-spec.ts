import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@lagesbild/event-store';
import { SqliteViewStore } from '../sqlite/sqlite-view-store.js';
import { submitLevel } from '../testing/report-commands.js';
import { reportSummaryOf, reportSummaryProjection } from '../views/situation-report/report-summary.projection.js';
import { ProjectionThread } from './projection-thread.js';

describe('projections on a thread of their own (the embedded default)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let thread: ProjectionThread | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lagesbild-projection-thread-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await thread?.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submit = (orgUnit: string, period: string, level: number) => submitLevel(store, orgUnit, period, level, '2018-04-05T08:00:00.000Z');
  const start = async () => {
    thread = new ProjectionThread(store, { eventsFile: join(dir, 'events.db'), viewsFile: join(dir, 'views.db') });
    await thread.start();
    return thread;
  };

  it('catches up with what the log held at start, then shows each new write as soon as it is waited for', async () => {
    const before = await submit('2085', '2018-03', 2);
    const projections = await start();
    expect(await projections.waitFor(before.position, 0)).toBe(true);
    expect((await reportSummaryOf(projections.readerAt(before.position), '2085', '2018-03'))?.answer('social-risk.level')?.[0]).toBe(2);

    const after = await submit('2085', '2018-04', 3);
    // Nothing has been applied on this thread: the write becomes visible once the other thread reports.
    expect(await projections.waitFor(after.position, 5000)).toBe(true);
    expect((await reportSummaryOf(projections.readerAt(after.position), '2085', '2018-04'))?.answer('social-risk.level')?.[0]).toBe(3);
    // As of the earlier position the later report did not exist yet.
    expect(await reportSummaryOf(projections.readerAt(before.position), '2085', '2018-04')).toBeUndefined();

    const status = projections.status();
    expect(status.head).toBe(after.position);
    expect(status.projections.find((p) => p.name === 'report-summaries')).toMatchObject({ position: after.position, serving: true });
  }, 30_000);

  it('says so when the thread ends unexpectedly, and started again resumes from its checkpoints', async () => {
    let stopped!: (error: unknown) => void;
    const stop = new Promise<unknown>((resolve) => (stopped = resolve));
    thread = new ProjectionThread(store, { eventsFile: join(dir, 'events.db'), viewsFile: join(dir, 'views.db') });
    await thread.start({ onStopped: stopped });
    const first = await submit('2085', '2018-03', 2);
    expect(await thread.waitFor(first.position, 5000)).toBe(true);

    // The thread dies as on a fatal error (out of memory, a crash in native code).
    await (thread as unknown as { worker: Worker }).worker.terminate();
    expect(String(await stop)).toMatch(/The projection thread ended \(exit code 1\)/);
    const written = await submit('2085', '2018-04', 3);
    expect(await thread.waitFor(written.position, 300)).toBe(false); // nothing applies the log meanwhile

    await thread.start();
    expect(await thread.waitFor(written.position, 5000)).toBe(true);
    const reader = thread.readerAt(written.position);
    expect((await reportSummaryOf(reader, '2085', '2018-04'))?.answer('social-risk.level')?.[0]).toBe(3);
    expect((await reportSummaryOf(reader, '2085', '2018-03'))?.eventIds).toHaveLength(1);
  }, 30_000);

  it('says false when a position is not reached in time, and has stored its checkpoints when stopped', async () => {
    const projections = await start();
    const written = await submit('2085', '2018-03', 1);
    expect(await projections.waitFor(written.position + 5n, 100)).toBe(false);
    expect(await projections.waitFor(written.position, 5000)).toBe(true);
    await projections.stop();
    thread = undefined;

    const views = new SqliteViewStore(join(dir, 'views.db'));
    expect(await views.checkpoint(`report-summaries@v${reportSummaryProjection.version}`)).toBe(written.position);
    await views.close();
  }, 30_000);
});
