import { describe, expect, it } from '@jest/globals';
import { medianLevel } from './levels.figures.js';
import { caseCount } from './support-cases.figures.js';
import { swedishDate, swedishDateTime } from './swedish-time.js';

describe('the report-back’s wording of times and figures', () => {
  it('prints times in Swedish local time, summer and winter', () => {
    expect(swedishDateTime('2026-12-07T13:34:00.000Z')).toBe('7 december 2026 kl. 14.34');
    expect(swedishDateTime('2026-06-15T12:05:00.000Z')).toBe('15 juni 2026 kl. 14.05');
    // Past midnight in Sweden, still the day before in UTC.
    expect(swedishDate('2018-02-26T23:30:00.000Z')).toBe('27 februari 2018');
  });

  it('takes the median of an ordinal scale as a level someone reported', () => {
    expect(medianLevel([0, 1, 1, 1, 0])).toBe(2);
    // Two municipalities at 1 and two at 3: the lower middle level, never 2.
    expect(medianLevel([0, 2, 0, 2, 0])).toBe(1);
    expect(medianLevel([0, 0, 0, 0, 0])).toBeNull();
  });

  it('never prints a count of support cases below three as a number', () => {
    expect([0, 1, 2, 3, 12].map(caseCount)).toEqual(['–', 'färre än 3', 'färre än 3', 3, 12]);
  });
});
