import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUND_ID, generateDemoCounty } from '../../../shared/demo/luntai';
import type { ReportingRound, StatReport } from '../../../shared/domain/stats';
import {
  BEIJING_UTC_OFFSET_MINUTES,
  deadlineEnd,
  isOnTime,
  missingReports,
  roundCompleteness,
} from '../../../shared/stats/completeness';
import { org } from './fixtures';

const county = org('county', null);
const t1 = org('t1', 'county', { kind: 'township', code: 'LT-01' });
const t2 = org('t2', 'county', { kind: 'township', code: 'LT-02' });
const t3 = org('t3', 'county', { kind: 'school', code: 'LT-03' });
const branches = [
  org('a1', 't1', { code: 'LT-01-001' }),
  org('a2', 't1', { code: 'LT-01-002' }),
  org('a3', 'a2', { code: 'LT-01-003' }), // under a general branch: still township t1
  org('b1', 't2', { code: 'LT-02-001' }),
  org('b2', 't2', { code: 'LT-02-002', archived: true }),
];
const orgs = [county, t2, t1, t3, ...branches];

const round: ReportingRound = {
  id: 'r2025',
  period: '2025',
  figures: ['members'],
  orgIds: ['a1', 'a2', 'a3', 'b1', 'b2', 'a1'],
  deadline: '2026-01-20',
  status: 'open',
};
const rep = (orgId: string, status: StatReport['status'], submittedAt?: string, extra: Partial<StatReport> = {}): StatReport => ({
  id: `${round.id}:${orgId}:${status}`,
  roundId: round.id,
  orgId,
  period: round.period,
  status,
  ...(submittedAt ? { submittedAt } : {}),
  ...extra,
});

describe('the deadline ends at midnight Beijing time (UTC+8)', () => {
  it('2026-01-20 ends at 2026-01-20T15:59:59.999Z', () => {
    expect(new Date(deadlineEnd('2026-01-20')).toISOString()).toBe('2026-01-20T15:59:59.999Z');
    expect(BEIJING_UTC_OFFSET_MINUTES).toBe(480);
  });

  it('a submission at 23:59 Beijing time on the day is on time; at 00:00 the next day it is late', () => {
    expect(isOnTime({ status: 'submitted', submittedAt: '2026-01-20T15:59:00.000Z' }, '2026-01-20')).toBe(true);
    expect(isOnTime({ status: 'submitted', submittedAt: '2026-01-20T16:00:00.000Z' }, '2026-01-20')).toBe(false);
  });

  it('reads submission times with any offset, as instants', () => {
    expect(isOnTime({ status: 'approved', submittedAt: '2026-01-20T23:30:00+08:00' }, '2026-01-20')).toBe(true);
    expect(isOnTime({ status: 'approved', submittedAt: '2026-01-21T00:30:00+08:00' }, '2026-01-20')).toBe(false);
  });

  it('another offset can be given (e.g. UTC+6)', () => {
    expect(new Date(deadlineEnd('2026-01-20', 360)).toISOString()).toBe('2026-01-20T17:59:59.999Z');
  });

  it('a draft, a returned report or a submission without a readable time is not on time', () => {
    expect(isOnTime({ status: 'draft', submittedAt: '2026-01-01T00:00:00Z' }, '2026-01-20')).toBe(false);
    expect(isOnTime({ status: 'returned', submittedAt: '2026-01-01T00:00:00Z' }, '2026-01-20')).toBe(false);
    expect(isOnTime({ status: 'submitted' }, '2026-01-20')).toBe(false);
    expect(isOnTime({ status: 'submitted', submittedAt: 'yesterday' }, '2026-01-20')).toBe(false);
  });

  it('judges by the first submission: a report returned and resubmitted late stays on time', () => {
    expect(isOnTime({ status: 'submitted', firstSubmittedAt: '2026-01-10T02:00:00Z', submittedAt: '2026-02-01T02:00:00Z' }, '2026-01-20')).toBe(true);
  });

  it('refuses a malformed deadline', () => {
    for (const bad of ['2026-1-20', '2026-02-30', '20 January', '']) expect(() => deadlineEnd(bad), bad).toThrow(RangeError);
  });

  it('is the end of the local day for any date (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const end = deadlineEnd(day);
        // One millisecond later it is the next day in Beijing.
        expect(new Date(end + 8 * 3600_000).toISOString().slice(0, 10)).toBe(day);
        expect(new Date(end + 1 + 8 * 3600_000).toISOString().slice(11)).toBe('00:00:00.000Z');
      }),
    );
  });
});

describe('roundCompleteness', () => {
  const reports = [
    rep('a1', 'approved', '2026-01-10T03:00:00Z'),
    rep('a2', 'submitted', '2026-01-21T03:00:00Z'), // late
    rep('a3', 'returned', '2026-01-05T03:00:00Z'), // back with the township: not in
    rep('b1', 'draft'),
    { ...rep('b2', 'approved', '2026-01-02T03:00:00Z'), roundId: 'another-round' }, // another round
  ];
  const result = roundCompleteness(round, orgs, reports);

  it('counts each expected organisation once, in the township whose subtree holds it', () => {
    expect(result.total).toEqual({ orgId: 'county', expected: 5, submitted: 2, onTime: 1, completeness: 0.4, timeliness: 0.2 });
    expect(result.byTownship.find((r) => r.orgId === 't1')).toEqual({
      orgId: 't1',
      expected: 3,
      submitted: 2,
      onTime: 1,
      completeness: 2 / 3,
      timeliness: 1 / 3,
    });
  });

  it('has a row for every direct child of the county, in code order; nothing expected gives null shares', () => {
    expect(result.byTownship.map((r) => r.orgId)).toEqual(['t1', 't2', 't3']);
    expect(result.byTownship[1]).toMatchObject({ expected: 2, submitted: 0, completeness: 0, timeliness: 0 });
    expect(result.byTownship[2]).toEqual({ orgId: 't3', expected: 0, submitted: 0, onTime: 0, completeness: null, timeliness: null });
  });

  it('matches reports by round, so a report of another round does not count', () => {
    expect(result.byTownship[1]!.submitted).toBe(0);
  });

  it('puts expected organisations under no township (the county, or gone from the tree) in `outside`', () => {
    expect(result.outside).toBeNull();
    const wider = { ...round, orgIds: [...round.orgIds, 'county', 'gone'] };
    const r = roundCompleteness(wider, orgs, [rep('county', 'approved', '2026-01-01T00:00:00Z')]);
    expect(r.outside).toMatchObject({ expected: 2, submitted: 1, onTime: 1 });
    expect(r.total.expected).toBe(7);
  });

  it('townships add up to the total (property)', () => {
    const statuses = fc.constantFrom<StatReport['status']>('draft', 'submitted', 'approved', 'returned');
    const times = fc.option(fc.constantFrom('2026-01-19T10:00:00Z', '2026-01-20T15:59:59.999Z', '2026-01-20T16:00:00Z', '2026-02-01T00:00:00Z'), {
      nil: undefined,
    });
    const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'county', 'gone'];
    fc.assert(
      fc.property(fc.subarray(ids), fc.array(fc.tuple(fc.constantFrom(...ids), statuses, times)), (expected, rows) => {
        const r = roundCompleteness({ ...round, orgIds: expected }, orgs, rows.map(([o, s, t], i) => ({ ...rep(o, s, t), id: `x${i}` })));
        const parts = [...r.byTownship, ...(r.outside ? [r.outside] : [])];
        for (const key of ['expected', 'submitted', 'onTime'] as const) expect(parts.reduce((s, p) => s + p[key], 0)).toBe(r.total[key]);
        expect(r.total.onTime).toBeLessThanOrEqual(r.total.submitted);
        expect(r.total.submitted).toBeLessThanOrEqual(r.total.expected);
      }),
    );
  });

  it('a county can be named; by default it is the organisation of kind county without a parent', () => {
    expect(roundCompleteness(round, orgs, reports, { countyId: 't1' }).byTownship.map((r) => r.orgId)).toEqual(['a1', 'a2']);
    expect(roundCompleteness(round, [], reports).total.expected).toBe(5);
  });

  it('the demo county: 245 expected, all approved, and about 1 in 25 late', () => {
    const demo = generateDemoCounty();
    const r = roundCompleteness(demo.rounds[0]!, demo.orgs, demo.reports);
    expect(r.roundId).toBe(DEMO_ROUND_ID);
    expect(r.total).toMatchObject({ expected: 245, submitted: 245, completeness: 1 });
    expect(r.total.timeliness).toBeGreaterThan(0.85);
    expect(r.total.timeliness).toBeLessThan(1);
    expect(r.byTownship).toHaveLength(17);
    expect(r.outside).toBeNull();
  });
});

describe('missingReports (the "who has not reported" bulletin)', () => {
  it('lists per township, in code order, the organisations without a submitted or approved report, with what they have', () => {
    const reports = [rep('a1', 'approved', '2026-01-10T03:00:00Z'), rep('a3', 'returned', '2026-01-05T03:00:00Z'), rep('b1', 'draft')];
    const missing = missingReports(round, orgs, reports);
    expect(missing.map((g) => [g.townshipId, g.missing.map((m) => [m.orgId, m.status])])).toEqual([
      ['t1', [['a2', 'none'], ['a3', 'returned']]],
      ['t2', [['b1', 'draft'], ['b2', 'none']]],
    ]);
    expect(missing[0]!.township).toBe(t1);
    expect(missing[1]!.missing[1]!.org?.archived).toBe(true);
  });

  it('leaves out townships where everyone reported, and is empty when all did', () => {
    const all = round.orgIds.map((o) => rep(o, 'submitted', '2026-01-10T00:00:00Z'));
    expect(missingReports(round, orgs, all)).toEqual([]);
    const t1Done = ['a1', 'a2', 'a3'].map((o) => rep(o, 'approved', '2026-01-10T00:00:00Z'));
    expect(missingReports(round, orgs, t1Done).map((g) => g.townshipId)).toEqual(['t2']);
  });

  it('of several reports of one organisation, says the most advanced (a returned one over a draft)', () => {
    const reports = [rep('a2', 'draft'), { ...rep('a2', 'returned'), id: 'other' }];
    expect(missingReports(round, orgs, reports)[0]!.missing.find((m) => m.orgId === 'a2')!.status).toBe('returned');
  });

  it('puts organisations under no township last, those gone from the tree after the ones still there', () => {
    const wider = { ...round, orgIds: ['gone', 'county'] };
    expect(missingReports(wider, orgs, [])).toEqual([
      { townshipId: null, missing: [{ orgId: 'county', org: county, status: 'none' }, { orgId: 'gone', status: 'none' }] },
    ]);
  });

  it('agrees with roundCompleteness: per township, missing = expected − submitted (property)', () => {
    const ids = ['a1', 'a2', 'a3', 'b1', 'b2'];
    const statuses = fc.constantFrom<StatReport['status']>('draft', 'submitted', 'approved', 'returned');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), statuses)), (rows) => {
        const reports = rows.map(([o, s], i) => ({ ...rep(o, s, '2026-01-01T00:00:00Z'), id: `x${i}` }));
        const c = roundCompleteness(round, orgs, reports);
        const missing = missingReports(round, orgs, reports);
        for (const row of c.byTownship) {
          const group = missing.find((g) => g.townshipId === row.orgId);
          expect(group?.missing.length ?? 0).toBe(row.expected - row.submitted);
        }
      }),
    );
  });
});
