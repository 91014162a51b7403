import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CHOSEN_FLOWS, DEMO_PERIOD, generateDemoCounty } from '../../../shared/demo/luntai';
import { DEMO_FACTS, countOrgsByKind } from '../../../shared/demo/summary';
import { orgSchema, type Org, type OrgKind } from '../../../shared/domain/org';
import { FIGURES, roundSchema, statReportSchema, type Figure, type StatReport } from '../../../shared/domain/stats';
import { CONTROL_RATIO_DEFAULTS_2023, exceedsTarget, resolveTarget } from '../../../shared/stats/targets';
import { leagueYouthRatio, sumFigures } from '../../../shared/stats/totals';

const demo = generateDemoCounty();
const orgById = new Map(demo.orgs.map((o) => [o.id, o]));
const REPORTING_KINDS: readonly OrgKind[] = ['branch', 'twoNew', 'community'];
const reportingUnits = demo.orgs.filter((o) => REPORTING_KINDS.includes(o.kind));
const townshipCommittees = demo.orgs.filter((o) => o.kind === 'township');
const countyRatio = DEMO_FACTS.totals.members / DEMO_FACTS.totals.youth1428;

const childrenOf = (parent: Org): Org[] => demo.orgs.filter((o) => o.parentId === parent.id);
const reportsUnder = (parent: Org): StatReport[] => {
  const ids = new Set(childrenOf(parent).map((o) => o.id));
  return demo.reports.filter((r) => ids.has(r.orgId));
};
/** A report's six figures as numbers; fails the test if one is empty. */
const figuresOf = (report: StatReport): Record<Figure, number> =>
  Object.fromEntries(
    FIGURES.map((f) => {
      const value = report[f];
      if (typeof value !== 'number') throw new Error(`${report.id}: ${f} is empty`);
      return [f, value];
    }),
  ) as Record<Figure, number>;
const ratioOf = (reports: readonly StatReport[]): number => {
  const totals = sumFigures(reports);
  const ratio = leagueYouthRatio(totals.members, totals.youth1428);
  if (ratio === null) throw new Error('no youth');
  return ratio;
};

describe('demo county structure', () => {
  it('has exactly the published number of organisations of each kind', () => {
    expect(countOrgsByKind(demo.orgs)).toEqual(DEMO_FACTS.orgsByKind);
    const byKind = countOrgsByKind(demo.orgs);
    expect(byKind.township + byKind.school).toBe(DEMO_FACTS.grassrootsCommittees);
    expect(reportingUnits).toHaveLength(DEMO_FACTS.reportingUnits);
  });

  it('names the 11 towns and townships from the source, coded LT-01 to LT-11', () => {
    const places = [...DEMO_FACTS.towns, ...DEMO_FACTS.townships];
    expect(townshipCommittees.map((o) => o.name.zh)).toEqual(places.map((p) => `${p}团委`));
    expect(townshipCommittees.map((o) => o.code)).toEqual(places.map((_, i) => `LT-${String(i + 1).padStart(2, '0')}`));
  });

  it('gives Uyghur only to the county (Luntai = بۈگۈر) and Chinese to every organisation', () => {
    const [county, ...others] = demo.orgs;
    expect(county).toMatchObject({ code: DEMO_FACTS.countyCode, kind: 'county', parentId: null });
    expect(county?.name.zh).toBe('共青团轮台县委员会');
    expect(county?.name.ug).toContain('بۈگۈر');
    for (const org of others) {
      expect(org.name.ug).toBeUndefined();
      expect(org.name.zh?.trim()).toBeTruthy();
    }
  });

  it('passes the org schema, with unique codes and ids derived from them', () => {
    for (const org of demo.orgs) expect(() => orgSchema.parse(org)).not.toThrow();
    expect(new Set(demo.orgs.map((o) => o.code)).size).toBe(demo.orgs.length);
    for (const org of demo.orgs) expect(org.id).toBe(`demo-${org.code}`);
  });

  it("codes each child as its parent's code plus one segment", () => {
    for (const org of demo.orgs) {
      if (org.parentId === null) {
        expect(org.kind).toBe('county');
        continue;
      }
      const parent = orgById.get(org.parentId);
      expect(parent, org.code).toBeDefined();
      expect(org.code).toMatch(new RegExp(`^${parent?.code}-[0-9]+$`));
    }
  });

  it('puts branches in every township, and more in towns than in townships', () => {
    const branchCount = (o: Org): number => childrenOf(o).filter((c) => c.kind === 'branch').length;
    for (const committee of townshipCommittees) expect(branchCount(committee), committee.name.zh).toBeGreaterThan(0);
    const towns = townshipCommittees.slice(0, DEMO_FACTS.towns.length);
    const townships = townshipCommittees.slice(DEMO_FACTS.towns.length);
    expect(Math.min(...towns.map(branchCount))).toBeGreaterThan(Math.max(...townships.map(branchCount)));
    const inTownships = townshipCommittees.reduce((n, o) => n + branchCount(o), 0);
    expect(inTownships / DEMO_FACTS.orgsByKind.branch).toBeGreaterThan(0.5);
  });

  it('places branches also under schools and general branches, two-new under a working committee and towns, communities in towns', () => {
    const parentKinds = (kind: OrgKind): Set<OrgKind | undefined> =>
      new Set(demo.orgs.filter((o) => o.kind === kind).map((o) => orgById.get(o.parentId ?? '')?.kind));
    expect(parentKinds('branch')).toEqual(new Set(['township', 'school', 'generalBranch', 'working']));
    expect(parentKinds('twoNew')).toEqual(new Set(['working', 'township']));
    const communityParents = new Set(demo.orgs.filter((o) => o.kind === 'community').map((o) => orgById.get(o.parentId ?? '')?.name.zh));
    expect(communityParents).toEqual(new Set(DEMO_FACTS.towns.map((t) => `${t}团委`)));
  });

  it('has no children under reporting units', () => {
    const unitIds = new Set(reportingUnits.map((o) => o.id));
    expect(demo.orgs.filter((o) => o.parentId !== null && unitIds.has(o.parentId))).toEqual([]);
  });
});

describe('demo reporting round and reports', () => {
  const [round] = demo.rounds;

  it('has one closed yearly round for 2025 asking for every figure from every reporting unit', () => {
    expect(demo.rounds).toHaveLength(1);
    expect(roundSchema.parse(round)).toEqual(round);
    expect(round).toMatchObject({ period: '2025', status: 'closed', deadline: '2026-01-20' });
    expect(round?.figures).toEqual([...FIGURES]);
    expect(new Set(round?.orgIds)).toEqual(new Set(reportingUnits.map((o) => o.id)));
    expect(round?.orgIds).toHaveLength(reportingUnits.length);
  });

  it('has exactly one approved report per reporting unit and none for committees', () => {
    expect(demo.reports).toHaveLength(reportingUnits.length);
    expect(new Set(demo.reports.map((r) => r.orgId))).toEqual(new Set(reportingUnits.map((o) => o.id)));
    expect(new Set(demo.reports.map((r) => r.id)).size).toBe(demo.reports.length);
    for (const report of demo.reports) {
      expect(report).toMatchObject({ roundId: round?.id, period: DEMO_PERIOD, status: 'approved' });
    }
  });

  it('adds up exactly to the published totals and the chosen flow totals', () => {
    expect(sumFigures(demo.reports)).toEqual({ ...DEMO_FACTS.totals, ...DEMO_CHOSEN_FLOWS });
    expect((ratioOf(demo.reports) * 100).toFixed(1)).toBe('48.6');
  });

  it('gives every report all six figures, valid by the schema and the report validation rules', () => {
    for (const report of demo.reports) {
      expect(statReportSchema.parse(report)).toEqual(report);
      for (const figure of FIGURES) {
        const value = report[figure];
        expect(Number.isInteger(value) && (value ?? -1) >= 0, `${report.id} ${figure}`).toBe(true);
      }
      const { members, youth1435, youth1428, newMembers } = figuresOf(report);
      expect(members, report.id).toBeLessThanOrEqual(youth1435);
      expect(youth1428, report.id).toBeLessThanOrEqual(youth1435);
      expect(newMembers, report.id).toBeLessThanOrEqual(members);
    }
  });

  it('keeps each branch plausible: at least 3 members (the charter minimum), cadres and recommendations within members', () => {
    for (const r of demo.reports) {
      const { members, cadres, recommendedToParty: recommended } = figuresOf(r);
      expect(members, r.id).toBeGreaterThanOrEqual(3);
      expect(cadres, r.id).toBeGreaterThanOrEqual(1);
      expect(cadres, r.id).toBeLessThanOrEqual(members);
      expect(recommended, r.id).toBeLessThanOrEqual(members);
    }
  });

  it('gives submission times that are ISO timestamps, most of them by the deadline', () => {
    const endOfDeadlineDay = Date.parse('2026-01-20T23:59:59+08:00');
    const times = demo.reports.map((r) => Date.parse(r.submittedAt ?? ''));
    for (const time of times) expect(Number.isNaN(time)).toBe(false);
    const onTime = times.filter((t) => t <= endOfDeadlineDay).length;
    expect(onTime / times.length).toBeGreaterThan(0.9);
  });
});

describe('demo figures vary as real ones do', () => {
  it('has township ratios both above and below the county ratio', () => {
    const ratios = townshipCommittees.map((o) => ratioOf(reportsUnder(o)));
    expect(ratios.some((r) => r > countyRatio)).toBe(true);
    expect(ratios.some((r) => r < countyRatio)).toBe(true);
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(0.1);
  });

  it('gives school branches high ratios and two-new and community organisations low ones', () => {
    const reportsOfKind = (pick: (org: Org) => boolean): StatReport[] =>
      demo.reports.filter((r) => {
        const org = orgById.get(r.orgId);
        return org !== undefined && pick(org);
      });
    const schoolBranches = reportsOfKind((o) => orgById.get(o.parentId ?? '')?.kind === 'school');
    expect(ratioOf(schoolBranches)).toBeGreaterThan(countyRatio + 0.15);
    expect(ratioOf(reportsOfKind((o) => o.kind === 'twoNew'))).toBeLessThan(countyRatio - 0.1);
    expect(ratioOf(reportsOfKind((o) => o.kind === 'community'))).toBeLessThan(countyRatio - 0.1);
  });

  // Small two-new organisations may coincide by chance, as real ones do; village branches should not.
  it('does not give two branches of a township identical figures', () => {
    for (const committee of townshipCommittees) {
      const branches = reportsUnder(committee).filter((r) => orgById.get(r.orgId)?.kind === 'branch');
      const rows = branches.map((r) => FIGURES.map((f) => r[f]).join(','));
      expect(new Set(rows).size, committee.name.zh).toBe(rows.length);
    }
  });
});

describe('demo school committees', () => {
  const schools = demo.orgs.filter((o) => o.kind === 'school');

  it('each has a school level, so the 2023 control ratio applies to it and to its class branches', () => {
    expect(schools.map((s) => [s.name.zh, s.schoolLevel])).toEqual([
      ['轮台县第一中学团委', 'seniorHigh'],
      ['轮台县中等职业技术学校团委', 'vocational'],
    ]);
    for (const school of schools) {
      const level = school.schoolLevel!;
      expect(resolveTarget(school, []).ratio, school.code).toBe(CONTROL_RATIO_DEFAULTS_2023[level]);
      for (const branch of childrenOf(school)) {
        expect(resolveTarget(branch, [], orgById).source, branch.code).toMatchObject({ from: 'schoolLevel', level, orgId: school.id, inherited: true });
      }
    }
  });

  it("has a level that fits its figures: nearly all its youth are 14–28, so it is no junior high (pupils 12–15)", () => {
    for (const school of schools) {
      const totals = sumFigures(reportsUnder(school));
      expect(totals.youth1428 / totals.youth1435, school.code).toBeGreaterThan(0.9);
      expect(school.schoolLevel).not.toBe('juniorHigh');
    }
  });

  it('shows its ratio above the control ratio, as the figures are, instead of no target', () => {
    for (const school of schools) {
      const totals = sumFigures(reportsUnder(school));
      const target = resolveTarget(school, []).ratio;
      expect(target).not.toBeNull();
      expect(exceedsTarget(totals.members, totals.youth1428, target), school.code).toBe(true);
    }
  });

  it('is the only kind of organisation with a level: township and other committees have none', () => {
    expect(demo.orgs.filter((o) => o.schoolLevel !== undefined)).toEqual(schools);
  });
});

describe('demo determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it('produces deep-equal data on every call', () => {
    expect(generateDemoCounty()).toEqual(generateDemoCounty());
    expect(generateDemoCounty()).toEqual(demo);
  });

  it('uses neither Math.random nor the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    expect(generateDemoCounty()).toEqual(demo);
  });
});
