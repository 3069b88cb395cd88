/**
 * The projection thread: every projection, caught up and then following the log, on a thread
 * of its own beside the api's event loop. It reads the log through a connection of its own
 * (told of each commit by the api's thread) and is the only writer of the views; the api's
 * thread reads the views through another connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@lagesbild/event-store/sqlite';
import { ALL_PROJECTIONS } from '../all-projections.js';
import type { ChangedRow, ProjectionListeners } from '../projection-host.js';
import { ProjectionRunner } from '../projection-runner.js';
import { SqliteViewStore } from '../sqlite/sqlite-view-store.js';
import { type FromProjectionThread, type ToProjectionThread, serializeError } from './projection-thread.messages.js';

const { eventsFile, viewsFile } = workerData as { eventsFile: string; viewsFile: string };
const port = parentPort!;
const post = (message: FromProjectionThread) => port.postMessage(message);

const store = new SqliteEventStore({ file: eventsFile, readOnly: true });
const views = new SqliteViewStore(viewsFile);
let changed: ChangedRow[] = [];
const runner: ProjectionRunner = new ProjectionRunner(store, views, ALL_PROJECTIONS, {
  dropOthers: true,
  onProgress: () => {
    const status = runner.status();
    post({
      kind: 'progress',
      head: status.head.toString(),
      servingPosition: runner.servingPosition().toString(),
      serving: [...runner.servingViews()],
      projections: status.projections.map((p) => ({ ...p, position: p.position.toString() })),
      changed,
    });
    changed = [];
  },
});

port.on('message', (message: ToProjectionThread) => {
  if (message.kind === 'head') {
    store.headMoved(BigInt(message.head));
    return;
  }
  void stop();
});

const listeners: ProjectionListeners = {
  onChanged: (rows) => {
    changed = changed.length === 0 ? rows : changed.concat(rows);
  },
  onError: (projection, error) => post({ kind: 'projection-failed', projection, error: serializeError(error) }),
  onStopped: (error) => void stopBy(error),
  onSwitch: (projection, from, to) => post({ kind: 'switched', projection, from, to }),
};

runner.start(listeners).then(
  () => post({ kind: 'caught-up' }),
  (error: unknown) => stopBy(error),
);

/** The projections have stopped on an error: the thread says so and ends (the api's side may start another). */
async function stopBy(error: unknown): Promise<void> {
  post({ kind: 'stopped-by-error', error: serializeError(error) });
  await stop();
}

let stopped: Promise<void> | undefined;
/** Ends the thread once the batch in hand is done and the connections are closed (once, however often asked). */
function stop(): Promise<void> {
  stopped ??= (async () => {
    await runner.stop();
    await views.close();
    await store.close();
    port.close();
  })();
  return stopped;
}
