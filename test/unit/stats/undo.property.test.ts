import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import type { AnyFigure, ReportingRound, StatReport } from '../../../shared/domain/stats';
import { reportId } from '../../../shared/stats/ids';
import { afterReplay, editWrites, HISTORY_LIMIT, nextStep, NO_EDITS, recordStep, stepWrites, type EditHistory, type ReplaySide } from '../../../shared/stats/undo';
import type { ReportTarget } from '../../../shared/stats/writes';
import { writeLocally } from '../../../shared/sync/localWrite';
import { memoryAccess, type MemorySyncStore } from '../../../shared/sync/memoryAccess';
import { liveRows } from '../../../shared/sync/validate';
import type { WriteSpec } from '../../../shared/sync/write';
import { T0 } from '../sync/mergeFixtures';
import { APP_TABLES } from '../../../shared/app/registry';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';

/*
 * Undo and redo as the entry grid runs them (shared/stats/undo.ts), over the real write commands and
 * the sync core: every step is written through `figureWrites` and applied as any edit is.
 */

const branches: Org[] = ['001', '002', '003'].map((n) => ({ id: `b${n}`, code: `LT-01-${n}`, name: { zh: `第${n}支部` }, kind: 'branch', parentId: 't1', archived: false }));
const round: ReportingRound = { id: 'round-1', period: '2026Q1', figures: ['members', 'youth1428', 'cadres'], orgIds: branches.map((b) => b.id), deadline: '2026-04-10', status: 'open' };
const FIGURES: AnyFigure[] = ['members', 'youth1428', 'cadres'];

type Values = Map<string, Partial<Record<AnyFigure, number | null>>>;

class Grid {
  readonly store: MemorySyncStore = memoryAccess({ tables: APP_TABLES });
  history: EditHistory = NO_EDITS;
  private tick = 0;

  async apply(specs: readonly WriteSpec[]): Promise<void> {
    if (specs.length === 0) return;
    await writeLocally(this.store, specs, { device: '00000000000000a1', author: 'local-a1' }, T0 + this.tick++);
  }

  async report(org: Org): Promise<StatReport | undefined> {
    return liveRows<StatReport>(STAT_REPORT_TABLE, (await this.store.getRows('statReport', [reportId(round.id, org.id)])).filter((r) => r !== undefined))[0];
  }

  /** The reports as stored now, as the page reads them before each write. */
  async targets(): Promise<Map<string, ReportTarget>> {
    return new Map(await Promise.all(branches.map(async (org) => [org.id, { round, org, report: await this.report(org) }] as const)));
  }

  async edit(values: Values): Promise<void> {
    const { writes, step } = editWrites(await this.targets(), values);
    await this.apply(writes);
    this.history = recordStep(this.history, step);
  }

  /** Undo (or redo): true when written, false when refused or there was nothing to do. */
  async undo(side: ReplaySide = 'before'): Promise<boolean> {
    const step = nextStep(this.history, side);
    if (!step) return false;
    const result = stepWrites(step, side, await this.targets());
    if (!result.ok) return false;
    await this.apply(result.writes);
    this.history = afterReplay(this.history, side);
    return true;
  }

  async setStatus(org: Org, status: StatReport['status']): Promise<void> {
    await this.apply([{ table: 'statReport', row: reportId(round.id, org.id), scope: org.code, fields: { roundId: round.id, orgId: org.id, period: round.period, status } }]);
  }

  async figures(): Promise<Record<string, (number | null)[]>> {
    const out: Record<string, (number | null)[]> = {};
    for (const org of branches) {
      const report = await this.report(org);
      out[org.id] = FIGURES.map((f) => report?.[f] ?? null);
    }
    return out;
  }
}

/** A block of cells typed or pasted: some organisations, some figures, a value or an empty cell each. */
const block = fc
  .array(fc.record({ org: fc.integer({ min: 0, max: 2 }), figure: fc.constantFrom(...FIGURES), value: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) }), { minLength: 1, maxLength: 5 })
  .map((cells) => {
    const values: Values = new Map();
    for (const c of cells) values.set(branches[c.org]!.id, { ...values.get(branches[c.org]!.id), [c.figure]: c.value });
    return values;
  });

type Action = { kind: 'edit'; values: Values } | { kind: 'undo' } | { kind: 'redo' };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: block.map((values) => ({ kind: 'edit' as const, values })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

/** The values of the edits in force, replayed over an empty round. */
function replay(edits: readonly Values[]): Record<string, (number | null)[]> {
  const cells = new Map<string, number | null>();
  for (const values of edits) for (const [org, figures] of values) for (const [f, v] of Object.entries(figures)) cells.set(`${org}|${f}`, v);
  return Object.fromEntries(branches.map((o) => [o.id, FIGURES.map((f) => cells.get(`${o.id}|${f}`) ?? null)]));
}

describe('undo and redo in the entry grid (property)', () => {
  it('any sequence of edits, undos and redos leaves the reports equal to the edits not undone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
        const grid = new Grid();
        const done: Values[] = [];
        const undone: Values[] = [];
        for (const a of actions) {
          if (a.kind === 'edit') {
            const history = grid.history;
            await grid.edit(a.values);
            // An edit that changes nothing is no step: there is nothing to undo, and the redo list stays.
            if (grid.history !== history) {
              done.push(a.values);
              undone.length = 0;
            }
          } else if (a.kind === 'undo') {
            if (await grid.undo('before')) undone.push(done.pop()!);
          } else if (await grid.undo('after')) {
            done.push(undone.pop()!);
          }
          expect(await grid.figures()).toEqual(replay(done));
          expect(grid.history.done.length).toBe(done.length);
          expect(grid.history.undone.length).toBe(undone.length);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('undo then redo returns to the same values, after any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 15 }), async (actions) => {
        const grid = new Grid();
        for (const a of actions) {
          if (a.kind === 'edit') await grid.edit(a.values);
          else await grid.undo(a.kind === 'undo' ? 'before' : 'after');
        }
        const before = await grid.figures();
        const history = grid.history;
        if (await grid.undo('before')) {
          expect(await grid.undo('after')).toBe(true);
          expect(await grid.figures()).toEqual(before);
          expect(grid.history.done).toEqual(history.done);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('an undo that would change a report submitted or approved meanwhile writes nothing and keeps the step; reopened, it goes', async () => {
    await fc.assert(
      fc.asyncProperty(block.filter((values) => [...values.values()].some((f) => Object.values(f).some((v) => v !== null))), fc.constantFrom<StatReport['status']>('submitted', 'approved'), fc.constantFrom<StatReport['status']>('returned', 'draft'), async (values, locked, reopened) => {
        const grid = new Grid();
        await grid.edit(values);
        const edited = await grid.figures();
        const step = nextStep(grid.history, 'before')!;
        const org = branches.find((b) => b.id === step.cells[0]!.orgId)!;
        await grid.setStatus(org, locked);
        const history = grid.history;
        const result = stepWrites(step, 'before', await grid.targets());
        expect(result).toEqual({ ok: false, reason: locked === 'submitted' ? 'under-review' : 'locked', orgId: org.id });
        expect(await grid.undo('before')).toBe(false);
        expect(await grid.figures()).toEqual(edited);
        expect(grid.history).toBe(history);
        await grid.setStatus(org, reopened);
        expect(await grid.undo('before')).toBe(true);
        expect(await grid.figures()).toEqual(replay([]));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('the edit history', () => {
  it('a new step clears what could be redone; a step that changed nothing is not kept', () => {
    const step = { cells: [{ orgId: 'b001', figure: 'members' as const, before: null, after: 3 }] };
    const undone = afterReplay(recordStep(NO_EDITS, step), 'before');
    expect(nextStep(undone, 'after')).toBe(step);
    expect(recordStep(undone, { cells: [] })).toBe(undone);
    expect(nextStep(recordStep(undone, step), 'after')).toBeUndefined();
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let history = NO_EDITS;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = recordStep(history, { cells: [{ orgId: 'b001', figure: 'members', before: i, after: i + 1 }] });
    expect(history.done).toHaveLength(HISTORY_LIMIT);
    expect(history.done[0]!.cells[0]!.before).toBe(5);
  });

  it('a block pasted over itself undoes to the first value and redoes to the last', async () => {
    const grid = new Grid();
    await grid.edit(new Map([['b001', { members: 4 }]]));
    const step = { cells: [{ orgId: 'b001', figure: 'members' as const, before: 4, after: 5 }, { orgId: 'b001', figure: 'members' as const, before: 5, after: 6 }] };
    const targets = await grid.targets();
    const undo = stepWrites(step, 'before', targets);
    const redo = stepWrites(step, 'after', targets);
    expect(undo.ok && undo.writes.length === 0).toBe(true); // 4 is what the report holds
    expect(redo.ok && redo.writes[0]!.fields).toEqual({ members: 6 });
  });
});
