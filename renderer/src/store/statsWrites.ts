import { reportIdAliases } from '../../../shared/stats/ids';
import type { ReportTarget } from '../../../shared/stats/writes';
import { readRowHistory } from './changeLog';
import type { LeagueDeskDb } from './db';

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
