import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LTR_ISOLATE,
  POP_ISOLATE,
  UYGHUR_MONTH_NAMES,
  formatDate,
  formatInteger,
  formatNumber,
  formatPercent,
} from '../../../shared/i18n/index';

/*
 * Node is built with full ICU and so does have CLDR's 'ug' data, which Chromium lacks. Comparing
 * our hand-made Uyghur output with Node's Intl('ug') proves it is CLDR's format, digit for digit.
 * signDisplay 'negative' is our one deliberate choice on top of CLDR: no "-0".
 */
const cldr = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('ug', { ...options, signDisplay: 'negative' });

/** Doubles of every kind, plus the decimal fractions where rounding ties live. */
const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ noNaN: true, min: -1e7, max: 1e7 }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 1000),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 8),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n + 0.5),
  fc.constantFrom(0, -0, 0.5, 1.005, 2.675, 1.45, 12028, 5849, 26328, 1e21, 5e-324, Number.MAX_VALUE),
);

const fractionDigits = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom('both', 'min', 'max', 'none'))
  .map(([a, b, which]) => {
    const [min, max] = a <= b ? [a, b] : [b, a];
    if (which === 'both') return { minimumFractionDigits: min, maximumFractionDigits: max };
    if (which === 'min') return { minimumFractionDigits: min };
    if (which === 'max') return { maximumFractionDigits: max };
    return {};
  });

describe("Uyghur numbers are CLDR's 'ug' format", () => {
  it("is compared against real 'ug' data, not a fallback", () => {
    expect(new Intl.NumberFormat('ug').resolvedOptions().locale).toBe('ug');
    expect(new Intl.DateTimeFormat('ug').resolvedOptions().locale).toBe('ug');
  });

  it("prints what CLDR prints for the app's own figures", () => {
    // Written out once, so the format chosen is visible here: no bidi marks, "%" after the number.
    expect(cldr({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(-0.486)).toBe('-48.6%');
    expect(cldr({}).format(12028)).toBe('12,028');
    expect(formatPercent(-0.486, 'ug', 1, { bidi: 'plain' })).toBe('-48.6%');
    expect(formatNumber(12028, 'ug', { bidi: 'plain' })).toBe('12,028');
  });

  it('agrees with Intl(ug) on any number and any fraction digits', () => {
    fc.assert(
      fc.property(anyNumber, fractionDigits, (n, digits) => {
        expect(formatNumber(n, 'ug', { ...digits, bidi: 'plain' })).toBe(cldr(digits).format(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Intl(ug) on integers', () => {
    fc.assert(
      fc.property(anyNumber, (n) => {
        expect(formatInteger(n, 'ug', { bidi: 'plain' })).toBe(cldr({ maximumFractionDigits: 0 }).format(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl(ug) on percentages', () => {
    const ratio = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -20, max: 20 }),
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 100_000),
      fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 1, max: 30_000 })).map(([a, b]) => a / b),
      anyNumber,
    );
    fc.assert(
      fc.property(ratio, fc.integer({ min: 0, max: 4 }), (r, digits) => {
        const expected = cldr({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(r);
        expect(formatPercent(r, 'ug', digits, { bidi: 'plain' })).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('by default wraps exactly that text in a left-to-right isolate, and nothing else', () => {
    fc.assert(
      fc.property(anyNumber, (n) => {
        expect(formatNumber(n, 'ug')).toBe(LTR_ISOLATE + formatNumber(n, 'ug', { bidi: 'plain' }) + POP_ISOLATE);
        expect(formatPercent(n, 'ug')).toBe(LTR_ISOLATE + formatPercent(n, 'ug', 1, { bidi: 'plain' }) + POP_ISOLATE);
      }),
    );
  });

  it('rejects fraction digits that Intl rejects', () => {
    expect(() => formatNumber(1, 'ug', { minimumFractionDigits: 3, maximumFractionDigits: 2 })).toThrow(RangeError);
    expect(() => formatNumber(1, 'ug', { maximumFractionDigits: 101 })).toThrow(RangeError);
    expect(() => formatPercent(1, 'ug', -1)).toThrow(RangeError);
  });
});

describe("Uyghur dates and CLDR's 'ug' data", () => {
  it("UYGHUR_MONTH_NAMES are CLDR's standalone month names", () => {
    const cldrMonths = Array.from({ length: 12 }, (_, m) =>
      new Intl.DateTimeFormat('ug', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, m, 1)),
    );
    expect(UYGHUR_MONTH_NAMES).toEqual(cldrMonths);
  });

  it("uses the official long form, not CLDR's long pattern", () => {
    const cldrLong = new Intl.DateTimeFormat('ug', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 22));
    expect(cldrLong).toBe('22-نويابىر، 2026');
    expect(formatDate('2026-11-22', 'ug')).toBe('2026-يىلى 11-ئاينىڭ 22-كۈنى');
  });
});
