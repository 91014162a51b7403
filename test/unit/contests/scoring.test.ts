import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntries } from '../../../shared/contests/eligibility';
import { RUBRIC_PRESETS } from '../../../shared/contests/presets';
import { judgeProgress, judgeTotal, rankContest, scoreEntry } from '../../../shared/contests/scoring';
import type { Score } from '../../../shared/contests/rows';
import { contest, entry, score } from './fixtures';

describe('judge totals', () => {
  it('weights each criterion by its share of 100, points over the criterion maximum', () => {
    // theme 30, content 30, language 25, creativity 15, each out of 10
    expect(judgeTotal(contest(), { theme: 10, content: 5, language: 8, creativity: 0 })).toBe(30 + 15 + 20 + 0);
  });
  it('is not a total until every criterion is scored, and refuses points above the maximum', () => {
    expect(judgeTotal(contest(), { theme: 10, content: 5, language: 8 })).toBeNull();
    expect(judgeTotal(contest(), { theme: 11, content: 5, language: 8, creativity: 1 })).toBeNull();
  });
});

describe('entry score', () => {
  it('drops one highest and one lowest total with 5 judges and averages the rest', () => {
    const c = contest();
    const rows = [score('e1', 'j1', 10), score('e1', 'j2', 2), score('e1', 'j3', 6), score('e1', 'j4', 7), score('e1', 'j5', 8)];
    const s = scoreEntry(c, 'e1', rows);
    expect(s.score).toBe(70);
    expect(s.dropped.sort()).toEqual(['j1', 'j2']);
  });
  it('keeps every total with fewer than 5 judges, or when dropping is off', () => {
    const rows = [score('e1', 'j1', 10), score('e1', 'j2', 2), score('e1', 'j3', 6), score('e1', 'j4', 6)];
    expect(scoreEntry(contest(), 'e1', rows).score).toBe(60);
    const five = [...rows, score('e1', 'j5', 6)];
    expect(scoreEntry(contest({ dropExtremes: false }), 'e1', five).score).toBe(60);
    expect(scoreEntry(contest(), 'e1', five).score).toBe(60);
  });
  it('counts only finished scores of the contest\'s own judges', () => {
    const rows = [score('e1', 'j1', 8), score('e1', 'stranger', 1), { ...score('e1', 'j2', 1), points: { theme: 1 } }];
    expect(scoreEntry(contest(), 'e1', rows).score).toBe(80);
  });
});

describe('ranking', () => {
  it('breaks a tie by the first criterion, then the earlier submission, then the code, and says which', () => {
    const c = contest({ judges: [{ id: 'j1', name: 'a' }] });
    const entries = [entry(1, { submittedOn: '2026-05-20' }), entry(2, { submittedOn: '2026-05-02' }), entry(3), entry(4)];
    // e1 and e2: equal totals (0.3*a + ...) but e1 higher on the first criterion.
    const scores = [
      score('e1', 'j1', { theme: 10, content: 5, language: 8, creativity: 6 }),
      score('e2', 'j1', { theme: 5, content: 10, language: 8, creativity: 6 }),
      score('e3', 'j1', 5),
      score('e4', 'j1', 5),
    ];
    const { ranked } = rankContest(c, entries, scores);
    expect(ranked.map((r) => r.entry.code)).toEqual(['E-001', 'E-002', 'E-003', 'E-004']);
    expect(ranked.map((r) => r.tieBrokenBy)).toEqual([null, 'first-criterion', null, 'code']);
    const later = rankContest(c, [entries[0]!, entries[1]!, entry(3, { submittedOn: '2026-05-30' }), entry(4, { submittedOn: '2026-05-01' })], scores);
    expect(later.ranked.slice(2).map((r) => [r.entry.code, r.tieBrokenBy])).toEqual([['E-004', null], ['E-003', 'submitted']]);
  });

  it('hands out tiers best first by count, leaves ineligible and unscored entries out, and honours a manual award', () => {
    const c = contest({ judges: [{ id: 'j1', name: 'a' }], tiers: [{ id: 'first', name: { zh: '一等奖' }, count: 1 }, { id: 'second', name: { zh: '二等奖' }, count: 2 }] });
    const entries = [entry(1), entry(2), entry(3), entry(4, { awardOverride: { tierId: 'first', reason: '评委会复议', at: '2026-07-01' } }), entry(5, { age: 50 }), entry(6)];
    const scores = [score('e1', 'j1', 9), score('e2', 'j1', 8), score('e3', 'j1', 7), score('e4', 'j1', 6), score('e5', 'j1', 10)];
    const { ranked, unranked } = rankContest(c, entries, scores, checkEntries(c, entries));
    expect(ranked.map((r) => [r.entry.code, r.computedTierId, r.tierId, r.overridden])).toEqual([
      ['E-001', 'first', 'first', false],
      ['E-002', 'second', 'second', false],
      ['E-003', 'second', 'second', false],
      ['E-004', null, 'first', true],
    ]);
    expect(unranked.map((u) => [u.entry.code, u.reason])).toEqual([['E-005', 'ineligible'], ['E-006', 'unscored']]);
  });

  it('shows each judge how many entries they finished', () => {
    const c = contest({ judges: [{ id: 'j1', name: 'a' }, { id: 'j2', name: 'b' }] });
    const progress = judgeProgress(c, ['e1', 'e2'], [score('e1', 'j1', 5), score('e2', 'j1', 5), { ...score('e1', 'j2', 5), points: { theme: 3 } }, score('e9', 'j2', 5)]);
    expect(Object.fromEntries(progress)).toEqual({ j1: 2, j2: 0 });
  });
});

/** Random contests: 1–8 judges, 1–12 entries, integer or half points, some scores missing. */
const arbitraryContest = fc
  .record({
    judges: fc.integer({ min: 1, max: 8 }),
    entries: fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 12 }),
    drop: fc.boolean(),
    points: fc.array(fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }), { freq: 5 }), { minLength: 8, maxLength: 8 }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ judges, entries, drop, points }) => {
    const c = contest({ judges: Array.from({ length: judges }, (_, i) => ({ id: `j${i}`, name: `j${i}` })), dropExtremes: drop });
    const es = entries.map((e, i) => entry(i + 1, { submittedOn: `2026-05-${String(e.day).padStart(2, '0')}` }));
    const scores: Score[] = [];
    es.forEach((e, i) => {
      for (let j = 0; j < judges; j++) {
        const p = points[i]![j];
        if (p) scores.push(score(e.id, `j${j}`, Object.fromEntries(RUBRIC_PRESETS.essay.map((cr, k) => [cr.id, p[k]! / 2]))));
      }
    });
    return { c, es, scores };
  });

function summary(r: ReturnType<typeof rankContest>) {
  return { ranked: r.ranked.map((x) => [x.entry.id, x.rank, x.score, x.tierId]), unranked: r.unranked.map((u) => [u.entry.id, u.reason]) };
}

describe('ranking properties', () => {
  it('does not depend on the order entries or scores were entered', () => {
    fc.assert(
      fc.property(arbitraryContest, fc.infiniteStream(fc.nat()), ({ c, es, scores }, noise) => {
        const shuffle = <T>(xs: T[]) => xs.map((x) => ({ x, k: noise.next().value })).sort((a, b) => a.k - b.k).map((p) => p.x);
        expect(summary(rankContest(c, shuffle(es), shuffle(scores)))).toEqual(summary(rankContest(c, es, scores)));
      }),
    );
  });

  it('drops highest and lowest per entry: each score is the trimmed mean of that entry\'s own totals', () => {
    fc.assert(
      fc.property(arbitraryContest, ({ c, es, scores }) => {
        const { ranked } = rankContest(c, es, scores);
        for (const r of ranked) {
          const own = scores.filter((s) => s.entryId === r.entry.id).map((s) => judgeTotal(c, s.points)!).sort((a, b) => a - b);
          const kept = c.dropExtremes && own.length >= 5 ? own.slice(1, -1) : own;
          expect(r.score).toBeCloseTo(kept.reduce((a, b) => a + b, 0) / kept.length, 5);
          expect(r.dropped.length).toBe(c.dropExtremes && own.length >= 5 ? 2 : 0);
        }
      }),
    );
  });

  it('ranks are 1..n in score order and tiers are never handed out beyond their counts', () => {
    fc.assert(
      fc.property(arbitraryContest, ({ c, es, scores }) => {
        const { ranked } = rankContest(c, es, scores);
        ranked.forEach((r, i) => {
          expect(r.rank).toBe(i + 1);
          if (i > 0) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(r.score);
        });
        for (const t of c.tiers) expect(ranked.filter((r) => r.computedTierId === t.id).length).toBeLessThanOrEqual(t.count);
      }),
    );
  });
});
