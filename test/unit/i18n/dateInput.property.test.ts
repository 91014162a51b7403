import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInputEcho, isoDate, parseDateInput } from '../../../shared/i18n/dateInput';
import { formatDate } from '../../../shared/i18n/format';

describe('a typed date, in either language', () => {
  it.each([
    ['2026-12-07', '2026-12-07'],
    ['2026-12-7', '2026-12-07'],
    ['2026/12/7', '2026-12-07'],
    ['2026.1.5', '2026-01-05'],
    ['20261207', '2026-12-07'],
    [' 2026 - 12 - 07 ', '2026-12-07'],
    ['２０２６－１２－０７', '2026-12-07'],
    ['2026年12月7日', '2026-12-07'],
    ['2026年1月20号', '2026-01-20'],
    ['2026-يىلى 12-ئاينىڭ 7-كۈنى', '2026-12-07'],
    ['2026-يىلى 1-ئاي 20-كۈنى', '2026-01-20'],
    ['\u20662026-12-07\u2069', '2026-12-07'],
    ['٢٠٢٦-١٢-٠٧', '2026-12-07'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });

  it.each(['', '   ', '12/07/2026', '07.12.2026', '2026-13-01', '2026-02-29', '2025-04-31', '2026-00-10', '0999-01-01', 'tomorrow', '2026-12', '2026年12月', '2026-12-07x'])(
    'refuses %j (no guessing day or month first, no dates that do not exist)',
    (typed) => {
      expect(parseDateInput(typed)).toBeNull();
    },
  );

  it('reads back every date it writes, in the short and long forms of both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = isoDate(y, m, d);
        const real = new Date(Date.UTC(y, m - 1, d));
        // isoDate gives a date exactly when the calendar has it.
        expect(iso !== null).toBe(real.getUTCFullYear() === y && real.getUTCMonth() === m - 1 && real.getUTCDate() === d);
        if (iso === null) return;
        for (const lang of ['zh-CN', 'ug'] as const) {
          expect(parseDateInput(formatDate(iso, lang, 'long'))).toBe(iso);
          expect(parseDateInput(formatDate(iso, lang, 'short', { bidi: 'isolate' }))).toBe(iso);
        }
      }),
    );
  });

  it('confirms the date in words under the field, or nothing for text that is not a date', () => {
    expect(dateInputEcho('2026-12-07', 'zh-CN')).toBe('2026年12月7日');
    expect(dateInputEcho('2026/12/7', 'ug')).toBe('2026-يىلى 12-ئاينىڭ 7-كۈنى');
    expect(dateInputEcho('12/07/2026', 'ug')).toBeNull();
  });
});
