/**
 * Integer apportionment: split a total over items in proportion to their weights so that the parts
 * are integers, each part lies within [min, cap], and the parts add up to the total exactly.
 *
 * Method: largest remainder (Hamilton) with caps. Items whose proportional share would exceed their
 * cap are fixed at the cap and the rest is shared again among the others until no share exceeds a
 * cap; then every item gets the floor of its share and the units left over go to the largest
 * remainders (ties to the earlier item).
 *
 * Shares are compared as exact integer products (`rest * weight` against `cap * weightSum`) rather
 * than as floating-point quotients, so the result never depends on rounding: the demo county must
 * come out the same on every PC. Weights must therefore be non-negative integers small enough for
 * those products to stay below 2^53; anything else throws.
 */
export interface ApportionItem {
  weight: number;
  /** Lowest allowed part; 0 when absent. */
  min?: number;
  /** Highest allowed part; unbounded when absent. */
  cap?: number;
}

export function apportion(total: number, items: readonly ApportionItem[]): number[] {
  assertCount(total, 'total');
  const mins = items.map((item) => item.min ?? 0);
  const rooms = items.map((item, i) => (item.cap ?? Number.POSITIVE_INFINITY) - (mins[i] ?? 0));
  items.forEach((item, i) => {
    assertCount(item.weight, `weight[${i}]`);
    assertCount(mins[i] ?? 0, `min[${i}]`);
    if ((rooms[i] ?? 0) < 0) throw new RangeError(`item ${i}: min is above cap`);
  });

  const rest = total - sum(mins);
  const weighted = items.flatMap((item, i) => (item.weight > 0 ? [i] : []));
  const capacity = sum(weighted.map((i) => rooms[i] ?? 0));
  if (rest < 0 || rest > capacity) {
    throw new RangeError(`cannot apportion ${total}: the items allow ${sum(mins)} to ${sum(mins) + capacity}`);
  }

  const extra = spreadWithinRooms(
    rest,
    weighted.map((i) => ({ index: i, weight: items[i]?.weight ?? 0, room: rooms[i] ?? 0 })),
  );
  return mins.map((min, i) => min + (extra.get(i) ?? 0));
}

interface Share {
  index: number;
  weight: number;
  room: number;
}

/** Spreads `rest` over items with positive weights, none above its room; the caller checked feasibility. */
function spreadWithinRooms(rest: number, shares: readonly Share[]): Map<number, number> {
  const parts = new Map<number, number>();
  let open = [...shares];
  let remaining = rest;
  for (;;) {
    const weightSum = sum(open.map((s) => s.weight));
    const full = open.filter((s) => product(remaining, s.weight) > s.room * weightSum);
    if (full.length === 0) break;
    for (const s of full) {
      parts.set(s.index, s.room);
      remaining -= s.room;
    }
    open = open.filter((s) => !full.includes(s));
  }

  const weightSum = sum(open.map((s) => s.weight));
  if (open.length === 0 || remaining === 0) {
    for (const s of open) parts.set(s.index, 0);
    return parts;
  }
  const floors = open.map((s) => {
    const exact = product(remaining, s.weight);
    const floor = Math.floor(exact / weightSum);
    // Recomputed from integers so a quotient rounded up by floating point cannot leave a negative remainder.
    const whole = exact - floor * weightSum < 0 ? floor - 1 : floor;
    return { share: s, whole, remainder: exact - whole * weightSum };
  });
  let leftover = remaining - sum(floors.map((f) => f.whole));
  const byRemainder = [...floors].sort((a, b) => b.remainder - a.remainder || a.share.index - b.share.index);
  for (const f of byRemainder) {
    const bonus = leftover > 0 && f.remainder > 0 ? 1 : 0;
    leftover -= bonus;
    parts.set(f.share.index, f.whole + bonus);
  }
  return parts;
}

function product(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p)) throw new RangeError(`apportion: ${a} × ${b} is beyond exact integers`);
  return p;
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
