import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERIOD_KINDS,
  comparePeriods,
  enclosingPeriod,
  finerKind,
  formatPeriod,
  isPeriod,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodEnd,
  periodKind,
  periodMonths,
  periodStart,
  previousPeriod,
  subPeriods,
  type ParsedPeriod,
  type PeriodKind,
} from '../../../shared/domain/period';
import { periodSchema } from '../../../shared/domain/stats';

const PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };

export const arbParsedPeriod = (years: { min: number; max: number } = { min: 2000, max: 2040 }): fc.Arbitrary<ParsedPeriod> =>
  fc
    .record({ year: fc.integer(years), kind: fc.constantFrom(...PERIOD_KINDS) })
    .chain(({ year, kind }) => fc.integer({ min: 1, max: PER_YEAR[kind] }).map((index) => ({ year, kind, index })));
const arbPeriod = arbParsedPeriod().map(formatPeriod);

describe('parsePeriod and formatPeriod', () => {
  it('read the four kinds', () => {
    expect(parsePeriod('2025')).toEqual({ year: 2025, kind: 'year', index: 1 });
    expect(parsePeriod('2025H2')).toEqual({ year: 2025, kind: 'half', index: 2 });
    expect(parsePeriod('2025Q3')).toEqual({ year: 2025, kind: 'quarter', index: 3 });
    expect(parsePeriod('2025M07')).toEqual({ year: 2025, kind: 'month', index: 7 });
  });

  it('refuse anything else, including a second spelling of a valid period', () => {
    for (const bad of ['', '25', '2025H3', '2025H0', '2025Q5', '2025Q0', '2025M13', '2025M00', '2025M7', '2025Q03', '2025m07', ' 2025', '2025-07', '20250']) {
      expect(parsePeriod(bad), bad).toBeNull();
      expect(isPeriod(bad), bad).toBe(false);
    }
  });

  it('round-trip every period, and agree with the stored periodSchema', () => {
    fc.assert(
      fc.property(arbParsedPeriod({ min: 0, max: 9999 }), (parsed) => {
        const text = formatPeriod(parsed);
        expect(parsePeriod(text)).toEqual(parsed);
        expect(periodSchema.safeParse(text).success).toBe(true);
      }),
    );
  });

  it('accept exactly what periodSchema accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}([HQMX]\d{1,2})?$/), (text) => {
        expect(isPeriod(text)).toBe(periodSchema.safeParse(text).success);
      }),
    );
  });

  it('formatPeriod refuses an index outside its kind or a year outside 0–9999', () => {
    expect(() => formatPeriod({ year: 2025, kind: 'quarter', index: 5 })).toThrow(RangeError);
    expect(() => formatPeriod({ year: 2025, kind: 'month', index: 0 })).toThrow(RangeError);
    expect(() => formatPeriod({ year: 10000, kind: 'year', index: 1 })).toThrow(RangeError);
  });

  it('periodKind names the kind and throws on a non-period', () => {
    expect(['2025', '2025H1', '2025Q1', '2025M01'].map(periodKind)).toEqual(['year', 'half', 'quarter', 'month']);
    expect(() => periodKind('2025Q9')).toThrow(RangeError);
  });
});

describe('periodContains', () => {
  it('a year contains its halves, quarters and months', () => {
    for (const inner of ['2025H2', '2025Q3', '2025M08', '2025M01', '2025M12']) expect(periodContains('2025', inner), inner).toBe(true);
    expect(periodContains('2025', '2024M12')).toBe(false);
    expect(periodContains('2025', '2026M01')).toBe(false);
  });

  it('a half contains its two quarters and six months, not the other half', () => {
    expect(periodContains('2025H2', '2025Q3')).toBe(true);
    expect(periodContains('2025H2', '2025Q4')).toBe(true);
    expect(periodContains('2025H2', '2025Q2')).toBe(false);
    expect(periodContains('2025H2', '2025M07')).toBe(true);
    expect(periodContains('2025H2', '2025M06')).toBe(false);
    expect(periodContains('2025H1', '2025M06')).toBe(true);
  });

  it('a quarter contains its three months', () => {
    expect(subPeriods('2025Q3').every((m) => periodContains('2025Q3', m))).toBe(true);
    expect(periodContains('2025Q3', '2025M10')).toBe(false);
  });

  it('a period contains itself; a finer period never contains a coarser one', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(periodContains(p, p)).toBe(true);
      }),
    );
    expect(periodContains('2025Q3', '2025H2')).toBe(false);
    expect(periodContains('2025M08', '2025')).toBe(false);
  });

  it('is false for text that is not a period', () => {
    expect(periodContains('2025', 'soon')).toBe(false);
    expect(periodContains('later', '2025')).toBe(false);
  });

  it('is a partial order in which two periods are nested or disjoint (never overlapping)', () => {
    fc.assert(
      fc.property(arbPeriod, arbPeriod, arbPeriod, (a, b, c) => {
        if (periodContains(a, b) && periodContains(b, a)) expect(a).toBe(b);
        if (periodContains(a, b) && periodContains(b, c)) expect(periodContains(a, c)).toBe(true);
        const [sa, sb] = [periodMonths(a), periodMonths(b)];
        const overlap = sa.first <= sb.last && sb.first <= sa.last;
        expect(overlap).toBe(periodContains(a, b) || periodContains(b, a));
      }),
    );
  });
});

describe('subPeriods', () => {
  it('gives the next finer kind by default, in time order', () => {
    expect(subPeriods('2025')).toEqual(['2025H1', '2025H2']);
    expect(subPeriods('2025H2')).toEqual(['2025Q3', '2025Q4']);
    expect(subPeriods('2025Q3')).toEqual(['2025M07', '2025M08', '2025M09']);
    expect(subPeriods('2025M07')).toEqual([]);
  });

  it('gives any finer kind on request; the own kind is the period itself; a coarser kind gives none', () => {
    expect(subPeriods('2025', 'quarter')).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(subPeriods('2025', 'month')).toHaveLength(12);
    expect(subPeriods('2025H1', 'month')).toEqual(['2025M01', '2025M02', '2025M03', '2025M04', '2025M05', '2025M06']);
    expect(subPeriods('2025Q2', 'quarter')).toEqual(['2025Q2']);
    expect(subPeriods('2025Q2', 'year')).toEqual([]);
  });

  it('partitions the period: the months of the sub-periods are exactly its months, once each', () => {
    fc.assert(
      fc.property(arbPeriod, fc.constantFrom(...PERIOD_KINDS), (p, kind) => {
        const parts = subPeriods(p, kind);
        if (parts.length === 0) return;
        const months = parts.flatMap((part) => subPeriods(part, 'month'));
        expect(months).toEqual(subPeriods(p, 'month'));
        for (const part of parts) expect(periodContains(p, part)).toBe(true);
      }),
    );
  });

  it('finerKind steps year → half → quarter → month → none', () => {
    expect(PERIOD_KINDS.map(finerKind)).toEqual(['half', 'quarter', 'month', null]);
  });
});

describe('previousPeriod and nextPeriod', () => {
  it('step within the same kind, across year ends', () => {
    expect(previousPeriod('2025')).toBe('2024');
    expect(previousPeriod('2025H1')).toBe('2024H2');
    expect(previousPeriod('2025Q1')).toBe('2024Q4');
    expect(previousPeriod('2025Q3')).toBe('2025Q2');
    expect(previousPeriod('2025M01')).toBe('2024M12');
    expect(nextPeriod('2025M12')).toBe('2026M01');
    expect(nextPeriod('2025H2')).toBe('2026H1');
  });

  it('are inverse and keep the kind', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(nextPeriod(previousPeriod(p))).toBe(p);
        expect(periodKind(previousPeriod(p))).toBe(periodKind(p));
        expect(periodEnd(previousPeriod(p)) < periodStart(p)).toBe(true);
      }),
    );
  });

  it('refuse to step before year 0', () => {
    expect(() => previousPeriod('0000Q1')).toThrow(RangeError);
  });
});

describe('enclosingPeriod', () => {
  it('finds the coarser period holding a finer one', () => {
    expect(enclosingPeriod('2025M08', 'quarter')).toBe('2025Q3');
    expect(enclosingPeriod('2025M08', 'half')).toBe('2025H2');
    expect(enclosingPeriod('2025Q2', 'year')).toBe('2025');
    expect(enclosingPeriod('2025Q2', 'quarter')).toBe('2025Q2');
    expect(enclosingPeriod('2025Q2', 'month')).toBeNull();
  });
});

describe('comparePeriods', () => {
  it('sorts across kinds by end date, then shorter first (each period after what it contains)', () => {
    const shuffled = ['2025', '2025H2', '2025M12', '2025Q4', '2025H1', '2025Q2', '2025M06', '2025M07', '2024'];
    expect([...shuffled].sort(comparePeriods)).toEqual(['2024', '2025M06', '2025Q2', '2025H1', '2025M07', '2025M12', '2025Q4', '2025H2', '2025']);
  });

  it('is a total order consistent with containment and with text order within a kind', () => {
    fc.assert(
      fc.property(arbPeriod, arbPeriod, (a, b) => {
        const c = comparePeriods(a, b);
        expect(Math.sign(c) + Math.sign(comparePeriods(b, a))).toBe(0);
        if (c === 0) expect(a).toBe(b);
        if (a !== b && periodContains(a, b)) expect(c).toBeGreaterThan(0);
        if (periodKind(a) === periodKind(b)) expect(Math.sign(c)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('puts text that is not a period after every period', () => {
    expect(['x', '2025', '2024Q1'].sort(comparePeriods)).toEqual(['2024Q1', '2025', 'x']);
  });
});

describe('periodStart and periodEnd', () => {
  it('give the first and last day as yyyy-mm-dd', () => {
    expect(periodEnd('2025')).toBe('2025-12-31');
    expect(periodEnd('2025H1')).toBe('2025-06-30');
    expect(periodEnd('2025Q3')).toBe('2025-09-30');
    expect(periodEnd('2025M04')).toBe('2025-04-30');
    expect(periodStart('2025Q3')).toBe('2025-07-01');
    expect(periodStart('2025H2')).toBe('2025-07-01');
  });

  it('know leap years, including the century rules', () => {
    expect(periodEnd('2024M02')).toBe('2024-02-29');
    expect(periodEnd('2025M02')).toBe('2025-02-28');
    expect(periodEnd('1900M02')).toBe('1900-02-28');
    expect(periodEnd('2000M02')).toBe('2000-02-29');
  });

  it('agree with the calendar: the day after the end is the start of the next period', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        const end = new Date(`${periodEnd(p)}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 1);
        expect(end.toISOString().slice(0, 10)).toBe(periodStart(nextPeriod(p)));
      }),
    );
  });
});
