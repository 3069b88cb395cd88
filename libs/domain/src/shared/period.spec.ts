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

  it('puts a deadline beside a change of summer time on its side of the change', () => {
    // Summer time began at 01:00 UTC on 25 March 2018: the 24th ends in winter time, the 25th in summer time.
    expect(deadlineOf('2018-02', 24)).toBe('2018-03-24T23:00:00.000Z');
    expect(deadlineOf('2018-02', 25)).toBe('2018-03-25T22:00:00.000Z');
    // It ended at 01:00 UTC on 28 October 2018.
    expect(deadlineOf('2018-09', 27)).toBe('2018-10-27T22:00:00.000Z');
    expect(deadlineOf('2018-09', 28)).toBe('2018-10-28T23:00:00.000Z');
  });

  it('reads Swedish time as the time-zone database does, in the weeks summer time begins and ends', () => {
    const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const HOUR = 3_600_000;
    for (let year = 1981; year <= 2060; year += 1) {
      for (const month of [3, 9, 10]) {
        const period = `${year}-${String(month).padStart(2, '0')}`;
        for (let day = 18; day <= 31; day += 1) {
          // A deadline is a Swedish midnight: the start of the day after the deadline day.
          const deadline = Date.parse(deadlineOf(addMonths(period, -1), day - 1));
          expect(stockholm.format(deadline)).toBe(`${new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)} 00:00`);
          for (const instant of [deadline - 1, deadline, deadline + HOUR, deadline + 3 * HOUR]) {
            expect(swedishDate(new Date(instant))).toBe(stockholm.format(instant).slice(0, 10));
          }
        }
      }
    }
    // The last minutes of a month in winter and in summer time.
    expect(periodOf(new Date('2018-01-31T22:59:59Z'))).toBe('2018-01');
    expect(periodOf(new Date('2018-01-31T23:00:00Z'))).toBe('2018-02');
    expect(periodOf(new Date('2018-07-31T21:59:59Z'))).toBe('2018-07');
    expect(periodOf(new Date('2018-07-31T22:00:00Z'))).toBe('2018-08');
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
