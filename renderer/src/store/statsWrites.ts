import type { StatReport } from '../../../shared/domain/stats';
import { reportId, reportIdAliases } from '../../../shared/stats/ids';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';
import type { ReportTarget } from '../../../shared/stats/writes';
import type { MergedRow } from '../../../shared/sync/row';
import { liveRows } from '../../../shared/sync/validate';
import { readRowHistory } from './changeLog';
import type { LeagueDeskDb } from './db';
import { inTransaction } from './tx';

/**
 * Gives each report that changes may also name by an old id (the demo's: shared/stats/ids.ts) the
 * fields already written under its current id, read from the change log, so the statistics' write
 * commands (shared/stats/writes.ts) carry the rest once for PCs that have not upgraded
 * (docs/FORMATS.md, "Report ids"). Every other report is returned as it is, without a read. Call it
 * before building the writes, outside the write's transaction.
 */
export async function withWrittenUnderId<T extends ReportTarget>(db: LeagueDeskDb, targets: readonly T[]): Promise<T[]> {
  const aliased = targets.filter((t) => t.report !== undefined && reportIdAliases(t.report.id).length > 0);
  if (aliased.length === 0) return [...targets];
  const histories = await Promise.all(aliased.map((t) => readRowHistory(db, 'statReport', t.report!.id)));
  const written = new Map(
    aliased.map((t, i) => [t, new Set(histories[i]!.filter((c) => c.row === t.report!.id).flatMap((c) => Object.keys(c.fields)))] as const),
  );
  return targets.map((t) => (written.has(t) ? { ...t, writtenUnderId: written.get(t)! } : t));
}

/**
 * The targets' reports as stored now, read again rather than as a screen last rendered them, with
 * what old ids need (withWrittenUnderId). A screen re-reads its reports only after a write has
 * landed, so two writes in quick succession — a cell left, then Ctrl+Z; a comment's field left twice
 * — would otherwise both compare with the report as it was before the first, and a second write
 * would repeat the first or an undo find nothing to change.
 */
export async function storedTargets<T extends ReportTarget>(db: LeagueDeskDb, targets: readonly T[]): Promise<T[]> {
  const ids = targets.map((t) => reportId(t.round.id, t.org.id));
  const rows = await inTransaction(db, 'r', ['statReport'], (tx) => tx.table<MergedRow, string>('statReport').bulkGet(ids));
  const stored = targets.map((t, i) => {
    const row = rows[i];
    return { ...t, report: row === undefined ? undefined : liveRows<StatReport>(STAT_REPORT_TABLE, [row])[0] };
  });
  return withWrittenUnderId(db, stored);
}
