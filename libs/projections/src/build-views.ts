import { type EventStore, type StoredEvent, type StreamRange, inStreams } from '@lagesbild/event-store/sqlite';
import { type Projection, checkpointName, versionedWriter } from './projection.js';
import type { ViewStore } from './view-store.port.js';

export interface BuildViewsOptions {
  /**
   * Events a batch (one view-store batch per projection). 250 by default: a batch's parsed
   * events live until it is applied, and larger ones outlive the young generation (on ten
   * national years, 1,000 a batch built 15 % slower, 2,000 slower still).
   */
  batchSize?: number;
  /** The last position to apply (inclusive); by default the log's head when the build starts. */
  until?: bigint;
  /** Told after each batch how far the build has come, and where it ends. */
  onProgress?: (position: bigint, until: bigint) => void;
  /**
   * Only the events of these streams: one part of a projection whose rows each belong to one
   * range of streams (`reportStreamsOf`), built apart from its other parts.
   */
  streams?: StreamRange;
}

/**
 * Builds projections' views from zero in one pass over the log (`cli rebuild`, a report-back's
 * views): the same projections and view-store batches as the runner, but it reads only the
 * events they handle, and it ends at `until` instead of following the tail. Each projection's
 * checkpoint ends at `until`, so a runner started on these views goes on from there.
 */
export async function buildViews(store: EventStore, views: Pick<ViewStore, 'applyBatch'>, projections: readonly Projection[], options: BuildViewsOptions = {}): Promise<bigint> {
  const batchSize = options.batchSize ?? 250;
  const until = options.until ?? (await store.headPosition());
  const handledBy = projections.map((p) => new Set(p.handles));
  const wanted = new Set(projections.flatMap((p) => p.handles));
  let batch: StoredEvent[] = [];
  const apply = async (upTo: bigint) => {
    for (const [i, projection] of projections.entries()) {
      const relevant = batch.filter((event) => handledBy[i]!.has(event.type));
      await views.applyBatch(checkpointName(projection), relevant, upTo, (writer, event) => projection.apply(event as StoredEvent, versionedWriter(projection, writer)));
    }
    batch = [];
    options.onProgress?.(upTo, until);
  };
  const { streams } = options;
  for await (const event of store.readAll({ toPosition: until, batchSize, types: [...wanted], streams })) {
    if (!wanted.has(event.type) || !inStreams(event.streamId, streams)) continue; // a store may hand over others too
    batch.push(event);
    if (batch.length >= batchSize) await apply(event.position);
  }
  await apply(until);
  return until;
}
