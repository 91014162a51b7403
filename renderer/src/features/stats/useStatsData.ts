import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import type { AnyFigure, StatReport } from '../../../../shared/domain/stats';
import { cellHistory, type CellHistoryEntry } from '../../../../shared/stats/cellHistory';
import type { StatsModel } from '../../../../shared/stats/model';
import { liveRows } from '../../../../shared/sync/validate';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import { useStore } from '../../app/context';
import { readRowHistory } from '../../store/changeLog';
import { useStatsModel } from '../../store/statsModel';

/*
 * What the statistics screens read, by name: components ask for the model, a round's reports or a
 * cell's history, and never reach the database themselves (the lint: scripts/lint-rules/storage.js).
 */

/** The one report id (shared/stats/ids.ts), for the cell history. */
export { reportId } from '../../../../shared/stats/ids';

/**
 * The statistics read model of this PC (store/statsModel.ts), kept live. `reports: false` leaves
 * the reports out, for screens that read them a round at a time (useRoundReports).
 */
export function useStatsData(options: { reports?: boolean } = {}): StatsModel | undefined {
  return useStatsModel(useStore().db, options);
}

/** One cell's history (shared/stats/cellHistory.ts) from the change log, kept live. */
export function useCellHistory(reportId: string, figure: AnyFigure): CellHistoryEntry[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => cellHistory(await readRowHistory(store.db, 'statReport', reportId), figure), [store, reportId, figure]);
}

/**
 * The reports of one round, by organisation id; undefined until they are read. A report whose values
 * did not change keeps the object it had before: the query re-reads the whole round after every
 * saved cell, and the entry grid rebuilds, re-validates and re-renders exactly the rows whose report
 * object is new.
 *
 * While another round's reports are being read, the last round's are not handed out as this one's
 * (a live query keeps its last result until the new one arrives): the grid showed the old round's
 * statuses, and locked its cells, under the new round's name.
 */
export function useRoundReports(roundId: string | undefined): Map<string, StatReport> | undefined {
  const { db } = useStore();
  const previous = useRef<Map<string, StatReport>>(new Map());
  const result = useLiveQuery(async () => {
    if (!roundId) return { roundId, reports: new Map<string, StatReport>() };
    const reports = liveRows<StatReport>(STAT_REPORT_TABLE, await db.rows(STAT_REPORT_TABLE).where('roundId').equals(roundId).toArray());
    const before = previous.current;
    const out = new Map(reports.map((r) => [r.orgId, sameReport(before.get(r.orgId), r) ? before.get(r.orgId)! : r]));
    previous.current = out;
    return { roundId, reports: out };
  }, [db, roundId]);
  return result && result.roundId === roundId ? result.reports : undefined;
}

/** Field by field; the one nested field (notes) compared as JSON, which is small and has no cycles. */
export function sameReport(a: StatReport | undefined, b: StatReport): boolean {
  if (a === undefined) return false;
  const keys = Object.keys(b) as (keyof StatReport)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((k) => a[k] === b[k] || (k === 'notes' && JSON.stringify(a[k]) === JSON.stringify(b[k])));
}
