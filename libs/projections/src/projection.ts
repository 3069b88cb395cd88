// The embedded log's entry: a worker thread that applies events need not load the whole package.
import { type DomainEvent, type RecordedEvent, type StoredEvent, eventsOf } from '@lagesbild/event-store/sqlite';
import type { ViewReader, ViewWriter } from './view-store.port.js';

/**
 * A read model: it declares its name, version, the views it writes and the event types it
 * handles, and applies each such event to its views. Deterministic: no clock, no
 * randomness — everything it needs is in the event, so a rebuild gives the same views.
 * `E` is the union of the events it handles: it is handed only those (`applying`).
 */
export interface Projection<E extends DomainEvent = DomainEvent> {
  name: string;
  version: number;
  handles: ReadonlyArray<E['type']>;
  /** The views it writes (and alone writes): stored under its version, `<view>@v<version>`. */
  views: readonly string[];
  /**
   * False for one that reads only its events' data (and ids, types, streams, positions, times),
   * never their metadata: a build reads its events without metadata and hashes
   * (`EventSelection.dataOnly`) unless another projection of the build reads them whole.
   */
  readsMetadata?: boolean;
  // A method, not a function property: its parameter is then checked both ways, so that
  // projections of different event unions fit one `Projection[]`.
  apply(event: RecordedEvent<E>, views: ViewWriter): Promise<void>;
}

/** Where a projection keeps its checkpoint: a new version is built beside the old one. */
export const checkpointName = (projection: Pick<Projection, 'name' | 'version'>) => `${projection.name}@v${projection.version}`;

/** The name a projection's view is stored under: each version has its own rows. */
export const storedView = (projection: Pick<Projection, 'version'>, view: string) => `${view}@v${projection.version}`;

/** Each projection's views by their stored names, worked out once. */
const storedViewsOf = new WeakMap<Projection, Map<string, string>>();

/** The writer a projection gets: its own views, under its version; any other view is a defect. */
function versionedWriter(projection: Projection, writer: ViewWriter): ViewWriter {
  let stored = storedViewsOf.get(projection);
  if (!stored) storedViewsOf.set(projection, (stored = new Map(projection.views.map((view) => [view, storedView(projection, view)]))));
  const name = (view: string) => {
    const named = stored.get(view);
    if (named === undefined) throw new Error(`Projection ${projection.name} writes view "${view}" it does not declare`);
    return named;
  };
  return {
    get: (view, key) => writer.get(name(view), key),
    put: (view, key, value) => writer.put(name(view), key, value),
    remove: (view, key) => writer.remove(name(view), key),
  };
}

/** Each projection's check that an event is one it handles, made once. */
const handledBy = new WeakMap<Projection, (event: StoredEvent) => event is RecordedEvent<DomainEvent>>();

function handled(projection: Projection): (event: StoredEvent) => event is RecordedEvent<DomainEvent> {
  let handles = handledBy.get(projection);
  if (!handles) handledBy.set(projection, (handles = eventsOf(...projection.handles)));
  return handles;
}

/**
 * What a view-store batch applies each event with: the projection, through its versioned writer
 * (`wrap`ped, if given), once the event is checked to be one it handles (the caller selects
 * them: any other is a defect). A store hands every event of a batch the same writer, so the
 * versioned one is made once a batch (not remembered by writer: a key per batch in a WeakMap
 * made every scavenge sweep it).
 */
export function applying(projection: Projection, wrap: (writer: ViewWriter) => ViewWriter = (writer) => writer): (writer: ViewWriter, event: StoredEvent) => Promise<void> {
  const handles = handled(projection);
  let writes: ViewWriter | undefined;
  let versioned: ViewWriter | undefined;
  return (writer, event) => {
    if (writer !== writes) [writes, versioned] = [writer, wrap(versionedWriter(projection, writer))];
    const { type } = event;
    if (handles(event)) return projection.apply(event, versioned!);
    throw new Error(`Projection ${projection.name} was handed a ${type} event, which it does not handle`);
  };
}

/** For each view, the stored name of the given projections' (newest) version that writes it. */
export function activeViews(projections: readonly Projection[]): Map<string, string> {
  const byView = new Map<string, Projection>();
  for (const projection of projections) {
    for (const view of projection.views) {
      const current = byView.get(view);
      if (!current || current.version < projection.version) byView.set(view, projection);
    }
  }
  return new Map([...byView].map(([view, projection]) => [view, storedView(projection, view)]));
}

/** A reader that reads each view from the version in `active` (queries name views plainly). */
export function versionedReader(reader: ViewReader, active: Map<string, string>): ViewReader {
  const name = (view: string) => active.get(view) ?? view;
  return {
    get: (view, key) => reader.get(name(view), key),
    list: (view, prefix) => reader.list(name(view), prefix),
  };
}
