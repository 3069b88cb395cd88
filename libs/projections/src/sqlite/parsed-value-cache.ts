/**
 * Stored values parsed once and shared, by id, least recently used out first once their JSON
 * passes a budget (in characters). A version never changes, so its parsed value can be shared:
 * it is frozen, so that no reader changes it under another.
 */
export class ParsedValueCache {
  private readonly entries = new Map<number, { value: unknown; size: number }>();
  private size = 0;

  constructor(private readonly budget: number) {}

  /** The value parsed for `id`, now the most recently used; undefined when none is kept. */
  get(id: number): unknown {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.value;
  }

  /** Parses and keeps the value stored under `id`, letting the least recently used go while over budget. */
  remember(id: number, json: string): unknown {
    const value = deepFreeze(JSON.parse(json));
    this.entries.set(id, { value, size: json.length });
    this.size += json.length;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
