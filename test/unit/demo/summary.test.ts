import { describe, expect, it } from 'vitest';
import { DEMO_PERIOD, generateDemoCounty } from '../../../shared/demo/luntai';
import { DEMO_FACTS, countOrgsByKind, outlineDemo } from '../../../shared/demo/summary';
import { headlineSummary } from '../../../shared/stats/report/countySummary';

describe('DEMO_FACTS', () => {
  // Pinned to the source document (DOMAIN.md), so a typo here cannot pass through generator and tests alike.
  it('holds the published Luntai figures', () => {
    expect(DEMO_FACTS.orgsByKind).toEqual({
      county: 1,
      township: 11,
      school: 2,
      working: 2,
      generalBranch: 2,
      branch: 157,
      twoNew: 80,
      community: 8,
    });
    expect(DEMO_FACTS.totals).toEqual({ members: 5849, youth1435: 26328, youth1428: 12028 });
    expect(DEMO_FACTS.reportingUnits).toBe(157 + 80 + 8);
    expect(DEMO_FACTS.towns).toHaveLength(4);
    expect(DEMO_FACTS.townships).toHaveLength(7);
  });
});

describe('countOrgsByKind', () => {
  it('counts each kind and reports absent kinds as 0', () => {
    expect(countOrgsByKind([{ kind: 'branch' }, { kind: 'branch' }, { kind: 'county' }])).toEqual({
      county: 1,
      township: 0,
      school: 0,
      working: 0,
      generalBranch: 0,
      branch: 2,
      twoNew: 0,
      community: 0,
    });
  });
});

describe('outlineDemo: what the welcome card says', () => {
  const demo = generateDemoCounty();
  const outline = outlineDemo(demo);

  it('counts the published figures from the demo itself', () => {
    expect(outline).toEqual({
      underCounty: 17,
      grassrootsCommittees: DEMO_FACTS.grassrootsCommittees,
      workingCommittees: DEMO_FACTS.orgsByKind.working,
      generalBranches: DEMO_FACTS.orgsByKind.generalBranch,
      branches: DEMO_FACTS.orgsByKind.branch,
      members: DEMO_FACTS.totals.members,
      period: DEMO_PERIOD,
    });
  });

  it("states as many organisations under the county as the Overview lists, and its parts add up to them", () => {
    expect(outline.underCounty).toBe(headlineSummary({ ...demo, targets: [] })!.summary.committees.length);
    expect(outline.grassrootsCommittees + outline.workingCommittees + outline.generalBranches).toBe(outline.underCounty);
  });

  it('follows the data: a committee more under the county, or a report no longer approved, changes the outline', () => {
    const county = demo.orgs.find((o) => o.kind === 'county')!;
    const extra = { ...county, id: 'extra', code: 'LT-99', kind: 'working' as const, parentId: county.id };
    const [first, ...others] = demo.reports;
    const changed = outlineDemo({ ...demo, orgs: [...demo.orgs, extra], reports: [{ ...first!, status: 'submitted' }, ...others] });
    expect(changed.underCounty).toBe(outline.underCounty + 1);
    expect(changed.workingCommittees).toBe(outline.workingCommittees + 1);
    expect(changed.members).toBe(outline.members - first!.members!);
  });
});
