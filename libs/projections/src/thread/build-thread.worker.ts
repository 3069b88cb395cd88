/**
 * A build's second thread (`buildViewsBeside`): it reads the log through a connection of its
 * own and builds its part of the views into the same file as the first thread, through a bulk
 * store of its own that joins the first one's build.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@lagesbild/event-store/sqlite';
import { ALL_PROJECTIONS } from '../all-projections.js';
import { buildViews } from '../build-views.js';
import { SqliteViewBuild } from '../sqlite/bulk/sqlite-view-build.js';
import type { BuildThreadData, FromBuildThread } from './build-thread.js';
import { serializeError } from './projection-thread.messages.js';

const { eventsFile, viewsFile, share, parts, until, batchSize } = workerData as BuildThreadData;
const post = (message: FromBuildThread) => parentPort!.postMessage(message);

async function build(): Promise<void> {
  const store = new SqliteEventStore({ file: eventsFile, readOnly: true });
  try {
    const views = new SqliteViewBuild(viewsFile, { joining: share });
    const named = parts.map(({ projections, streams }) => ({ projections: ALL_PROJECTIONS.filter((p) => projections.includes(p.name)), streams }));
    await buildViews(store, views, named, {
      until: BigInt(until),
      batchSize,
      onProgress: (position) => post({ kind: 'progress', position: position.toString() }),
    });
    await views.finish().close();
  } finally {
    await store.close();
  }
}

build().then(
  () => post({ kind: 'done' }),
  (error: unknown) => post({ kind: 'failed', error: serializeError(error) }),
);
