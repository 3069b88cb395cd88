import { type Decider, fold } from '@lagesbild/domain';
import type { StoredEvent } from './event-envelope.js';
import type { EventStore, ReadStreamOptions } from './event-store.port.js';

/** What a decider knows of an event: its type and data. */
export type DomainEvent = { type: string; data: unknown };

/** A domain event as the store recorded it: its type and data, with the envelope around them. */
export type RecordedEvent<E extends DomainEvent> = E & Omit<StoredEvent, 'type' | 'data'>;

/**
 * A stream's events, typed as the events of the aggregate the caller names. The one place an
 * event read from the store becomes a domain event: the stream id decides which aggregate's
 * events it holds, and only events of that aggregate are ever appended to it.
 */
export async function readEvents<E extends DomainEvent>(store: EventStore, streamId: string, options: ReadStreamOptions = {}): Promise<Array<RecordedEvent<E>>> {
  return (await store.readStream(streamId, options)) as Array<RecordedEvent<E>>;
}

/** An aggregate as its stream left it: the folded state, and the revision of its last event (-1: no stream). */
export interface AggregateAt<S> {
  state: S;
  revision: number;
}

/** Reads an aggregate's stream (up to `toPosition`, when given) and folds it with its decider. */
export async function aggregateStream<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<C, E, S>, 'initialState' | 'evolve'>,
  streamId: string,
  options: { toPosition?: bigint } = {},
): Promise<AggregateAt<S>> {
  const events = await readEvents<E>(store, streamId, options);
  return { state: fold(decider, events), revision: events.length - 1 };
}

/**
 * A check that a stored event is one of an aggregate's events, by its type: a projection or
 * reactor narrows what it is handed with it instead of casting. `E` names the aggregate's event
 * union; the compiler checks that each type given belongs to it.
 */
export function eventsOf<E extends DomainEvent>(...types: Array<E['type']>): (event: StoredEvent) => event is RecordedEvent<E> {
  const known = new Set<string>(types);
  return (event: StoredEvent): event is RecordedEvent<E> => known.has(event.type);
}
