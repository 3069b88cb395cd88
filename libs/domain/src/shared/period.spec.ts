import { describe, expect, it } from '@jest/globals';
import { addMonths, deadlineOf, isPeriod, monthsBetween, nextPeriod, periodOf, periodsBetween, swedishDate } from './period.js';

describe('periods', () => {
  it('accepts months only', () => {
    expect(isPeriod('2018-03')).toBe(true);
    for (const bad of ['2018-13', '2018-3', '18-03', '2018-03-01', '']) expect(isPeriod(bad)).toBe(false);
  });

  it('knows the next month, across the year', () => {
    expect(nextPeriod('2018-03')).toBe('2018-04');
    expect(nextPeriod('2018-12')).toBe('2019-01');
  });

  it('puts the deadline at the end of the deadline day of the next month, Swedish time', () => {
    // March's report is due by the 10th of April; Sweden is on summer time (UTC+2) then.
    expect(deadlineOf('2018-03', 10)).toBe('2018-04-10T22:00:00.000Z');
    // January's, by the 10th of February, winter time (UTC+1).
    expect(deadlineOf('2018-01', 10)).toBe('2018-02-10T23:00:00.000Z');
    expect(deadlineOf('2018-12', 28)).toBe('2019-01-28T23:00:00.000Z');
  });

  it('reads the date of an instant in Swedish time', () => {
    expect(swedishDate(new Date('2018-03-31T22:30:00Z'))).toBe('2018-04-01');
    expect(swedishDate(new Date('2018-03-31T21:30:00Z'))).toBe('2018-03-31');
  });

  it('reads the period of an instant in Swedish time', () => {
    expect(periodOf(new Date('2018-03-31T22:30:00Z'))).toBe('2018-04');
    expect(periodOf(new Date('2018-03-31T21:30:00Z'))).toBe('2018-03');
  });

  it('counts and steps months across years', () => {
    expect(addMonths('2018-11', 3)).toBe('2019-02');
    expect(addMonths('2018-01', -1)).toBe('2017-12');
    expect(monthsBetween('2017-09', '2018-02')).toBe(6);
    expect(monthsBetween('2018-02', '2017-09')).toBe(0);
    expect(periodsBetween('2017-11', '2018-02')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
  });
});
