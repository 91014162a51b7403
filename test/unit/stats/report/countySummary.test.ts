import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../../../shared/domain/stats';
import { buildCountySummary, targetLookup, type CountySummaryInput } from '../../../../shared/stats/report/countySummary';
import { rollUpAll } from '../../../../shared/stats/rollup';
import { DEMO_FACTS } from '../../../../shared/demo/summary';
import { demoInput, summaryOf } from '../../report/helpers';

const org = (code: string, kind: Org['kind'], parentId: string | null, extra: Partial<Org> = {}): Org => ({
  id: code,
  code,
  name: { zh: code },
  kind,
  parentId,
  archived: false,
  ...extra,
});
const round = (id: string, period: string, deadline: string): ReportingRound => ({ id, period, deadline, figures: ['members'], orgIds: [], status: 'open' });
let nextId = 0;
/** Rounds of these tests and their periods: the roll-up finds reports by period. */
const PERIOD_OF: Record<string, string> = { y2025: '2025', q3: '2025Q3', y2026: '2026', y: '2025' };
const report = (orgId: string, roundId: string, figures: Partial<StatReport>, status: StatReport['status'] = 'approved'): StatReport => ({
  id: `r${(nextId += 1)}`,
  roundId,
  orgId,
  period: PERIOD_OF[roundId] ?? '2025',
  status,
  ...figures,
});

/** What the tests build and then change: CountySummaryInput with arrays they can push to. */
type Editable = CountySummaryInput & { orgs: Org[]; rounds: ReportingRound[]; reports: StatReport[] };

/** A county with two townships: one big, one small, so averaging ratios would be visibly wrong. */
function smallCounty(): Editable {
  const orgs = [org('XC', 'county', null), org('XC-01', 'township', 'XC'), org('XC-01-001', 'branch', 'XC-01'), org('XC-02', 'township', 'XC'), org('XC-02-001', 'branch', 'XC-02')];
  return {
    orgs,
    rounds: [round('y2025', '2025', '2026-01-20')],
    reports: [
      report('XC-01-001', 'y2025', { members: 90, youth1428: 300, youth1435: 600, newMembers: 9 }),
      report('XC-02-001', 'y2025', { members: 18, youth1428: 20, youth1435: 40, newMembers: 2 }),
    ],
    countyCode: 'XC',
  };
}

describe('county summary', () => {
  it('adds the demo county up to the published Luntai figures', () => {
    const summary = summaryOf(demoInput());
    expect(summary.totals).toMatchObject({ members: 5849, youth1435: 26328, youth1428: 12028, reports: 245, newMembers: 934 });
    expect((summary.totals.leagueYouthRatio! * 100).toFixed(1)).toBe('48.6');
    // One line per committee directly under the county: 11 township/town, 2 school, 2 working, 2 general branches.
    const { township, school, working, generalBranch } = DEMO_FACTS.orgsByKind;
    expect(summary.committees).toHaveLength(township + school + working + generalBranch);
    expect(summary.committees.reduce((n, c) => n + c.members, 0)).toBe(5849);
    expect(summary.round.id).toBe('demo-round-2025');
  });

  it('computes the total ratio from the totals, never by averaging the lines', () => {
    const summary = summaryOf(smallCounty());
    expect(summary.committees.map((c) => c.leagueYouthRatio)).toEqual([0.3, 0.9]);
    expect(summary.totals.leagueYouthRatio).toBe(108 / 320);
    expect(summary.totals.leagueYouthRatio).not.toBeCloseTo((0.3 + 0.9) / 2, 2);
  });

  it('counts approved reports only, unless told to count submitted ones too; drafts and returned never', () => {
    const input = smallCounty();
    input.orgs.push(org('XC-02-002', 'branch', 'XC-02'), org('XC-02-003', 'branch', 'XC-02'), org('XC-02-004', 'branch', 'XC-02'));
    input.reports.push(
      report('XC-02-002', 'y2025', { members: 1000, youth1428: 1000 }, 'submitted'),
      report('XC-02-003', 'y2025', { members: 50, youth1428: 50 }, 'draft'),
      report('XC-02-004', 'y2025', { members: 70, youth1428: 70 }, 'returned'),
      // A second, submitted report of an approved branch: the approved one stands.
      report('XC-01-001', 'y2025', { members: 1, youth1428: 1 }, 'submitted'),
    );
    expect(summaryOf(input)).toMatchObject({ statuses: ['approved'], totals: { members: 108, reports: 2 } });
    expect(summaryOf({ ...input, includeSubmitted: true })).toMatchObject({ statuses: ['approved', 'submitted'], totals: { members: 1108, reports: 3 } });
  });

  it('counts a branch once when two devices left two reports for it, picking the later one everywhere', () => {
    const input = smallCounty();
    const first = { ...report('XC-02-001', 'y2025', { members: 5, youth1428: 20 }), submittedAt: '2026-01-05T00:00:00.000Z' };
    const later = { ...report('XC-02-001', 'y2025', { members: 7, youth1428: 20 }), submittedAt: '2026-01-09T00:00:00.000Z' };
    input.reports = [input.reports[0]!, later, first];
    expect(summaryOf(input).committees[1]).toMatchObject({ members: 7, reports: 1 });
    input.reports = [input.reports[0]!, first, later];
    expect(summaryOf(input).committees[1]).toMatchObject({ members: 7, reports: 1 });
  });

  it('flags lines over their target, comparing exactly; no target or no youth gives no flag', () => {
    const input = smallCounty();
    input.orgs.push(org('XC-03', 'school', 'XC'));
    const targets: Record<string, number> = { 'XC-01': 0.3, 'XC-02': 0.5, 'XC-03': 0.2, XC: 0.4 };
    const summary = summaryOf({ ...input, targetFor: (o) => targets[o.code] ?? null });
    expect(summary.committees.map((c) => [c.code, c.target, c.overTarget])).toEqual([
      ['XC-01', 0.3, false], // exactly at the target is not over it
      ['XC-02', 0.5, true],
      ['XC-03', 0.2, null], // no reports, no youth, no ratio
    ]);
    expect(summary.totals).toMatchObject({ target: 0.4, overTarget: false });
    expect(summaryOf(input).committees[0]).toMatchObject({ target: null, overTarget: null });
  });

  it('resolves targets as the statistics do: an organisation row, else the 2023 default of its school level', () => {
    const input = smallCounty();
    input.orgs.push(org('XC-03', 'school', 'XC', { schoolLevel: 'seniorHigh' }), org('XC-03-001', 'branch', 'XC-03'));
    input.reports.push(report('XC-03-001', 'y2025', { members: 31, youth1428: 100 }));
    const targetFor = targetLookup(input.orgs, [{ id: 't1', appliesTo: 'org', subject: 'XC-02', maxRatio: 0.95 }]);
    const lines = summaryOf({ ...input, targetFor }).committees.map((c) => [c.code, c.target, c.overTarget]);
    expect(lines).toEqual([
      ['XC-01', null, null],
      ['XC-02', 0.95, false],
      ['XC-03', 0.3, true], // 31% against the 2023 senior-high cap of 30%
    ]);
  });

  it('gives the same figures as the statistics roll-up of each committee', () => {
    const input = demoInput();
    const rolled = rollUpAll(input.orgs, input.reports, '2025');
    for (const line of summaryOf(input).committees) {
      const org = input.orgs.find((o) => o.code === line.code)!;
      const r = rolled.get(org.id)!;
      expect([line.members, line.newMembers, line.youth1435, line.youth1428, line.leagueYouthRatio, line.reports]).toEqual([
        r.figures.members,
        r.figures.newMembers,
        r.figures.youth1435,
        r.figures.youth1428,
        r.ratio,
        r.reporting,
      ]);
    }
  });

  it('keeps an archived committee in the periods it reported in, and only those', () => {
    const input = smallCounty();
    input.orgs = input.orgs.map((o) => (o.code === 'XC-02' ? { ...o, archived: true } : o));
    input.orgs.push(org('XC-09', 'township', 'XC', { archived: true }));
    expect(summaryOf(input).committees.map((c) => c.code)).toEqual(['XC-01', 'XC-02']);
  });

  it('takes a named round, the round of a named period, or by default the newest round that stands for the county', () => {
    const input = smallCounty();
    const branches = ['XC-01-001', 'XC-02-001'];
    input.rounds = [
      { ...round('y2025', '2025', '2026-01-20'), orgIds: branches, status: 'closed' },
      { ...round('q3', '2025Q3', '2025-10-15'), orgIds: branches },
      { ...round('y2026', '2026', '2027-01-20'), orgIds: branches },
    ];
    input.reports.push(report('XC-01-001', 'q3', { members: 1, youth1428: 2 }), report('XC-01-001', 'y2026', { members: 25, youth1428: 40 }));
    // 2026 has one of two approved: it has barely started, so 2025 stands for the county. The year's
    // stock is the yearly report's (it ends later than Q3).
    expect(summaryOf(input)).toMatchObject({ round: { id: 'y2025' }, choice: 'complete', coverage: { expected: 2, approved: 2, partial: false }, totals: { members: 108 } });
    expect(summaryOf({ ...input, period: '2025Q3' })).toMatchObject({ round: { id: 'q3' }, choice: 'chosen', coverage: { approved: 1, partial: true } });
    expect(summaryOf({ ...input, period: '2026' })).toMatchObject({ round: { id: 'y2026' }, choice: 'chosen', coverage: { approved: 1, share: 0.5, partial: true }, totals: { members: 25, reports: 1 } });
    expect(summaryOf({ ...input, roundId: 'q3' }).totals.members).toBe(1);
    expect(buildCountySummary({ ...input, period: '2024' })).toBe('no-round');
    expect(buildCountySummary({ ...input, roundId: 'nope' })).toBe('no-round');
    expect(buildCountySummary({ ...input, countyCode: 'ZZ' })).toBe('no-county');
    expect(buildCountySummary({ ...input, rounds: [] })).toBe('no-round');
    // Nothing stands for the county: the newest closed round, else the newest, marked partial.
    expect(summaryOf({ ...input, reports: [] })).toMatchObject({ round: { id: 'y2025' }, choice: 'closed', coverage: { approved: 0, partial: true } });
    expect(summaryOf({ ...input, reports: [], rounds: input.rounds.slice(1) })).toMatchObject({ round: { id: 'y2026' }, choice: 'latest', coverage: { partial: true } });
  });

  it('adds the county committee\'s own report to the total, under no line', () => {
    const input = smallCounty();
    input.reports.push(report('XC', 'y2025', { members: 4, youth1428: 10 }));
    const summary = summaryOf(input);
    expect(summary.committees.reduce((n, c) => n + c.members, 0)).toBe(108);
    expect(summary.totals.members).toBe(112);
  });

  it('has totals equal to the sum of the lines, and a total ratio of the summed figures, for any figures', () => {
    const figures = fc.record({ members: fc.nat(5000), youth1428: fc.nat(5000), youth1435: fc.nat(9000), newMembers: fc.nat(500) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), figures), { maxLength: 30 }), (branches) => {
        const orgs = [org('PC', 'county', null), ...[1, 2, 3, 4].map((n) => org(`PC-0${n}`, 'township', 'PC'))];
        const reports = branches.map(([township, f], i) => {
          const code = `PC-0${township}-${String(i + 1).padStart(3, '0')}`;
          orgs.push(org(code, 'branch', `PC-0${township}`));
          return report(code, 'y', f);
        });
        const result = buildCountySummary({ orgs, rounds: [round('y', '2025', '2026-01-20')], reports, countyCode: 'PC' });
        if (typeof result === 'string') {
          expect([result, reports.length]).toEqual(['no-round', 0]);
          return;
        }
        const summary = result;
        for (const key of ['members', 'youth1428', 'youth1435', 'newMembers', 'reports'] as const) {
          expect(summary.totals[key]).toBe(summary.committees.reduce((n, c) => n + c[key], 0));
        }
        const { members, youth1428 } = summary.totals;
        expect(summary.totals.leagueYouthRatio).toBe(youth1428 > 0 ? members / youth1428 : null);
      }),
    );
  });
});
