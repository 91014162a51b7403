import { useLiveQuery } from 'dexie-react-hooks';
import type { Org } from '../../../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../../../shared/domain/stats';
import type { LeagueDeskDb } from '../../store/db';
import { liveRows } from '../../store/liveRows';

export interface OverviewData {
  orgs: Org[];
  round: ReportingRound | null;
  reports: StatReport[];
}

/** The organisations, the most recent reporting round and its reports; re-read on every change. */
export function useOverview(db: LeagueDeskDb): OverviewData | undefined {
  return useLiveQuery(async () => {
    const orgs = liveRows<Org>('org', await db.org.toArray());
    const rounds = liveRows<ReportingRound>('round', await db.round.toArray());
    const round = rounds.sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))[0] ?? null;
    const reports = round ? liveRows<StatReport>('statReport', await db.statReport.where('roundId').equals(round.id).toArray()) : [];
    return { orgs, round, reports };
  }, [db]);
}
