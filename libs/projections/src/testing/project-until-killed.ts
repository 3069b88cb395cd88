/**
 * Child process of the projection kill test: catches every projection up over the log in
 * the DATA_DIR given as argv[2], into `<dataDir>/views.db`, in small batches, printing one
 * line per committed batch (`committed <checkpoint name> <position>`). The test SIGKILLs it
 * partway and then checks that a resumed runner ends with the views of a clean build.
 *
 * argv[3] (default 0) is a pause, in milliseconds, taken inside each batch's transaction
 * after its last event is applied and before it commits: catch-up stays slow enough to be
 * killed mid-way, and the kill most likely lands on a transaction with uncommitted writes.
 * The pause lives in a delegating view store here, so the runner and the SQLite view store
 * run exactly as in production.
 */
import { join } from 'node:path';
import { openEventStore } from '@lagesbild/event-store';
import { ALL_PROJECTIONS } from '../index.js';
import { ProjectionRunner } from '../projection-runner.js';
import { SqliteViewStore } from '../sqlite/sqlite-view-store.js';
import type { ViewStore } from '../view-store.port.js';

const [dataDir, pause = '0', batchSize = '25'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: project-until-killed <data dir> [pause ms inside each batch] [batch size]');
const pauseMs = Number(pause);

const sqlite = new SqliteViewStore(join(dataDir, 'views.db'));
const views: ViewStore = {
  applyBatch: async (projection, events, upTo, apply) => {
    const last = events[events.length - 1];
    await sqlite.applyBatch(projection, events, upTo, async (writer, event) => {
      await apply(writer, event);
      if (event === last && pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    });
    process.stdout.write(`committed ${projection} ${upTo}\n`);
  },
  checkpoint: (projection) => sqlite.checkpoint(projection),
  digest: () => sqlite.digest(),
  readerAt: (position) => sqlite.readerAt(position),
  drop: (projection, views) => sqlite.drop(projection, views),
  keepOnly: (checkpoints, views) => sqlite.keepOnly(checkpoints, views),
  close: () => sqlite.close(),
};

const store = openEventStore({ dataDir });
const runner = new ProjectionRunner(store, views, ALL_PROJECTIONS, { batchSize: Number(batchSize) });
process.stdout.write(`ready ${await store.headPosition()}\n`);
await runner.start();
// Not reached when the test kills in time; it then sees a clean exit and fails.
process.stdout.write(`caught-up ${runner.status().head}\n`);
await runner.stop();
await views.close();
await store.close();
