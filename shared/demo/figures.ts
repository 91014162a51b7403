import type { Figure } from '../domain/stats';
import { apportion } from './apportion';
import type { Prng } from './prng';
import type { UnitProfile } from './profiles';

/**
 * County totals the demo's figures add up to. Members and youth are the published Luntai figures;
 * the source gives no new-member, cadre or recommendation counts, so these are chosen to be plausible
 * for a county of 5,849 members: about 16% admitted in the year (schools admit the most), about 2.5
 * league cadres per reporting unit (a secretary everywhere, a 3–5 person committee in the larger
 * branches), and about 3% of members recommended to the Party (推优入党).
 */
export interface DemoTotals {
  members: number;
  youth1435: number;
  youth1428: number;
  newMembers: number;
  cadres: number;
  recommendedToParty: number;
}

export const DEMO_CHOSEN_FLOWS = { newMembers: 934, cadres: 618, recommendedToParty: 173 } as const;

/** The league charter lets 3 or more members form a branch, so no reporting unit has fewer. */
const MIN_MEMBERS = 3;
/** Youth floors that leave room for those 3 members. */
const MIN_YOUTH_1435 = 12;
const MIN_YOUTH_1428 = 6;
/** A branch committee has 3–5 members; smaller branches have only a secretary. */
const MAX_CADRES = 5;

/** A unit's six figures. */
export type UnitFigures = Record<Figure, number>;

/**
 * Spreads the county totals over the reporting units. Each figure is apportioned exactly to its
 * total, in an order that lets each one be capped by those before it, which is how every unit ends
 * up satisfying the report validation rules: youth1428 ≤ youth1435, members ≤ youth1428 (so also
 * ≤ youth1435), newMembers ≤ members; cadres and recommendations never exceed members either.
 * Weights are the unit's profile jittered by ±30% (size) and ±15% (ratios), so no two branches of a
 * township look the same and township ratios still differ as the profiles intend.
 */
export function spreadFigures(profiles: readonly UnitProfile[], totals: DemoTotals, prng: Prng): UnitFigures[] {
  const jittered = profiles.map((p) => ({
    size: p.youthSize * prng.intBetween(700, 1300),
    youngShare: p.youngSharePermille * prng.intBetween(950, 1050),
    memberRatio: p.memberRatioPermille * prng.intBetween(850, 1150),
    newMemberRate: p.newMemberPermille * prng.intBetween(800, 1200),
    recommendRate: p.recommendPermille * prng.intBetween(700, 1300),
  }));

  const youth1435 = apportion(
    totals.youth1435,
    jittered.map((j) => ({ weight: j.size, min: MIN_YOUTH_1435 })),
  );
  const youth1428 = apportion(
    totals.youth1428,
    // Weights stay below ~10^9 and weight × total below ~10^13, well inside exact integers.
    jittered.map((j, i) => ({ weight: at(youth1435, i) * j.youngShare, min: MIN_YOUTH_1428, cap: at(youth1435, i) })),
  );
  const members = apportion(
    totals.members,
    jittered.map((j, i) => ({ weight: at(youth1428, i) * j.memberRatio, min: MIN_MEMBERS, cap: at(youth1428, i) })),
  );
  const newMembers = apportion(
    totals.newMembers,
    jittered.map((j, i) => ({ weight: at(members, i) * j.newMemberRate, cap: at(members, i) })),
  );
  const cadres = apportion(
    totals.cadres,
    members.map((m) => ({ weight: m, min: 1, cap: Math.min(MAX_CADRES, m) })),
  );
  const recommendedToParty = apportion(
    totals.recommendedToParty,
    jittered.map((j, i) => ({ weight: at(members, i) * j.recommendRate, cap: at(members, i) })),
  );

  return profiles.map((_, i) => ({
    members: at(members, i),
    newMembers: at(newMembers, i),
    youth1435: at(youth1435, i),
    youth1428: at(youth1428, i),
    cadres: at(cadres, i),
    recommendedToParty: at(recommendedToParty, i),
  }));
}

/** Index into an array the apportionment built with one entry per unit. */
function at(values: readonly number[], i: number): number {
  const value = values[i];
  if (value === undefined) throw new RangeError(`no value for unit ${i}`);
  return value;
}
