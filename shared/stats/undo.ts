import type { AnyFigure } from '../domain/stats';
import type { WriteSpec } from '../sync/write';
import { figureWrites, type ReportTarget, type StatsRefusal } from './writes';

/**
 * Undo and redo in the entry grid: a linear history of edit steps, per visit of the page. A step is
 * what one action saved — one cell left, or one block pasted — with every cell's value before and
 * after. Undoing a step writes its `before` values back, redoing writes its `after` values, each
 * through the same write command as typing (`figureWrites`), so an undo syncs like any edit and is
 * refused where an edit would be (a report submitted or approved meanwhile). This module only keeps
 * the history; it writes nothing.
 */

export interface CellEdit {
  orgId: string;
  figure: AnyFigure;
  /** The value stored before the step (null: empty). */
  before: number | null;
  /** The value the step stored. */
  after: number | null;
}

export interface EditStep {
  /** Cells the step changed (a cell saved with the value it already had is not part of it). */
  cells: readonly CellEdit[];
}

export interface EditHistory {
  /** Steps that can be undone, oldest first. */
  readonly done: readonly EditStep[];
  /** Steps undone that can be redone, the next to redo last. */
  readonly undone: readonly EditStep[];
}

export const NO_EDITS: EditHistory = { done: [], undone: [] };

/** How many steps are kept: enough for a sitting, bounded for a 300-branch paste repeated all day. */
export const HISTORY_LIMIT = 200;

/** A new step: it can be undone, and what was undone before can no longer be redone. */
export function recordStep(history: EditHistory, step: EditStep): EditHistory {
  if (step.cells.length === 0) return history;
  return { done: [...history.done, step].slice(-HISTORY_LIMIT), undone: [] };
}

/** Which way a step is replayed: `before` undoes it (writes its values before), `after` redoes it. */
export type ReplaySide = 'before' | 'after';

/** The step Ctrl+Z (`before`) or Ctrl+Y (`after`) would replay, if any. */
export function nextStep(history: EditHistory, side: ReplaySide): EditStep | undefined {
  return (side === 'before' ? history.done : history.undone).at(-1);
}

/** The history once the next step was replayed: an undone step can be redone, a redone one undone. */
export function afterReplay(history: EditHistory, side: ReplaySide): EditHistory {
  const step = nextStep(history, side);
  if (!step) return history;
  return side === 'before'
    ? { done: history.done.slice(0, -1), undone: [...history.undone, step] }
    : { done: [...history.done, step], undone: history.undone.slice(0, -1) };
}

/**
 * The values a step writes, by organisation: its `before` values to undo it, its `after` values to
 * redo it. A cell edited twice in one step (a block pasted over itself) takes its first `before`
 * and its last `after`.
 */
export function stepValues(step: EditStep, side: ReplaySide): Map<string, Partial<Record<AnyFigure, number | null>>> {
  const out = new Map<string, Partial<Record<AnyFigure, number | null>>>();
  const cells = side === 'before' ? [...step.cells].reverse() : step.cells;
  for (const cell of cells) out.set(cell.orgId, { ...out.get(cell.orgId), [cell.figure]: cell[side] });
  return out;
}

type FigureValuesByOrg = ReadonlyMap<string, Partial<Record<AnyFigure, number | null>>>;

/**
 * What saving cells writes (`figureWrites`, report by report) and the step that undoes it: each
 * cell's stored value before and the value written. `targets` are the reports as stored now, by
 * organisation id; a report that cannot be edited is left out (the grid keeps its text as typed).
 */
export function editWrites(targets: ReadonlyMap<string, ReportTarget>, values: FigureValuesByOrg): { writes: WriteSpec[]; step: EditStep } {
  const writes: WriteSpec[] = [];
  const cells: CellEdit[] = [];
  for (const [orgId, figures] of values) {
    const target = targets.get(orgId);
    if (!target) continue;
    const result = figureWrites(target, figures);
    if (!result.ok) continue;
    writes.push(...result.writes);
    for (const [figure, after] of Object.entries(figures) as [AnyFigure, number | null][]) {
      const before = target.report?.[figure] ?? null;
      if (before !== after) cells.push({ orgId, figure, before, after });
    }
  }
  return { writes, step: { cells } };
}

/** Why a step cannot be undone or redone: an edit's refusal, or `gone` (its organisation left the round). */
export type StepRefusal = StatsRefusal | 'gone';
export type StepWrites = { ok: true; writes: WriteSpec[] } | { ok: false; reason: StepRefusal; orgId: string };

/**
 * What undoing (`before`) or redoing (`after`) a step writes, through the same command as an edit.
 * All or nothing: if one of its reports cannot be edited now, nothing is written and the refusal
 * names it, so a paste is never half undone.
 */
export function stepWrites(step: EditStep, side: ReplaySide, targets: ReadonlyMap<string, ReportTarget>): StepWrites {
  const writes: WriteSpec[] = [];
  for (const [orgId, figures] of stepValues(step, side)) {
    const target = targets.get(orgId);
    if (!target) return { ok: false, reason: 'gone', orgId };
    const result = figureWrites(target, figures);
    if (!result.ok) return { ok: false, reason: result.reason, orgId };
    writes.push(...result.writes);
  }
  return { ok: true, writes };
}
