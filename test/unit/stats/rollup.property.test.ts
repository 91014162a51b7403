import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import { subPeriods, type PeriodKind } from '../../../shared/domain/period';
import { ALL_FIGURES, type StatReport } from '../../../shared/domain/stats';
import { prepareRollUp, rollUp, rollUpAll, type RollUpResult } from '../../../shared/stats/rollup';
import { leagueYouthRatio } from '../../../shared/stats/totals';
import { arbForest, arbPeriodIn, arbReports, chainOf, naiveRollUpAll, subtreeIds } from './fixtures';

/** A forest with reports of its organisations (some of them for organisations that are gone). */
const arbCounty = (kinds?: readonly PeriodKind[]) =>
  arbForest().chain((orgs) =>
    fc.record({
      orgs: fc.constant(orgs),
      reports: arbReports([...orgs.map((o) => o.id), 'gone'], kinds ? { kinds } : {}),
      period: arbPeriodIn([2024, 2025]),
      includeSubmitted: fc.boolean(),
    }),
  );

const figuresOf = (r: RollUpResult) => r.figures;
const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('roll-up properties', () => {
  it('agrees with a slow, obviously-right roll-up for every organisation, period and status choice', () => {
    fc.assert(
      fc.property(arbCounty(), ({ orgs, reports, period, includeSubmitted }) => {
        const fast = rollUpAll(orgs, reports, period, { includeSubmitted });
        const slow = naiveRollUpAll(orgs, reports, period, includeSubmitted);
        for (const o of orgs) {
          const { figures, reportingPerFigure, reporting } = fast.get(o.id)!;
          expect({ figures, reportingPerFigure, reporting }, o.id).toEqual(slow.get(o.id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the roll-up of a tree equals its own figures plus the roll-ups of its subtrees, each computed alone (stocks and flows, sex figures too)', () => {
    fc.assert(
      fc.property(arbCounty(), ({ orgs, reports, period, includeSubmitted }) => {
        const root = orgs[0]!;
        const whole = rollUp({ orgs, reports, orgId: root.id, period, includeSubmitted });
        // The root alone: its subtree cut off.
        const alone = rollUp({ orgs: [root], reports, orgId: root.id, period, includeSubmitted });
        const parts = orgs
          .filter((o) => o.parentId === root.id)
          .map((child) => {
            const ids = subtreeIds(orgs, child.id);
            const subOrgs = orgs.filter((o) => ids.has(o.id));
            const subReports = reports.filter((r) => ids.has(r.orgId));
            return rollUp({ orgs: subOrgs, reports: subReports, orgId: child.id, period, includeSubmitted });
          });
        for (const f of ALL_FIGURES) expect(whole.figures[f], f).toBe(alone.figures[f] + parts.reduce((s, p) => s + p.figures[f], 0));
        expect(whole.reporting).toBe(alone.reporting + parts.reduce((s, p) => s + p.reporting, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('moving a subtree moves its totals exactly, by sex too: the old ancestors lose them, the new ones gain them, nothing else changes', () => {
    const arbMove = arbCounty().chain((county) =>
      fc.record({ county: fc.constant(county), moved: fc.nat(), newParent: fc.nat() }),
    );
    fc.assert(
      fc.property(arbMove, ({ county: { orgs, reports, period, includeSubmitted }, moved, newParent }) => {
        const subject = orgs[moved % orgs.length]!;
        const inside = subtreeIds(orgs, subject.id);
        const candidates = orgs.filter((o) => !inside.has(o.id));
        if (candidates.length === 0) return;
        const target = candidates[newParent % candidates.length]!;
        const after: Org[] = orgs.map((o) => (o.id === subject.id ? { ...o, parentId: target.id } : o));

        const before = rollUpAll(orgs, reports, period, { includeSubmitted });
        const moved2 = rollUpAll(after, reports, period, { includeSubmitted });
        const carried = before.get(subject.id)!;
        const oldAncestors = new Set(chainOf(orgs, subject.id).slice(1));
        const newAncestors = new Set(chainOf(after, subject.id).slice(1));
        for (const o of orgs) {
          const sign = (newAncestors.has(o.id) ? 1 : 0) - (oldAncestors.has(o.id) ? 1 : 0);
          for (const f of ALL_FIGURES) {
            expect(moved2.get(o.id)!.figures[f] - before.get(o.id)!.figures[f], `${o.id}.${f}`).toBe(sign * carried.figures[f] + 0); // + 0: no −0
          }
          expect(moved2.get(o.id)!.reporting - before.get(o.id)!.reporting).toBe(sign * carried.reporting + 0);
        }
        expect(moved2.get(subject.id)).toEqual(carried);
      }),
      { numRuns: 300 },
    );
  });

  it('with a report for every quarter, the yearly member count (and each sex\'s) equals the last quarter’s and the yearly new members (and each sex\'s) the sum of the quarters', () => {
    const arbQuarterly = arbForest().chain((orgs) =>
      fc.record({
        orgs: fc.constant(orgs),
        values: fc.array(fc.tuple(fc.nat({ max: 300 }), fc.nat({ max: 50 }), fc.nat({ max: 900 }), fc.nat({ max: 300 }), fc.nat({ max: 50 }), fc.nat({ max: 900 })), {
          minLength: orgs.length * 4,
          maxLength: orgs.length * 4,
        }),
      }),
    );
    fc.assert(
      fc.property(arbQuarterly, ({ orgs, values }) => {
        const quarters = subPeriods('2025', 'quarter');
        const reports: StatReport[] = orgs.flatMap((o, i) =>
          quarters.map((q, k) => {
            const [members, newMembers, youth1428, membersFemale, newMembersFemale, youth1428Female] = values[i * 4 + k]!;
            return {
              id: `${o.id}-${q}`,
              roundId: q,
              orgId: o.id,
              period: q,
              status: 'approved' as const,
              members,
              newMembers,
              youth1428,
              membersFemale,
              newMembersFemale,
              youth1428Female,
            };
          }),
        );
        const year = rollUpAll(orgs, reports, '2025');
        const byQuarter = quarters.map((q) => rollUpAll(orgs, reports, q));
        for (const o of orgs) {
          for (const stock of ['members', 'youth1428', 'membersFemale', 'youth1428Female'] as const) {
            expect(year.get(o.id)!.figures[stock], stock).toBe(byQuarter[3]!.get(o.id)!.figures[stock]);
          }
          for (const flow of ['newMembers', 'newMembersFemale'] as const) {
            expect(year.get(o.id)!.figures[flow], flow).toBe(byQuarter.reduce((s, q) => s + q.get(o.id)!.figures[flow], 0));
          }
          expect(year.get(o.id)!.ratio).toBe(byQuarter[3]!.get(o.id)!.ratio);
        }
      }),
    );
  });

  it('flows add up over the halves, quarters or months of a year when nothing coarser was reported', () => {
    fc.assert(
      fc.property(arbCounty(['month', 'quarter']), fc.constantFrom<PeriodKind>('half', 'quarter'), ({ orgs, reports, includeSubmitted }, kind) => {
        const year = rollUpAll(orgs, reports, '2025', { includeSubmitted });
        const parts = subPeriods('2025', kind).map((p) => rollUpAll(orgs, reports, p, { includeSubmitted }));
        for (const o of orgs) {
          for (const f of ['newMembers', 'recommendedToParty', 'newMembersMale', 'newMembersFemale'] as const) {
            expect(year.get(o.id)!.figures[f]).toBe(parts.reduce((s, p) => s + p.get(o.id)!.figures[f], 0));
          }
        }
      }),
    );
  });

  it('the ratio is always computed from the rolled-up members and youth 14–28', () => {
    fc.assert(
      fc.property(arbCounty(), ({ orgs, reports, period }) => {
        for (const result of rollUpAll(orgs, reports, period).values()) {
          expect(result.ratio).toBe(leagueYouthRatio(result.figures.members, result.figures.youth1428));
        }
      }),
    );
  });

  it('does not depend on the order of the organisations or of the reports', () => {
    fc.assert(
      fc.property(arbCounty(), fc.integer(), ({ orgs, reports, period }, seed) => {
        const a = rollUpAll(orgs, reports, period);
        const b = rollUpAll(shuffle(orgs, seed), shuffle(reports, seed + 1), period);
        for (const o of orgs) expect(figuresOf(b.get(o.id)!)).toEqual(figuresOf(a.get(o.id)!));
      }),
    );
  });

  it('prepareRollUp gives the same results as rollUpAll and rollUp for every period', () => {
    fc.assert(
      fc.property(arbCounty(), fc.array(arbPeriodIn([2024, 2025]), { minLength: 1, maxLength: 4 }), ({ orgs, reports, includeSubmitted }, periods) => {
        const prepared = prepareRollUp(orgs, reports, { includeSubmitted });
        for (const period of periods) {
          const all = rollUpAll(orgs, reports, period, { includeSubmitted });
          expect(prepared.rollUpAll(period)).toEqual(all);
          expect(prepared.rollUp(orgs[0]!.id, period)).toEqual(all.get(orgs[0]!.id));
        }
      }),
    );
  });
});
