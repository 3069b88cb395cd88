import type { ViewWriter } from '../../view-store.port.js';
import type { BuiltVersions, KeyVersions } from './built-versions.js';

const NOTHING: Promise<undefined> = Promise.resolve(undefined);
const DONE: Promise<void> = Promise.resolve();

/**
 * The writer a bulk build's batch applies its events with: each version goes straight into the
 * build, and a key's newest value is read back from it — what was put, or its text parsed once
 * a batch, so that a projection builds its next value from a copy.
 */
export class BuildWriter implements ViewWriter {
  position = 0;
  /** The keys whose value this batch has at hand: let go when it is done (else the build would hold every key's). */
  private readonly held: KeyVersions[] = [];

  constructor(private readonly versions: BuiltVersions) {}

  get<T>(view: string, key: string): Promise<T | undefined> {
    const versions = this.versions.of(view, key);
    if (!versions || versions.json === null) return NOTHING;
    if (versions.parsed === undefined) this.hold(versions, JSON.parse(versions.json));
    return Promise.resolve(versions.parsed as T);
  }

  put<T>(view: string, key: string, value: T): Promise<void> {
    this.hold(this.versions.newVersion(view, key, this.position, JSON.stringify(value)), value);
    return DONE;
  }

  remove(view: string, key: string): Promise<void> {
    this.versions.newVersion(view, key, this.position, null);
    return DONE;
  }

  /** The batch is applied: the values it had at hand are let go. */
  batchDone(): void {
    for (const versions of this.held) versions.parsed = undefined;
    this.held.length = 0;
  }

  private hold(versions: KeyVersions, value: unknown): void {
    if (versions.parsed === undefined) this.held.push(versions);
    versions.parsed = value;
  }
}
