import { describe, expect, it } from '@jest/globals';
import { parseInstant } from './as-of.js';

describe('parseInstant (asOf and other times in a query)', () => {
  it('takes an ISO 8601 time or date', () => {
    expect(parseInstant('2018-02-27T12:00:00Z')?.toISOString()).toBe('2018-02-27T12:00:00.000Z');
    expect(parseInstant('2018-02-27T13:00:00+01:00')?.toISOString()).toBe('2018-02-27T12:00:00.000Z');
    expect(parseInstant('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses a day the month lacks instead of rolling it into the next month', () => {
    for (const value of ['2026-02-30T00:00:00Z', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) expect([value, parseInstant(value)]).toEqual([value, undefined]);
  });

  it('refuses what is not a time', () => {
    for (const value of ['garbage', '2018-02-27T25:00:00Z', '27/02/2018', '', 20180227, undefined]) expect([value, parseInstant(value)]).toEqual([value, undefined]);
  });
});
