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
  private readonly byView = new Map<string, Map<string, { view: string; key: string; versions: PendingVersion[] }>>();
  private readonly stored = new Map<number, unknown>();

  /** A stored value the batch has read (by its id), parsed the first time. */
  parsed(id: number, parse: () => unknown): unknown {
    let value = this.stored.get(id);
    if (value === undefined) this.stored.set(id, (value = parse()));
    return value;
  }

  latest(view: string, key: string): PendingVersion | undefined {
    const versions = this.byView.get(view)?.get(key)?.versions;
    return versions?.[versions.length - 1];
  }

  add(view: string, key: string, version: PendingVersion): void {
    let keys = this.byView.get(view);
    if (!keys) this.byView.set(view, (keys = new Map()));
    let entry = keys.get(key);
    if (!entry) keys.set(key, (entry = { view, key, versions: [] }));
    const last = entry.versions[entry.versions.length - 1];
    // Two writes for one event: the later one is that event's version.
    if (last?.from === version.from) entry.versions[entry.versions.length - 1] = version;
    else entry.versions.push(version);
  }

  *keys() {
    for (const keys of this.byView.values()) yield* keys.values();
  }
}

/**
 * The writer a projection applies a batch's events with, one after the other (`position`: the
 * event's): it reads the batch's own writes first, then what was stored before the batch
 * (`stored`: the key's newest value, parsed once a batch and shared, so a projection builds its
 * next value from a copy); it writes the event's versions.
 */
export class PendingWriter implements ViewWriter {
  position = 0;

  constructor(
    private readonly batch: PendingVersions,
    private readonly stored: (view: string, key: string) => unknown,
  ) {}

  async get<T>(view: string, key: string): Promise<T | undefined> {
    const pending = this.batch.latest(view, key);
    if (pending) return (pending.json === null ? undefined : pending.value) as T | undefined;
    return this.stored(view, key) as T | undefined;
  }

  async put<T>(view: string, key: string, value: T): Promise<void> {
    this.batch.add(view, key, { from: this.position, json: JSON.stringify(value), value });
  }

  async remove(view: string, key: string): Promise<void> {
    this.batch.add(view, key, { from: this.position, json: null, value: undefined });
  }
}
