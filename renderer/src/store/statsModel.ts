import { useLiveQuery } from 'dexie-react-hooks';
import type { Org } from '../../../shared/domain/org';
import type { ReportingRound, StatReport, Target } from '../../../shared/domain/stats';
import { statsModel, type StatsModel } from '../../../shared/stats/model';
import type { LeagueDeskDb } from './db';
import { liveRows } from './liveRows';

/**
 * The statistics read model (shared/stats/model.ts) over this PC's database, re-read on every change.
 * `reports: false` leaves the reports out (empty), so a screen that reads them its own way (the entry
 * grid, one round at a time) is not re-read on every saved cell.
 */
export function useStatsModel(db: LeagueDeskDb, options: { reports?: boolean } = {}): StatsModel | undefined {
  const withReports = options.reports ?? true;
  return useLiveQuery(async () => {
    const [orgs, rounds, reports, targets] = await Promise.all([db.org.toArray(), db.round.toArray(), withReports ? db.statReport.toArray() : [], db.target.toArray()]);
    return statsModel({
      orgs: liveRows<Org>('org', orgs),
      rounds: liveRows<ReportingRound>('round', rounds),
      reports: liveRows<StatReport>('statReport', reports),
      targets: liveRows<Target>('target', targets),
    });
  }, [db, withReports]);
}
