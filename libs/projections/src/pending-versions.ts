import type { ViewWriter } from './view-store.port.js';

export interface PendingVersion {
  from: number;
  /** The stored text; null ends the row. */
  json: string | null;
  /** What was put, handed back to the batch's own reads (values are treated as immutable). */
  value: unknown;
}

/**
 * The versions a batch writes, held until it is stored: the batch reads its own writes from
 * here, and each key costs one lookup and one update however often the batch changes it.
 */
export class PendingVersions {
  private readonly byKey = new Map<string, { view: string; key: string; versions: PendingVersion[] }>();
  private readonly stored = new Map<number, unknown>();

  /** A stored value the batch has read, parsed the first time. */
  parsed(id: number, parse: () => unknown): unknown {
    let value = this.stored.get(id);
    if (value === undefined) this.stored.set(id, (value = parse()));
    return value;
  }

  latest(view: string, key: string): PendingVersion | undefined {
    const versions = this.byKey.get(`${view}\u0000${key}`)?.versions;
    return versions?.[versions.length - 1];
  }

  add(view: string, key: string, version: PendingVersion): void {
    const id = `${view}\u0000${key}`;
    let entry = this.byKey.get(id);
    if (!entry) this.byKey.set(id, (entry = { view, key, versions: [] }));
    const last = entry.versions[entry.versions.length - 1];
    // Two writes for one event: the later one is that event's version.
    if (last?.from === version.from) entry.versions[entry.versions.length - 1] = version;
    else entry.versions.push(version);
  }

  keys() {
    return this.byKey.values();
  }
}

/**
 * The writer a projection applies one event with: it reads the batch's own writes first, then
 * what was stored before the batch (`stored`: the key's newest value, parsed once a batch and
 * shared, so a projection builds its next value from a copy); it writes the event's versions.
 */
export function pendingWriter(batch: PendingVersions, position: number, stored: (view: string, key: string) => unknown): ViewWriter {
  return {
    get: async <T>(view: string, key: string) => {
      const pending = batch.latest(view, key);
      if (pending) return (pending.json === null ? undefined : pending.value) as T | undefined;
      return stored(view, key) as T | undefined;
    },
    put: async <T>(view: string, key: string, value: T) => batch.add(view, key, { from: position, json: JSON.stringify(value), value }),
    remove: async (view: string, key: string) => batch.add(view, key, { from: position, json: null, value: undefined }),
  };
}
