import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { DEMO_FACTS } from '../../../shared/demo/summary';
import { SEX_FIGURES, type ReportingRound } from '../../../shared/domain/stats';
import { committeeResolver } from '../../../shared/stats/committees';
import { ownValuesByOrg, prepareRollUp, rollUp, rollUpAll } from '../../../shared/stats/rollup';
import { sumFigures } from '../../../shared/stats/totals';
import { org, report } from './fixtures';

const county = org('county', null);
const town = org('town', 'county', { kind: 'township' });
const b1 = org('b1', 'town');
const b2 = org('b2', 'town');
const orgs = [county, town, b1, b2];
const up = (reports: Parameters<typeof rollUp>[0]['reports'], period: string, orgId = 'county', extra = {}) =>
  rollUp({ orgs, reports, orgId, period, ...extra });

describe('the time axis: stocks take the last reported value of the period', () => {
  it('the yearly member count is the last quarter reported', () => {
    const reports = [report('b1', '2025Q1', { members: 10 }), report('b1', '2025Q4', { members: 14 }), report('b1', '2025Q2', { members: 12 })];
    expect(up(reports, '2025').figures.members).toBe(14);
  });

  it('for each organisation, its report for the latest sub-period that has one', () => {
    const reports = [report('b1', '2025Q4', { members: 14 }), report('b2', '2025Q2', { members: 30 }), report('b2', '2025Q1', { members: 31 })];
    expect(up(reports, '2025').figures.members).toBe(44);
  });

  it('per figure: an empty figure in the last report takes the latest value given', () => {
    const reports = [report('b1', '2025Q3', { members: 10, youth1428: 40 }), report('b1', '2025Q4', { members: 11, youth1428: null })];
    expect(up(reports, '2025').figures).toMatchObject({ members: 11, youth1428: 40 });
  });

  it('months, quarters and halves mix: the latest end wins; at the same end the longer period (a yearly report over December)', () => {
    expect(up([report('b1', '2025M11', { members: 9 }), report('b1', '2025Q3', { members: 8 })], '2025').figures.members).toBe(9);
    expect(up([report('b1', '2025M12', { members: 9 }), report('b1', '2025', { members: 10 })], '2025').figures.members).toBe(10);
    expect(up([report('b1', '2025Q4', { members: 9 }), report('b1', '2025H2', { members: 10 })], '2025').figures.members).toBe(10);
  });

  it('only reports within the period count', () => {
    const reports = [report('b1', '2024Q4', { members: 99, newMembers: 9 }), report('b1', '2026M01', { members: 98 }), report('b1', '2025Q1', { members: 5 })];
    expect(up(reports, '2025').figures).toMatchObject({ members: 5, newMembers: 0 });
    expect(up(reports, '2025H2').reporting).toBe(0);
  });
});

describe('the time axis: flows sum over sub-periods, each month counted once', () => {
  it('the yearly new members are the sum of the quarters', () => {
    const reports = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((q, i) => report('b1', q, { newMembers: i + 1 }));
    expect(up(reports, '2025').figures.newMembers).toBe(10);
    expect(up(reports, '2025H2').figures.newMembers).toBe(7);
  });

  it('a report for a period is its total and replaces the reports of the periods within it', () => {
    const reports = [report('b1', '2025', { newMembers: 20 }), report('b1', '2025Q1', { newMembers: 5 }), report('b1', '2025M02', { newMembers: 2 })];
    expect(up(reports, '2025').figures.newMembers).toBe(20);
    expect(up(reports, '2025Q1').figures.newMembers).toBe(5);
    expect(up(reports, '2025M02').figures.newMembers).toBe(2);
  });

  it('a half, a quarter and months fill the year without overlap', () => {
    const reports = [
      report('b1', '2025H1', { newMembers: 100 }),
      report('b1', '2025Q3', { newMembers: 10 }),
      report('b1', '2025M10', { newMembers: 1 }),
      report('b1', '2025M12', { newMembers: 2 }),
      report('b1', '2025M03', { newMembers: 1000 }), // inside H1: replaced by it
    ];
    expect(up(reports, '2025').figures.newMembers).toBe(113);
  });

  it('per figure: a yearly report without the figure leaves the quarters to give it', () => {
    const reports = [report('b1', '2025', { members: 10 }), report('b1', '2025Q1', { newMembers: 3 }), report('b1', '2025Q2', { newMembers: 4 })];
    expect(up(reports, '2025').figures).toMatchObject({ members: 10, newMembers: 7 });
  });

  it('recommendations to the Party are a flow too', () => {
    const reports = [report('b1', '2025M01', { recommendedToParty: 1 }), report('b1', '2025M02', { recommendedToParty: 2 })];
    expect(up(reports, '2025Q1').figures.recommendedToParty).toBe(3);
  });
});

describe('the tree: own figures plus the children’s, never counted twice', () => {
  it('a committee adds its own report (its own members) to its branches', () => {
    const reports = [report('b1', '2025', { members: 10 }), report('b2', '2025', { members: 20 }), report('town', '2025', { members: 3 })];
    expect(up(reports, '2025', 'town').figures.members).toBe(33);
    expect(up(reports, '2025', 'county').figures.members).toBe(33);
    expect(up(reports, '2025', 'b1').figures.members).toBe(10);
  });

  it('every organisation equals its own figures plus its children’s roll-ups', () => {
    const reports = [report('b1', '2025Q4', { members: 10, newMembers: 2 }), report('town', '2025Q2', { members: 4, newMembers: 1 }), report('county', '2025', { members: 1 })];
    const all = rollUpAll(orgs, reports, '2025');
    expect(all.get('county')!.figures.members).toBe(1 + all.get('town')!.figures.members);
    expect(all.get('town')!.figures.members).toBe(4 + all.get('b1')!.figures.members + all.get('b2')!.figures.members);
    expect(all.get('county')!.figures.newMembers).toBe(3);
  });

  it('the ratio comes from the summed members and youth, never from averaging ratios', () => {
    const reports = [report('b1', '2025', { members: 9, youth1428: 10 }), report('b2', '2025', { members: 100, youth1428: 400 })];
    expect(up(reports, '2025').ratio).toBeCloseTo(109 / 410, 12);
    expect(up([], '2025').ratio).toBeNull();
  });

  it('archived organisations keep their figures in every roll-up of the periods they reported in', () => {
    const archived = org('b3', 'town', { archived: true });
    const reports = [report('b3', '2024Q4', { members: 7 }), report('b1', '2025Q4', { members: 5 })];
    expect(rollUp({ orgs: [...orgs, archived], reports, orgId: 'county', period: '2024' }).figures.members).toBe(7);
    expect(rollUp({ orgs: [...orgs, archived], reports, orgId: 'county', period: '2025' }).figures.members).toBe(5);
  });

  it('reports of organisations no longer in the tree are left out', () => {
    expect(up([report('gone', '2025', { members: 7 })], '2025').figures.members).toBe(0);
  });

  it('a cycle left by a bad merge still counts every organisation once', () => {
    const a = org('a', 'b');
    const b = org('b', 'a');
    const c = org('c', 'a');
    const reports = [report('a', '2025', { members: 1 }), report('b', '2025', { members: 2 }), report('c', '2025', { members: 4 })];
    const all = rollUpAll([c, b, a], reports, '2025');
    // Broken at the smallest id: `a` becomes the root, holding b and c.
    expect(all.get('a')!.figures.members).toBe(7);
    expect(all.get('b')!.figures.members).toBe(2);
    expect(rollUpAll([a, b, c], reports, '2025')).toEqual(all);
  });
});

describe('which reports count', () => {
  const reports = [
    report('b1', '2025', { members: 1 }, { status: 'approved' }),
    report('b2', '2025', { members: 10 }, { status: 'submitted' }),
    report('b2', '2025Q1', { members: 100 }, { status: 'draft' }),
    report('town', '2025', { members: 1000 }, { status: 'returned' }),
  ];

  it('only approved reports by default', () => {
    expect(up(reports, '2025')).toMatchObject({ figures: { members: 1 }, reporting: 1 });
  });

  it('submitted ones too on request; never drafts or returned reports', () => {
    expect(up(reports, '2025', 'county', { includeSubmitted: true })).toMatchObject({ figures: { members: 11 }, reporting: 2 });
  });

  it('of two reports of one organisation for one period, the approved one, then the latest submitted, then the smaller id', () => {
    const twice = [
      report('b1', '2025', { members: 5 }, { status: 'submitted', submittedAt: '2026-01-19T00:00:00Z' }),
      report('b1', '2025', { members: 6 }, { status: 'approved', submittedAt: '2026-01-01T00:00:00Z' }),
    ];
    expect(up(twice, '2025', 'b1', { includeSubmitted: true }).figures.members).toBe(6);
    const both = [
      report('b1', '2025', { members: 5 }, { submittedAt: '2026-01-10T00:00:00Z' }),
      report('b1', '2025', { members: 6 }, { submittedAt: '2026-01-12T00:00:00Z' }),
    ];
    expect(up(both, '2025', 'b1').figures.members).toBe(6);
    const sameTime = [report('b1', '2025', { members: 5 }, { id: 'z' }), report('b1', '2025', { members: 6 }, { id: 'a' })];
    expect(up(sameTime, '2025', 'b1').figures.members).toBe(6);
    expect(up([...sameTime].reverse(), '2025', 'b1').figures.members).toBe(6);
  });

  it('a flow is not summed over two reports of the same period', () => {
    const twice = [report('b1', '2025Q1', { newMembers: 5 }), report('b1', '2025Q1', { newMembers: 5 })];
    expect(up(twice, '2025', 'b1').figures.newMembers).toBe(5);
  });
});

describe('reporting and expected counts', () => {
  it('reporting counts organisations with a counted report in the period; per figure those that gave it', () => {
    const reports = [report('b1', '2025Q1', { members: 1 }), report('b1', '2025Q2', { members: 2 }), report('b2', '2025Q3', { members: null, youth1428: 9 })];
    const result = up(reports, '2025');
    expect(result.reporting).toBe(2);
    expect(result.reportingPerFigure).toMatchObject({ members: 1, youth1428: 1, newMembers: 0 });
    expect(result.expected).toBeUndefined();
  });

  it('expected counts the organisations a round within the period asks, each once', () => {
    const round = (id: string, period: string, orgIds: string[]): ReportingRound => ({
      id,
      period,
      figures: ['members'],
      orgIds,
      deadline: '2026-01-20',
      status: 'open',
    });
    const rounds = [round('q1', '2025Q1', ['b1', 'b2']), round('q2', '2025Q2', ['b1']), round('y24', '2024', ['town'])];
    expect(up([], '2025', 'county', { rounds }).expected).toBe(2);
    expect(up([], '2025Q2', 'county', { rounds }).expected).toBe(1);
    expect(up([], '2024', 'town', { rounds }).expected).toBe(1);
  });
});

describe('rollUp inputs', () => {
  it('an organisation that is not there gives zeros (it may have been deleted since it was selected)', () => {
    expect(up([report('b1', '2025', { members: 1 })], '2025', 'nobody')).toMatchObject({ figures: { members: 0 }, ratio: null, reporting: 0 });
  });

  it('a period that is not a period throws a RangeError', () => {
    expect(() => up([], '2025Q5')).toThrow(RangeError);
    expect(() => rollUpAll(orgs, [], 'soon')).toThrow(RangeError);
    expect(() => prepareRollUp(orgs, []).rollUpAll('soon')).toThrow(RangeError);
  });

  it('a report with a malformed period is ignored', () => {
    expect(up([report('b1', '2025Q9', { members: 3 })], '2025').figures.members).toBe(0);
  });

  it('rollUpAll gives every organisation', () => {
    expect([...rollUpAll(orgs, [], '2025').keys()].sort()).toEqual(['b1', 'b2', 'county', 'town']);
  });
});

describe('ownValuesByOrg (the previous period, to compare a report with)', () => {
  it("gives each organisation's own values by the time-axis rules, without its subtree", () => {
    const reports = [
      report('b1', '2024Q3', { members: 10, newMembers: 1 }),
      report('b1', '2024Q4', { members: 12, newMembers: 2 }),
      report('town', '2024', { members: 3 }),
      report('b2', '2024Q4', { members: 4 }, { status: 'submitted' }),
    ];
    const own = ownValuesByOrg(reports, '2024');
    expect(own.get('b1')).toEqual({ members: 12, newMembers: 3 });
    expect(own.get('town')).toEqual({ members: 3 });
    expect(own.has('b2')).toBe(false);
    expect(ownValuesByOrg(reports, '2024', { includeSubmitted: true }).get('b2')).toEqual({ members: 4 });
  });
});

describe('the demo county', () => {
  const demo = generateDemoCounty();
  const countyId = demo.orgs.find((o) => o.parentId === null)!.id;

  it('rolls up to the published Luntai totals', () => {
    const result = rollUp({ orgs: demo.orgs, reports: demo.reports, orgId: countyId, period: '2025' });
    expect(result.figures).toMatchObject(DEMO_FACTS.totals);
    expect(result.reporting).toBe(DEMO_FACTS.reportingUnits);
    expect(result.ratio).toBeCloseTo(5849 / 12028, 12);
    expect(rollUp({ orgs: demo.orgs, reports: demo.reports, orgId: countyId, period: '2025', rounds: demo.rounds }).expected).toBe(245);
  });

  it('gives each committee the sum of the reports in its subtree (the demo round is not split by sex: those are 0)', () => {
    const all = rollUpAll(demo.orgs, demo.reports, '2025');
    const noSplit = Object.fromEntries(SEX_FIGURES.map((f) => [f, 0]));
    const committeeOf = committeeResolver(demo.orgs, countyId);
    const committees = demo.orgs.filter((o) => o.parentId === countyId).map((o) => o.id);
    for (const [committee, reports] of committees.map((c) => [c, demo.reports.filter((r) => committeeOf(r.orgId) === c)] as const)) {
      expect(all.get(committee)!.figures).toEqual({ ...sumFigures(reports), ...noSplit });
      expect(all.get(committee)!.reportingPerFigure).toMatchObject(noSplit);
    }
  });
});
