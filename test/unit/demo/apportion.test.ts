import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, type ApportionItem } from '../../../shared/demo/apportion';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Items with bounds, and a total the bounds allow (some weights 0, some caps, some minimums). */
const feasibleCase = fc
  .array(
    fc.record({
      weight: fc.nat({ max: 10_000 }),
      min: fc.nat({ max: 20 }),
      room: fc.option(fc.nat({ max: 200 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .chain((raw) => {
    const items: ApportionItem[] = raw.map((r) => ({
      weight: r.weight,
      min: r.min,
      ...(r.room === undefined ? {} : { cap: r.min + r.room }),
    }));
    const floor = sum(items.map((i) => i.min ?? 0));
    const weighted = items.filter((i) => i.weight > 0);
    const room = weighted.some((i) => i.cap === undefined)
      ? 5_000
      : sum(weighted.map((i) => (i.cap ?? 0) - (i.min ?? 0)));
    return fc.record({ items: fc.constant(items), total: fc.integer({ min: floor, max: floor + room }) });
  });

describe('apportion', () => {
  it('hits the total exactly and keeps every part within its bounds', () => {
    fc.assert(
      fc.property(feasibleCase, ({ items, total }) => {
        const parts = apportion(total, items);
        expect(sum(parts)).toBe(total);
        parts.forEach((part, i) => {
          expect(Number.isInteger(part)).toBe(true);
          expect(part).toBeGreaterThanOrEqual(items[i]?.min ?? 0);
          expect(part).toBeLessThanOrEqual(items[i]?.cap ?? Number.POSITIVE_INFINITY);
        });
      }),
    );
  });

  it('gives each item the floor or ceiling of its exact share when no bound binds (quota rule)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 40 }),
        fc.nat({ max: 100_000 }),
        (weights, total) => {
          const parts = apportion(total, weights.map((weight) => ({ weight })));
          const weightSum = sum(weights);
          parts.forEach((part, i) => {
            const share = (total * (weights[i] ?? 0)) / weightSum;
            expect(part).toBeGreaterThanOrEqual(Math.floor(share));
            expect(part).toBeLessThanOrEqual(Math.ceil(share));
          });
        },
      ),
    );
  });

  it('gives capped items their cap and shares the rest in proportion', () => {
    expect(apportion(100, [{ weight: 8, cap: 10 }, { weight: 1 }, { weight: 1 }])).toEqual([10, 45, 45]);
  });

  it('breaks equal remainders in favour of the earlier item, so the result is reproducible', () => {
    expect(apportion(2, [{ weight: 1 }, { weight: 1 }, { weight: 1 }])).toEqual([1, 1, 0]);
  });

  it('gives weight-0 items only their minimum', () => {
    expect(apportion(10, [{ weight: 0, min: 2 }, { weight: 5 }])).toEqual([2, 8]);
  });

  it('refuses totals the bounds cannot reach, and bad input', () => {
    expect(() => apportion(5, [{ weight: 1, min: 3 }, { weight: 1, min: 3 }])).toThrow(RangeError);
    expect(() => apportion(21, [{ weight: 1, cap: 10 }, { weight: 1, cap: 10 }])).toThrow(RangeError);
    expect(() => apportion(5, [{ weight: 0 }])).toThrow(RangeError);
    expect(() => apportion(5, [{ weight: 1.5 }])).toThrow(RangeError);
    expect(() => apportion(5, [{ weight: 1, min: 4, cap: 3 }])).toThrow(RangeError);
  });
});
