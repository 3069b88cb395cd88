import { describe, expect, it } from '@jest/globals';
import { ParsedValueCache } from './parsed-value-cache.js';

describe('parsed value cache', () => {
  it('parses a value once and hands the same frozen value back, nested values frozen too', () => {
    const cache = new ParsedValueCache(1000);
    const value = cache.remember(1, '{"level":2,"items":[{"n":1}]}') as { level: number; items: Array<{ n: number }> };
    expect(value).toEqual({ level: 2, items: [{ n: 1 }] });
    expect(cache.get(1)).toBe(value);
    expect(Object.isFrozen(value) && Object.isFrozen(value.items) && Object.isFrozen(value.items[0])).toBe(true);
    expect(cache.get(2)).toBeUndefined();
  });

  it('lets the least recently used values go once their JSON passes the budget', () => {
    const cache = new ParsedValueCache(10);
    cache.remember(1, '"abcd"'); // 6 characters
    cache.remember(2, '"ab"'); // 4: 10 in all, within the budget
    expect(cache.get(1)).toBe('abcd'); // 1 is now the more recently used
    cache.remember(3, '"a"'); // 3 more: 2, the least recently used, goes
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBe('abcd');
    expect(cache.get(3)).toBe('a');
  });

  it('hands back a value larger than the budget without keeping it', () => {
    const cache = new ParsedValueCache(4);
    expect(cache.remember(1, '"too long"')).toBe('too long');
    expect(cache.get(1)).toBeUndefined();
  });
});
