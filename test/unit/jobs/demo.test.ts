import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { DEMO_JOBS_YEAR, DEMO_NOTICE_COUNT, DEMO_PLACEMENT_COUNT, generateDemoJobs } from '../../../shared/jobs/demo';
import { jobFigures } from '../../../shared/jobs/figures';
import { openingsLeft } from '../../../shared/jobs/notice';
import { notice, placement } from './fixtures';

describe('what "filled" means: openingsLeft', () => {
  const placementsArb = fc.array(fc.constantFrom('n1', 'n2', 'n3'), { maxLength: 12 }).map((ids) => ids.map((noticeId, i) => placement({ id: `p${i}`, noticeId })));

  it('is the openings minus the placements through that notice, never below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), placementsArb, (openings, placements) => {
        const placed = placements.filter((p) => p.noticeId === 'n1').length;
        expect(openingsLeft(notice({ id: 'n1', openings }), placements)).toBe(Math.max(0, openings - placed));
      }),
    );
  });

  it('only falls as placements are added, and placements through other notices do not count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), placementsArb, fc.constantFrom('n1', 'n2'), (openings, placements, noticeId) => {
        const n = notice({ id: 'n1', openings });
        const before = openingsLeft(n, placements);
        const after = openingsLeft(n, [...placements, placement({ id: 'extra', noticeId })]);
        expect(after).toBe(noticeId === 'n1' ? Math.max(0, before - 1) : before);
      }),
    );
  });

  it('is zero exactly when a notice for two has two placements', () => {
    const n = notice({ id: 'n1', openings: 2 });
    expect(openingsLeft(n, [])).toBe(2);
    expect(openingsLeft(n, [placement({ id: 'a' })])).toBe(1);
    expect(openingsLeft(n, [placement({ id: 'a' }), placement({ id: 'b' })])).toBe(0);
  });
});

describe('the demo notices agree with their placements', () => {
  const { notices, placements } = generateDemoJobs(generateDemoCounty());

  it('keeps the published year: 110 notices, 76 placements, some filled, some closed, some open', () => {
    expect(notices).toHaveLength(DEMO_NOTICE_COUNT);
    expect(placements).toHaveLength(DEMO_PLACEMENT_COUNT);
    // What the year's figures show (and the jobs e2e reads back from the CSV): unchanged by the statuses.
    expect(jobFigures(notices, placements, DEMO_JOBS_YEAR).total).toEqual({ notices: 107, openings: 325, placements: DEMO_PLACEMENT_COUNT });
    const count = (status: string) => notices.filter((n) => n.status === status).length;
    expect(count('filled')).toBeGreaterThan(10);
    expect(count('closed')).toBeGreaterThan(10);
    expect(count('published')).toBeGreaterThan(0);
    expect(count('draft')).toBeGreaterThan(0);
  });

  it('every notice marked filled has a placement for each of its openings', () => {
    for (const n of notices.filter((x) => x.status === 'filled')) expect(openingsLeft(n, placements), n.id).toBe(0);
  });

  it('every other notice still has openings left: closed ones closed before they filled', () => {
    for (const n of notices.filter((x) => x.status !== 'filled')) expect(openingsLeft(n, placements), n.id).toBeGreaterThan(0);
  });

  it('only filled and closed notices have placements, each hired while the notice was open', () => {
    const byId = new Map(notices.map((n) => [n.id, n]));
    for (const p of placements) {
      const n = byId.get(p.noticeId)!;
      expect(['filled', 'closed'], p.id).toContain(n.status);
      expect(n.publishedOn! < p.hiredOn && p.hiredOn <= n.closesOn, p.id).toBe(true);
    }
  });

  it('numbers placements in the order people were hired', () => {
    expect(placements.map((p) => p.id)).toEqual(placements.map((_, i) => `demo-placement-${String(i + 1).padStart(3, '0')}`));
    const dates = placements.map((p) => p.hiredOn);
    expect(dates).toEqual([...dates].sort());
  });
});
