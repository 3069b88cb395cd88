import { type EventSelection, type EventStore, type StoredEvent, type StreamRange, inStreams } from '@lagesbild/event-store/sqlite';
import { type Projection, applying, checkpointName } from './projection.js';
import type { ViewStore } from './view-store.port.js';

/**
 * What a build builds: some projections, from all the events they handle or only from those of
 * a range of streams — one part of a projection whose rows each belong to one range of streams
 * (`reportStreamsOf`), built apart from its other parts.
 */
export interface BuildPart {
  projections: readonly Projection[];
  streams?: StreamRange;
}

export interface BuildViewsOptions {
  /**
   * Events a batch (one view-store batch per projection). 250 by default: a batch's parsed
   * events live until it is applied, and larger batches outlive the young generation.
   */
  batchSize?: number;
  /** The last position to apply (inclusive); by default the log's head when the build starts. */
  until?: bigint;
  /** Told after each batch how far the build has come, and where it ends. */
  onProgress?: (position: bigint, until: bigint) => void;
}

/** A projection in a build: the streams it is built from, and the events of the batch in hand. */
interface Build {
  projection: Projection;
  streams?: StreamRange;
  events: StoredEvent[];
}

/**
 * Builds projections' views from zero in one pass over the log (`cli rebuild`, a report-back's
 * views): the same projections and view-store batches as the runner, but it reads only the
 * events the parts take, and it ends at `until` instead of following the tail. Each
 * projection's checkpoint ends at `until`, so a runner started on these views goes on from there.
 */
export async function buildViews(store: EventStore, views: Pick<ViewStore, 'applyBatch'>, parts: readonly BuildPart[], options: BuildViewsOptions = {}): Promise<bigint> {
  const batchSize = options.batchSize ?? 250;
  const until = options.until ?? (await store.headPosition());
  const builds = parts.flatMap(({ projections, streams }) => projections.map((projection): Build => ({ projection, streams, events: [] })));
  const twice = builds.find((build, i) => builds.findIndex((other) => other.projection === build.projection) !== i);
  if (twice) throw new Error(`${twice.projection.name} is in two parts of one build: its events would be applied out of order`);
  const byType = new Map<string, typeof builds>();
  for (const build of builds) for (const type of build.projection.handles) byType.set(type, [...(byType.get(type) ?? []), build]);
  const select = parts.flatMap(selectionsOf);

  let inBatch = 0;
  const apply = async (upTo: bigint) => {
    for (const { projection, events } of builds) {
      await views.applyBatch(checkpointName(projection), events, upTo, applying(projection));
      events.length = 0;
    }
    inBatch = 0;
    options.onProgress?.(upTo, until);
  };
  for await (const event of store.readAll({ toPosition: until, batchSize, select })) {
    let taken = false;
    for (const build of byType.get(event.type) ?? []) {
      if (!inStreams(event.streamId, build.streams)) continue; // a store may hand over others too
      build.events.push(event);
      taken = true;
    }
    if (taken && ++inBatch >= batchSize) await apply(event.position);
  }
  await apply(until);
  return until;
}

/**
 * What a part reads of the log: the events its projections handle, in its streams; those of
 * the projections that read no metadata for their data alone (`readsMetadata: false`).
 */
function selectionsOf({ projections, streams }: BuildPart): EventSelection[] {
  return [true, false].flatMap((dataOnly) => {
    const types = new Set(projections.filter((p) => (p.readsMetadata === false) === dataOnly).flatMap((p) => p.handles));
    return types.size > 0 ? [{ types: [...types], streams, dataOnly }] : [];
  });
}
