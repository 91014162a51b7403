import { ORG_KINDS, type Org, type OrgKind } from '../domain/org';
import type { ReportingRound, StatReport } from '../domain/stats';
import { sumFigures } from '../stats/totals';

/**
 * The published Luntai County figures (DOMAIN.md, from the county committee's own documents). The demo
 * generator aims at them; tests compare the generated county against these numbers, so a generator
 * bug cannot hide by moving its own expectations.
 */
export const DEMO_FACTS = {
  countyCode: 'LT',
  /** Grassroots committees = township/town committees + school committees. */
  grassrootsCommittees: 13,
  orgsByKind: {
    county: 1,
    township: 11,
    school: 2,
    working: 2,
    generalBranch: 2,
    branch: 157,
    twoNew: 80,
    community: 8,
  } satisfies Record<OrgKind, number>,
  /** Organisations that file statistics: branches, two-new and community organisations. */
  reportingUnits: 245,
  totals: {
    members: 5849,
    youth1435: 26328,
    youth1428: 12028,
  },
  towns: ['轮台镇', '轮南镇', '群巴克镇', '阳霞镇'],
  townships: ['哈尔巴克乡', '野云沟乡', '阿克萨来乡', '塔尔拉克乡', '草湖乡', '铁热克巴扎乡', '策大雅乡'],
} as const;

/** How many organisations of each kind; every kind is present, with 0 when there are none. */
export function countOrgsByKind(orgs: readonly Pick<Org, 'kind'>[]): Record<OrgKind, number> {
  const counts = Object.fromEntries(ORG_KINDS.map((kind) => [kind, 0])) as Record<OrgKind, number>;
  for (const org of orgs) counts[org.kind] += 1;
  return counts;
}

/** Grassroots committees (基层团委): township/town/farm committees and school committees. */
export const GRASSROOTS_KINDS: readonly OrgKind[] = ['township', 'school'];

/** What the first-start card says the demo holds. */
export interface DemoOutline {
  /** Organisations directly under the county committee: the Overview lists one row for each. */
  underCounty: number;
  /** Of those, grassroots committees, working committees and general branches. */
  grassrootsCommittees: number;
  workingCommittees: number;
  generalBranches: number;
  /** League branches in the whole tree. */
  branches: number;
  /** Members in the approved reports. */
  members: number;
  /** The period of the demo's approved round, e.g. "2025". */
  period: string;
}

/**
 * Counts the outline from the demo itself, so the welcome card cannot drift from what loading the
 * demo shows: "13 grassroots committees" next to an Overview of 17 rows read as a contradiction
 * until the card said that the 17 are 13 grassroots committees, 2 working committees and 2
 * general branches.
 */
export function outlineDemo(demo: { readonly orgs: readonly Org[]; readonly rounds: readonly ReportingRound[]; readonly reports: readonly StatReport[] }): DemoOutline {
  const county = demo.orgs.find((o) => o.parentId === null);
  const underCounty = demo.orgs.filter((o) => county !== undefined && o.parentId === county.id);
  const countOf = (kinds: readonly OrgKind[]) => underCounty.filter((o) => kinds.includes(o.kind)).length;
  return {
    underCounty: underCounty.length,
    grassrootsCommittees: countOf(GRASSROOTS_KINDS),
    workingCommittees: countOf(['working']),
    generalBranches: countOf(['generalBranch']),
    branches: countOrgsByKind(demo.orgs).branch,
    members: sumFigures(demo.reports.filter((r) => r.status === 'approved')).members,
    period: demo.rounds[0]?.period ?? '',
  };
}
