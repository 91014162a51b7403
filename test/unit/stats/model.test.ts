import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import type { Org } from '../../../shared/domain/org';
import { FIGURES, type ReportingRound } from '../../../shared/domain/stats';
import { enteredTotals, entryOrgs, entryUnits, newestFirst, statsModel } from '../../../shared/stats/model';
import { sumFigures } from '../../../shared/stats/totals';
import { liveRows } from '../../../shared/sync/validate';
import { arbFigures, arbForest } from './fixtures';
import { ORG_TABLE } from '../../../shared/orgs/tables';

const round = (id: string, period: string, extra: Partial<ReportingRound> = {}): ReportingRound => ({
  id,
  period,
  figures: [...FIGURES],
  orgIds: [],
  deadline: '2026-01-20',
  status: 'open',
  ...extra,
});

describe('the statistics read model', () => {
  it('takes the home county by the one rule, whatever else is a root', () => {
    const stray: Org = { id: 'x', code: 'AA', name: {}, kind: 'township', parentId: null, archived: false };
    const demo = generateDemoCounty();
    const model = statsModel({ orgs: [stray, ...demo.orgs], rounds: demo.rounds, reports: demo.reports, targets: [] });
    expect(model.county?.code).toBe('LT');
    expect(statsModel({ orgs: [stray], rounds: [], reports: [], targets: [] }).county).toBeUndefined();
  });

  it('orders rounds newest first across kinds: a year after its quarters, then by deadline', () => {
    const rounds = [round('q4', '2025Q4'), round('y', '2025'), round('q1', '2026Q1'), round('y2', '2025', { deadline: '2026-02-01' })];
    expect(newestFirst(rounds).map((r) => r.id)).toEqual(['q1', 'y2', 'y', 'q4']);
  });

  it("lists a round's units and their rows: committees under the county with organisations it asks, depth first", () => {
    const demo = generateDemoCounty();
    const model = statsModel({ ...demo, targets: [] });
    const units = entryUnits(model, demo.rounds[0]!);
    expect(units.map((u) => u.code)).toEqual([...units.map((u) => u.code)].sort());
    const rows = units.flatMap((u) => entryOrgs(model, demo.rounds[0]!, u.id));
    expect(new Set(rows.map((o) => o.id))).toEqual(new Set(demo.rounds[0]!.orgIds));
  });

  it("gives the grid's totals row as the sum of its rows, drafts included, for any figures", () => {
    fc.assert(
      fc.property(arbForest(12), fc.array(arbFigures, { minLength: 12, maxLength: 12 }), (orgs, values) => {
        const below = orgs.filter((o) => o.parentId !== null);
        const rows = below.map((org, i) => ({ org, values: values[i]! }));
        // Rows of organisations under the root (every one, for a tree with one root).
        const underRoot = rows.filter((r) => {
          const seen = new Set<string>();
          let at: Org | undefined = r.org;
          while (at && at.parentId !== null && !seen.has(at.id)) {
            seen.add(at.id);
            at = orgs.find((o) => o.id === at!.parentId);
          }
          return at?.id === 'o0';
        });
        const totals = enteredTotals(orgs, 'o0', '2026Q1', rows);
        const sums = sumFigures(underRoot.map((r) => r.values));
        for (const figure of FIGURES) expect(totals.figures[figure]).toBe(sums[figure]);
      }),
    );
  });

  it('reads rows by the one liveness rule: deleted and incomplete rows are not there', () => {
    const whole = { id: 'o', code: 'LT', name: {}, kind: 'county', parentId: null, archived: false, _clock: {} };
    expect(liveRows(ORG_TABLE, [whole, { ...whole, id: 'd', _deleted: true }, { id: 'p', code: 'LT-01', _clock: {} }]).map((o) => (o as Org).id)).toEqual(['o']);
  });
});
