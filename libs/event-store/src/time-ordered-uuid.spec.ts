import { describe, expect, it } from '@jest/globals';
import { timeOrderedUuid } from './time-ordered-uuid.js';

describe('timeOrderedUuid', () => {
  it('makes version-7 UUIDs that carry their millisecond and sort by it', () => {
    const at = Date.parse('2026-11-23T21:00:00.123Z');
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    const later = [1, 2, 1_000, 86_400_000].map((ms) => timeOrderedUuid(at + ms));
    expect([...later].sort()).toEqual(later);
    expect(later.every((l) => l > id)).toBe(true);
  });

  it('never repeats itself, even within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedUuid(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
