import type { EventStore, StreamRange } from '@lagesbild/event-store';
import { startWorker } from '@lagesbild/event-store/sqlite';
import { type BuildPart, buildViews } from '../build-views.js';
import type { SqliteViewBuild } from '../sqlite/bulk/sqlite-view-build.js';
import { type SerializedError, deserializeError } from './projection-thread.messages.js';

export interface BuildBesideOptions {
  /** The embedded log's file: the second thread reads it through a connection of its own. */
  eventsFile: string;
  /** Built on this thread, in one pass over the log. */
  here: readonly BuildPart[];
  /** Built on the second thread at the same time, in one pass of its own. */
  beside: readonly BuildPart[];
  /** The last position to apply (inclusive); by default the log's head when the build starts. */
  until?: bigint;
  batchSize?: number;
  /** Told after each batch how far the slower thread has come, and where it ends. */
  onProgress?: (position: bigint, until: bigint) => void;
}

export interface BuildThreadData {
  eventsFile: string;
  viewsFile: string;
  /** What the first thread's build shares with the second's (`SqliteViewBuild.share`). */
  share: SharedArrayBuffer;
  /** The parts the thread builds, their projections by name. */
  parts: Array<{ projections: string[]; streams?: StreamRange }>;
  until: string;
  batchSize?: number;
}

export type FromBuildThread =
  | { kind: 'progress'; position: string }
  | { kind: 'done' }
  | { kind: 'failed'; error: SerializedError };

/**
 * `buildViews` on two threads, into a bulk build of the embedded views, which it finishes
 * (`views.finish()` then hands back the same store to read them with). The `beside` parts are
 * built on a second thread, which reads the log through a connection of its own and writes the
 * same file through another (each stores its values a few thousand at a time, in short
 * transactions while the other does not write: `SqliteViewBuild.share`); the `here` parts are
 * built on this thread. The report summaries read most of the log's bytes: the second thread
 * builds most counties' summaries, this one every other projection and the rest of the counties.
 */
export async function buildViewsBeside(store: EventStore, views: SqliteViewBuild, options: BuildBesideOptions): Promise<bigint> {
  const until = options.until ?? (await store.headPosition());
  const { batchSize } = options;

  let hereAt = 0n;
  let besideAt = 0n;
  const progress = () => options.onProgress?.(hereAt < besideAt ? hereAt : besideAt, until);
  const data: BuildThreadData = {
    eventsFile: options.eventsFile,
    viewsFile: views.file,
    share: views.share,
    parts: options.beside.map(({ projections, streams }) => ({ projections: projections.map((p) => p.name), streams })),
    until: until.toString(),
    batchSize,
  };
  // A young generation of 96 MB (a worker's is smaller than the main thread's by default): a
  // batch's parsed reports then die young instead of being copied into the old generation.
  const worker = startWorker(import.meta.url, 'build-thread.worker', data, { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  const besideDone = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromBuildThread) => {
      switch (message.kind) {
        case 'progress':
          besideAt = BigInt(message.position);
          progress();
          return;
        case 'done':
          resolve();
          return;
        case 'failed':
          reject(deserializeError(message.error));
      }
    });
    worker.on('error', reject);
    worker.once('exit', (code) => reject(new Error(`The build thread ended before it was done (exit code ${code})`)));
  });
  besideDone.catch(() => undefined); // awaited below, once this thread's parts are built
  try {
    await buildViews(store, views, options.here, {
      until,
      batchSize,
      onProgress: (position) => {
        hereAt = position;
        progress();
      },
    });
    // While the other thread goes on, this one stores the rest of its values and writes its
    // version index (the other's rows are of other keys: its views' own, or other streams').
    views.finish();
    await besideDone;
  } finally {
    await worker.terminate();
  }
  return until;
}
