import type { StoredEvent } from '@lagesbild/event-store';
import type { ViewWriter } from './view-store.port.js';

/**
 * A read model: it declares its name, version and the event types it handles, and applies
 * each such event to its views. Deterministic: no clock, no randomness — everything it needs
 * is in the event, so a rebuild gives the same views.
 */
export interface Projection {
  name: string;
  version: number;
  handles: readonly string[];
  apply(event: StoredEvent, views: ViewWriter): Promise<void>;
}

/** Where a projection keeps its checkpoint: a new version is built beside the old one. */
export const checkpointName = (projection: Pick<Projection, 'name' | 'version'>) => `${projection.name}@v${projection.version}`;
