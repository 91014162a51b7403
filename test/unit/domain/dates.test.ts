import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, isIsoDate, localToday } from '../../../shared/domain/dates';
import { isoDate } from '../../../shared/i18n/dateInput';

const calendarDate = fc.record({ year: fc.integer({ min: 1990, max: 2090 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map((d) => isoDate(d.year, d.month, d.day)!);

describe('calendar dates (shared/domain/dates.ts)', () => {
  it('adds years keeping the month and day, 29 February moving on to 1 March in a year without one', () => {
    expect(addYears('2026-12-07', 3)).toBe('2029-12-07');
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2026-01-31', -1)).toBe('2025-01-31');
  });

  it('adding years then taking them away gives the same day back (days that exist every year)', () => {
    fc.assert(fc.property(calendarDate, fc.integer({ min: -50, max: 50 }), (date, years) => addYears(addYears(date, years), -years) === date && isIsoDate(addYears(date, years))));
  });

  it('counts the days between two dates as addDays moves them', () => {
    fc.assert(fc.property(calendarDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => daysBetween(date, addDays(date, days)) === days));
  });

  it("reads today on this machine's calendar, not in UTC", () => {
    const lateEvening = new Date(2026, 11, 7, 23, 30);
    expect(localToday(lateEvening)).toBe('2026-12-07');
  });

});
