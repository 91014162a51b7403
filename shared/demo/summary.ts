import { ORG_KINDS, type Org, type OrgKind } from '../domain/org';

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
