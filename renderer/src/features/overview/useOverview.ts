import { useLiveQuery } from 'dexie-react-hooks';
import type { Org } from '../../../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../../../shared/domain/stats';
import { rowValues, type MergedRow } from '../../../../shared/sync/row';
import type { LeagueDeskDb } from '../../store/db';

function live<T>(rows: MergedRow[]): T[] {
  return rows.filter((r) => r._deleted !== true).map((r) => rowValues<T>(r));
}

export interface OverviewData {
  orgs: Org[];
  round: ReportingRound | null;
  reports: StatReport[];
}

/** The organisations, the most recent reporting round and its reports; re-read on every change. */
export function useOverview(db: LeagueDeskDb): OverviewData | undefined {
  return useLiveQuery(async () => {
    const orgs = live<Org>(await db.org.toArray());
    const rounds = live<ReportingRound>(await db.round.toArray());
    const round = rounds.sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))[0] ?? null;
    const reports = round ? live<StatReport>(await db.statReport.where('roundId').equals(round.id).toArray()) : [];
    return { orgs, round, reports };
  }, [db]);
}
