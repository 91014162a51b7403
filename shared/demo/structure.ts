import type { Org, OrgKind, SchoolLevel } from '../domain/org';
import type { BilingualText } from '../i18n/lang';
import {
  COUNTY_CODE,
  COUNTY_NAME,
  GENERAL_BRANCHES,
  SCHOOLS,
  TOWNS,
  TOWNSHIPS,
  WORKING_COMMITTEES,
  branchName,
  committeeName,
  communityName,
  generalBranchName,
  twoNewName,
} from './names';
import {
  communityOrganisation,
  institutionBranch,
  schoolBranch,
  twoNewOrganisation,
  villageBranch,
  type UnitProfile,
} from './profiles';

/** An organisation that files statistics (a branch, two-new or community organisation) and its profile. */
export interface ReportingUnit {
  org: Org;
  profile: UnitProfile;
}

export interface DemoStructure {
  orgs: Org[];
  units: ReportingUnit[];
}

/** A committee under the county, how many reporting units it has, and what its branches look like. */
interface CommitteePlan {
  kind: OrgKind;
  name: string;
  /** Where its units are; their names start with it (轮台镇第3团支部). */
  place: string;
  branches?: { count: number; profile: UnitProfile };
  twoNew?: number;
  community?: number;
  /** A school committee's level, which picks its control ratio (2023 guidance). */
  schoolLevel?: SchoolLevel;
}

/**
 * Towns are bigger than townships: more branches, more youth per branch, and they hold the county's
 * enterprises and residential communities. Member ratios differ per township (per-mille tendency).
 * Branch counts: 120 in towns and townships, 24 in schools, 7 in general branches, 6 in departments
 * = 157; two-new: 40 under the non-public working committee + 40 in towns = 80; community: 8 in towns.
 */
const TOWN_PLANS: ReadonlyArray<Omit<CommitteePlan, 'kind' | 'name'>> = [
  { place: TOWNS[0], branches: { count: 18, profile: villageBranch(175, 560) }, twoNew: 16, community: 3 },
  { place: TOWNS[1], branches: { count: 12, profile: villageBranch(170, 430) }, twoNew: 10, community: 2 },
  { place: TOWNS[2], branches: { count: 13, profile: villageBranch(165, 520) }, twoNew: 7, community: 2 },
  { place: TOWNS[3], branches: { count: 12, profile: villageBranch(160, 470) }, twoNew: 7, community: 1 },
];
const TOWNSHIP_PLANS: ReadonlyArray<Omit<CommitteePlan, 'kind' | 'name'>> = [
  { place: TOWNSHIPS[0], branches: { count: 10, profile: villageBranch(150, 540) } },
  { place: TOWNSHIPS[1], branches: { count: 9, profile: villageBranch(140, 400) } },
  { place: TOWNSHIPS[2], branches: { count: 10, profile: villageBranch(150, 500) } },
  { place: TOWNSHIPS[3], branches: { count: 8, profile: villageBranch(135, 380) } },
  { place: TOWNSHIPS[4], branches: { count: 9, profile: villageBranch(140, 450) } },
  { place: TOWNSHIPS[5], branches: { count: 10, profile: villageBranch(150, 600) } },
  { place: TOWNSHIPS[6], branches: { count: 9, profile: villageBranch(145, 420) } },
];

/**
 * The two schools' levels fit their figures: nearly all of their youth are 14–28 (schoolBranch), so
 * their students are 15–18, which is senior high and vocational school, not junior high (pupils of
 * 12–15, most of them under 14); a county's No. 1 Middle School is usually its general senior high.
 * With the level set, the 2023 control ratios apply (30% and 20%), so the demo's school ratios
 * (about 80% and 67%) show as above their control ratio instead of "no target". Only the committee
 * carries the level; its class branches inherit it (stats/targets.ts resolveTarget).
 */
const COMMITTEE_PLANS: readonly CommitteePlan[] = [
  ...[...TOWN_PLANS, ...TOWNSHIP_PLANS].map((p) => ({ ...p, kind: 'township' as const, name: committeeName(p.place) })),
  {
    kind: 'school',
    place: SCHOOLS[0],
    name: committeeName(SCHOOLS[0]),
    schoolLevel: 'seniorHigh',
    branches: { count: 14, profile: schoolBranch(800) },
  },
  {
    kind: 'school',
    place: SCHOOLS[1],
    name: committeeName(SCHOOLS[1]),
    schoolLevel: 'vocational',
    branches: { count: 10, profile: schoolBranch(650) },
  },
  { kind: 'working', place: '轮台县', name: WORKING_COMMITTEES.nonPublic, twoNew: 40 },
  {
    kind: 'working',
    place: '县直机关',
    name: WORKING_COMMITTEES.departments,
    branches: { count: 6, profile: institutionBranch(60, 700) },
  },
  {
    kind: 'generalBranch',
    place: GENERAL_BRANCHES[0],
    name: generalBranchName(GENERAL_BRANCHES[0]),
    branches: { count: 4, profile: institutionBranch(70, 600) },
  },
  {
    kind: 'generalBranch',
    place: GENERAL_BRANCHES[1],
    name: generalBranchName(GENERAL_BRANCHES[1]),
    branches: { count: 3, profile: institutionBranch(60, 650) },
  },
];

/** Ids are derived from codes so every PC that loads the demo writes the same rows. */
export const demoOrgId = (code: string): string => `demo-${code}`;

const childCode = (parentCode: string, n: number, width: number): string =>
  `${parentCode}-${String(n).padStart(width, '0')}`;

function makeOrg(code: string, name: BilingualText, kind: OrgKind, parentId: string | null, schoolLevel?: SchoolLevel): Org {
  return { id: demoOrgId(code), code, name, kind, parentId, archived: false, ...(schoolLevel ? { schoolLevel } : {}) };
}

/** The Luntai organisation tree, in code order: each committee followed by its reporting units. */
export function buildDemoStructure(): DemoStructure {
  const county = makeOrg(COUNTY_CODE, COUNTY_NAME, 'county', null);
  const orgs: Org[] = [county];
  const units: ReportingUnit[] = [];

  COMMITTEE_PLANS.forEach((plan, i) => {
    const committee = makeOrg(childCode(COUNTY_CODE, i + 1, 2), { zh: plan.name }, plan.kind, county.id, plan.schoolLevel);
    orgs.push(committee);
    let n = 0;
    const addUnit = (kind: OrgKind, zh: string, profile: UnitProfile): void => {
      n += 1;
      const org = makeOrg(childCode(committee.code, n, 3), { zh }, kind, committee.id);
      orgs.push(org);
      units.push({ org, profile });
    };
    const { branches } = plan;
    if (branches) {
      for (let b = 1; b <= branches.count; b += 1) addUnit('branch', branchName(plan.place, b), branches.profile);
    }
    for (let t = 1; t <= (plan.twoNew ?? 0); t += 1) addUnit('twoNew', twoNewName(plan.place, t), twoNewOrganisation);
    for (let c = 1; c <= (plan.community ?? 0); c += 1) {
      addUnit('community', communityName(plan.place, c), communityOrganisation);
    }
  });
  return { orgs, units };
}
