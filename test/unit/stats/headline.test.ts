import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { FIGURES, REPORT_STATUSES, type ReportingRound, type StatReport } from '../../../shared/domain/stats';
import { headlineSummary } from '../../../shared/stats/report/countySummary';
import { chooseRound, COMPLETE_SHARE, roundCoverage } from '../../../shared/stats/headline';
import { reportId } from '../../../shared/stats/ids';
import { newestFirst } from '../../../shared/stats/model';

const round = (id: string, period: string, orgIds: string[], status: ReportingRound['status'] = 'open'): ReportingRound => ({
  id,
  period,
  figures: [...FIGURES],
  orgIds,
  deadline: '2026-12-31',
  status,
});
const report = (roundId: string, orgId: string, status: StatReport['status']): StatReport => ({ id: reportId(roundId, orgId), roundId, orgId, period: '2026', status });

describe('how complete a round is', () => {
  it('counts each expected organisation once, by its most advanced report, and nothing else', () => {
    const r = round('r', '2026', ['a', 'b', 'c', 'd', 'a']);
    const reports = [
      report('r', 'a', 'approved'),
      { ...report('r', 'a', 'draft'), id: 'another PC' },
      report('r', 'b', 'submitted'),
      report('r', 'c', 'returned'),
      report('r', 'x', 'approved'), // not asked
      report('other', 'd', 'approved'), // another round
    ];
    expect(roundCoverage(r, reports)).toEqual({ expected: 4, approved: 1, pending: 1, share: 0.25, partial: true });
    expect(roundCoverage(round('empty', '2026', []), reports)).toEqual({ expected: 0, approved: 0, pending: 0, share: null, partial: true });
  });

  it(`stands for the county from ${COMPLETE_SHARE * 100}% approved`, () => {
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const r = round('r', '2026', ids);
    const approved = (n: number) => ids.slice(0, n).map((id) => report('r', id, 'approved'));
    expect(roundCoverage(r, approved(9)).partial).toBe(false);
    expect(roundCoverage(r, approved(8)).partial).toBe(true);
  });
});

describe('the round the headline figures show', () => {
  const orgs = ['a', 'b'];
  const done = round('done', '2025', orgs, 'closed');
  const closedPartial = round('closed', '2025Q4', orgs, 'closed');
  const started = round('started', '2026', orgs);

  it('is the newest round that stands for the county, not a newer one that has barely started', () => {
    const reports = [report('done', 'a', 'approved'), report('done', 'b', 'approved'), report('started', 'a', 'approved')];
    expect(chooseRound(newestFirst([done, started]), reports)).toMatchObject({ round: { id: 'done' }, why: 'complete', coverage: { partial: false } });
  });

  it('else the newest closed round, else the newest round; either marked partial', () => {
    expect(chooseRound(newestFirst([closedPartial, started]), [])).toMatchObject({ round: { id: 'closed' }, why: 'closed', coverage: { partial: true } });
    expect(chooseRound(newestFirst([started, round('older', '2025', orgs)]), [])).toMatchObject({ round: { id: 'started' }, why: 'latest', coverage: { partial: true } });
    expect(chooseRound([], [])).toBeUndefined();
  });

  it('is the round a person chose, when it exists', () => {
    expect(chooseRound(newestFirst([done, started]), [], 'started')).toMatchObject({ round: { id: 'started' }, why: 'chosen' });
    expect(chooseRound(newestFirst([done, started]), [], 'gone')).toMatchObject({ why: 'closed' });
  });

  it('never takes a partial round by default while some round stands for the county', () => {
    const arbRound = fc.record({ period: fc.constantFrom('2024', '2025', '2025Q4', '2026', '2026Q1'), closed: fc.boolean(), statuses: fc.array(fc.constantFrom(undefined, ...REPORT_STATUSES), { minLength: 1, maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(arbRound, { minLength: 1, maxLength: 5 }), (drafts) => {
        const rounds = drafts.map((d, i) => round(`r${i}`, d.period, d.statuses.map((_, j) => `o${j}`), d.closed ? 'closed' : 'open'));
        const reports = drafts.flatMap((d, i) => d.statuses.flatMap((status, j) => (status ? [report(`r${i}`, `o${j}`, status)] : [])));
        const sorted = newestFirst(rounds);
        const choice = chooseRound(sorted, reports)!;
        const standing = sorted.filter((r) => !roundCoverage(r, reports).partial);
        if (standing.length > 0) expect(choice).toMatchObject({ round: standing[0], why: 'complete' });
        else expect(choice.coverage.partial).toBe(true);
        expect(choice.coverage).toEqual(roundCoverage(choice.round, reports));
      }),
    );
  });
});

describe('the county opens a 2026 round and approves one branch (issue 12)', () => {
  const demo = generateDemoCounty();
  const round2026 = round('round-2026', '2026', demo.rounds[0]!.orgIds);
  const branch = demo.rounds[0]!.orgIds[0]!;
  const data = {
    orgs: demo.orgs,
    rounds: [...demo.rounds, round2026],
    reports: [...demo.reports, { ...report('round-2026', branch, 'approved'), members: 25, youth1435: 60, youth1428: 40 }],
    targets: [],
  };

  it('shows 2025 until 2026 is chosen: 5,849 members, 48.6%, 245 of 245 approved', () => {
    const shown = headlineSummary(data)!;
    expect(shown.choice).toMatchObject({ round: { id: 'demo-round-2025' }, why: 'complete', coverage: { expected: 245, approved: 245 } });
    expect(shown.summary.totals).toMatchObject({ members: 5849, youth1428: 12028 });
    expect(shown.summary.totals.leagueYouthRatio!.toFixed(3)).toBe('0.486');
  });

  it('shows 2026 when chosen, saying it is 1 of 245 and partial', () => {
    const shown = headlineSummary(data, 'round-2026')!;
    expect(shown.choice).toMatchObject({ why: 'chosen', coverage: { expected: 245, approved: 1, partial: true } });
    expect(shown.summary.totals).toMatchObject({ members: 25, youth1428: 40, leagueYouthRatio: 0.625 });
  });
});
