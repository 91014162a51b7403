import { useLiveQuery } from 'dexie-react-hooks';
import type { Org } from '../../../shared/domain/org';
import type { ReportingRound, StatReport, Target } from '../../../shared/domain/stats';
import { statsModel, type StatsModel } from '../../../shared/stats/model';
import type { LeagueDeskDb } from './db';
import { liveRows } from '../../../shared/sync/validate';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { ROUND_TABLE, STAT_REPORT_TABLE, TARGET_TABLE } from '../../../shared/stats/tables';

/**
 * The statistics read model (shared/stats/model.ts) over this PC's database, re-read on every change.
 * `reports: false` leaves the reports out (empty), so a screen that reads them its own way (the entry
 * grid, one round at a time) is not re-read on every saved cell.
 */
export function useStatsModel(db: LeagueDeskDb, options: { reports?: boolean } = {}): StatsModel | undefined {
  const withReports = options.reports ?? true;
  return useLiveQuery(async () => {
    const [orgs, rounds, reports, targets] = await Promise.all([db.rows(ORG_TABLE).toArray(), db.rows(ROUND_TABLE).toArray(), withReports ? db.rows(STAT_REPORT_TABLE).toArray() : [], db.rows(TARGET_TABLE).toArray()]);
    return statsModel({
      orgs: liveRows<Org>(ORG_TABLE, orgs),
      rounds: liveRows<ReportingRound>(ROUND_TABLE, rounds),
      reports: liveRows<StatReport>(STAT_REPORT_TABLE, reports),
      targets: liveRows<Target>(TARGET_TABLE, targets),
    });
  }, [db, withReports]);
}
