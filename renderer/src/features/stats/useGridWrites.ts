import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import type { AnyFigure, Figure, ReportingRound } from '../../../../shared/domain/stats';
import { codeAndName } from '../../../../shared/i18n/format';
import { afterReplay, editWrites, nextStep, NO_EDITS, recordStep, stepWrites, type EditHistory, type EditStep, type ReplaySide } from '../../../../shared/stats/undo';
import { noteWrites, reviewWrites, type ReportTarget, type ReviewOptions } from '../../../../shared/stats/writes';
import type { ReviewAction } from '../../../../shared/stats/workflow';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { useStatsWrite } from '../../app/useStatsWrite';
import { storedTargets } from '../../store/statsWrites';

export type FigureValuesByOrg = Map<string, Partial<Record<AnyFigure, number | null>>>;

/**
 * Every write of the entry page — cells, pasted blocks, comments, review actions, undo and redo —
 * one after another, each against the reports as stored at that moment (`storedTargets`), never
 * as the grid last rendered them: a Ctrl+Z pressed right after Enter undoes that very edit, and a
 * comment's field left twice writes the comment once.
 *
 * The undo history belongs to this visit of the page, and to one round and unit: choosing another
 * starts a new one.
 */
export function useGridWrites(round: ReportingRound | undefined, orgById: ReadonlyMap<string, Org> | undefined, unitId: string | undefined) {
  const { t } = useTranslation('stats');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const writeStats = useStatsWrite();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const historyRef = useRef<EditHistory>(NO_EDITS);
  const [history, setHistoryState] = useState<EditHistory>(NO_EDITS);
  const setHistory = useCallback((next: EditHistory) => {
    historyRef.current = next;
    setHistoryState(next);
  }, []);
  useEffect(() => setHistory(NO_EDITS), [round?.id, unitId, setHistory]);

  const context = useRef({ round, orgById, writeStats });
  context.current = { round, orgById, writeStats };

  /** Runs after every write queued before it, whatever became of them. */
  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const targetsOf = useCallback(
    async (orgIds: Iterable<string>): Promise<Map<string, ReportTarget>> => {
      const { round: r, orgById: orgs } = context.current;
      if (!r || !orgs) return new Map();
      const wanted = [...new Set(orgIds)].flatMap((id) => {
        const org = orgs.get(id);
        return org ? [{ round: r, org }] : [];
      });
      return new Map((await storedTargets(store.db, wanted)).map((target) => [target.org.id, target]));
    },
    [store],
  );

  /** Saves cells (one step to undo); resolves true once written. */
  const saveCells = useCallback(
    (values: FigureValuesByOrg): Promise<boolean> =>
      enqueue(async () => {
        const { writes, step } = editWrites(await targetsOf(values.keys()), values);
        if (!(await context.current.writeStats({ ok: true, writes }))) return false;
        setHistory(recordStep(historyRef.current, step));
        return true;
      }),
    [enqueue, targetsOf, setHistory],
  );

  /** Undoes (`before`) or redoes (`after`) the last step; resolves to the step written, if any. */
  const replay = useCallback(
    (side: ReplaySide): Promise<EditStep | undefined> =>
      enqueue(async () => {
        const step = nextStep(historyRef.current, side);
        if (!step) return undefined;
        const targets = await targetsOf(step.cells.map((c) => c.orgId));
        const result = stepWrites(step, side, targets);
        if (!result.ok) {
          const org = context.current.orgById?.get(result.orgId);
          const name = org ? codeAndName(org.code, org.name, lang) : '';
          const reason = result.reason === 'gone' ? t('undo.gone') : t(`workflow.${result.reason}`);
          notify({ severity: 'warning', key: side === 'before' ? 'stats:undo.refused' : 'stats:undo.redoRefused', values: { org: name, reason } });
          return undefined;
        }
        if (!(await context.current.writeStats({ ok: true, writes: result.writes }))) return undefined;
        setHistory(afterReplay(historyRef.current, side));
        return step;
      }),
    [enqueue, targetsOf, setHistory, notify, t, lang],
  );
  const undo = useCallback(() => replay('before'), [replay]);
  const redo = useCallback(() => replay('after'), [replay]);

  const saveNote = useCallback(
    (orgId: string, figure: Figure, text: string): Promise<boolean> =>
      enqueue(async () => {
        const target = (await targetsOf([orgId])).get(orgId);
        return target ? context.current.writeStats(noteWrites(target, figure, text)) : false;
      }),
    [enqueue, targetsOf],
  );

  /**
   * A review action on reports, by organisation id. One report (a row's button): its refusal is the
   * message. Several, or `batch` (approve all, submit all, which say how many went): the ones that
   * exist when it runs and can go, go; resolves to how many did not.
   */
  const review = useCallback(
    (orgIds: readonly string[], action: ReviewAction, options: (target: ReportTarget) => ReviewOptions, batch = false): Promise<{ written: boolean; done: number; refused: number }> =>
      enqueue(async () => {
        // A batch reviews the reports that exist when it runs, after every write queued before it:
        // rows nobody has started are left alone, not counted as refused.
        const targets = [...(await targetsOf(orgIds)).values()].filter((target) => !batch || target.report !== undefined);
        const results = targets.map((target) => reviewWrites(target, action, options(target)));
        const refused = results.filter((r) => !r.ok).length;
        const writes = results.flatMap((r) => (r.ok ? r.writes : []));
        const written = await context.current.writeStats(results.length === 1 && !batch ? results[0]! : { ok: true, writes });
        return { written, done: written ? results.length - refused : 0, refused };
      }),
    [enqueue, targetsOf],
  );

  return { history, saveCells, undo, redo, saveNote, review };
}
