/**
 * A small seeded pseudo-random generator (mulberry32) for the demo county.
 *
 * Math.random would give every PC a different demo; this gives every PC the same rows, so two offices
 * that load the demo and then sync see identical records instead of 245 conflicts. Only 32-bit integer
 * operations are used (no Math.exp / Math.log, whose last bits may differ between engines).
 */
export interface Prng {
  /** The next value, an unsigned 32-bit integer. */
  nextUint32(): number;
  /** An integer in [min, max], both inclusive. */
  intBetween(min: number, max: number): number;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    intBetween(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`intBetween needs integers min <= max, got ${min}, ${max}`);
      }
      // The span is at most a few thousand here, so the modulo bias (< span / 2^32) is irrelevant.
      return min + (nextUint32() % (max - min + 1));
    },
  };
}
