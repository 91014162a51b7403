/**
 * What a typical reporting unit of each setting looks like, as integers (people, or per-mille rates).
 * These are shapes, not figures: the generator jitters them per unit and then scales everything so the
 * county totals come out exactly as published. Per-mille integers keep the arithmetic exact (see
 * apportion.ts), so every PC builds the same demo.
 */
export interface UnitProfile {
  /** Typical youth aged 14–35 the unit covers (weight for youth1435). */
  youthSize: number;
  /** Youth aged 14–28 per 1000 youth aged 14–35. */
  youngSharePermille: number;
  /** League members per 1000 youth aged 14–28: the unit's league–youth ratio before scaling. */
  memberRatioPermille: number;
  /** New members admitted this year per 1000 members. */
  newMemberPermille: number;
  /** Members recommended to the Party this year per 1000 members. */
  recommendPermille: number;
}

/**
 * A village branch. Each township gets its own size and ratio so that township ratios differ, some
 * above and some below the county's, as they do in real roll-ups.
 */
export const villageBranch = (youthSize: number, memberRatioPermille: number): UnitProfile => ({
  youthSize,
  // Many villagers aged 29–35 stay; the 14–28 band is under half of the 14–35 band.
  youngSharePermille: 420,
  memberRatioPermille,
  newMemberPermille: 130,
  recommendPermille: 35,
});

/**
 * A class-based branch in a school: nearly everyone is a student aged 14–28, and schools have the
 * highest member ratios. Recommendations to the Party are rare because most students are under 18.
 */
export const schoolBranch = (memberRatioPermille: number): UnitProfile => ({
  youthSize: 48,
  youngSharePermille: 970,
  memberRatioPermille,
  // Students join in junior and senior high (within the control ratios), so intake is high.
  newMemberPermille: 300,
  recommendPermille: 5,
});

/** A branch in a government department, hospital or police station: young staff, many members. */
export const institutionBranch = (youthSize: number, memberRatioPermille: number): UnitProfile => ({
  youthSize,
  youngSharePermille: 500,
  memberRatioPermille,
  newMemberPermille: 90,
  recommendPermille: 50,
});

/** A league organisation in a private enterprise or social organisation: young workers, few members. */
export const twoNewOrganisation: UnitProfile = {
  youthSize: 48,
  youngSharePermille: 520,
  memberRatioPermille: 210,
  newMemberPermille: 110,
  recommendPermille: 40,
};

/** A community (residential neighbourhood) league organisation in a town: many youth, few members. */
export const communityOrganisation: UnitProfile = {
  youthSize: 140,
  youngSharePermille: 430,
  memberRatioPermille: 300,
  newMemberPermille: 100,
  recommendPermille: 30,
};
