import { OPEN } from '../views-file.js';
import type { BuiltValues } from './built-values.js';

/** Values a version index row has: view, key, valid from, valid to, value. */
export const INDEX_ROW_LENGTH = 5;

/** A key's versions in a bulk build, in the order they came: each runs until the next; a null value ends the row. */
export interface KeyVersions {
  froms: number[];
  /** Each version's value, by its number in the build (`BuiltValues`). */
  values: Array<number | null>;
  /** The newest value's text, for the batches that read the key next: a build reads nothing back from the file. */
  json: string | null;
  /** The newest value as the batch being applied has it (`BuildWriter`); undefined between batches. */
  parsed: unknown;
}

/**
 * A bulk build's versions per view and key, kept in memory and written once, in key order,
 * when the build is finished: in the order events come, each version would land at a random
 * place in the index, and each key's open version would be looked up and closed.
 */
export class BuiltVersions {
  private readonly byView = new Map<string, Map<string, KeyVersions>>();

  constructor(private readonly values: BuiltValues) {}

  /**
   * A new version of a key from `from` on (`json` null: the row ends there). A second write for
   * the same event replaces the first: its text, or its value (a value ended by the same event
   * that wrote it is stored, unreferenced).
   */
  newVersion(view: string, key: string, from: number, json: string | null): KeyVersions {
    const versions = this.of(view, key);
    if (!versions) return this.add(view, key, { froms: [from], values: [this.numbered(json)], json, parsed: undefined });
    const last = versions.froms.length - 1;
    if (versions.froms[last] !== from) {
      versions.froms.push(from);
      versions.values.push(this.numbered(json));
    } else {
      const value = versions.values[last]!;
      if (value !== null && json !== null) this.values.replace(value, json);
      else versions.values[last] = this.numbered(json);
    }
    versions.json = json;
    return versions;
  }

  /** A key's versions in this build (undefined: none). */
  of(view: string, key: string): KeyVersions | undefined {
    return this.byView.get(view)?.get(key);
  }

  /**
   * The version index's rows in SQLite's order for ASCII names, one after the other: view, key,
   * valid from, valid to and the value's number in the build (`INDEX_ROW_LENGTH` each; a
   * version that ended the row has none).
   */
  indexRows(): Array<string | number> {
    const rows: Array<string | number> = [];
    for (const view of [...this.byView.keys()].sort()) {
      const byKey = this.byView.get(view)!;
      for (const key of [...byKey.keys()].sort()) {
        const { froms, values } = byKey.get(key)!;
        for (let i = 0; i < froms.length; i += 1) {
          const value = values[i]!;
          if (value !== null) rows.push(view, key, froms[i]!, i + 1 < froms.length ? froms[i + 1]! : OPEN, value);
        }
      }
    }
    return rows;
  }

  private add(view: string, key: string, versions: KeyVersions): KeyVersions {
    let keys = this.byView.get(view);
    if (!keys) this.byView.set(view, (keys = new Map()));
    keys.set(key, versions);
    return versions;
  }

  private numbered(json: string | null): number | null {
    return json === null ? null : this.values.add(json);
  }
}
