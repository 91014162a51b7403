import { useLiveQuery } from 'dexie-react-hooks';
import type { Org } from '../../../../shared/domain/org';
import { comparePeriods } from '../../../../shared/domain/period';
import type { ReportingRound, StatReport, Target } from '../../../../shared/domain/stats';
import type { LeagueDeskDb } from '../../store/db';
import { liveRows } from '../../store/liveRows';

export interface DashboardData {
  orgs: Org[];
  orgById: Map<string, Org>;
  county: Org | undefined;
  /** Rounds, oldest period first. */
  rounds: ReportingRound[];
  reports: StatReport[];
  targets: Target[];
}

export function useDashboardData(db: LeagueDeskDb): DashboardData | undefined {
  return useLiveQuery(async () => {
    const [orgRows, roundRows, reportRows, targetRows] = await Promise.all([db.org.toArray(), db.round.toArray(), db.statReport.toArray(), db.target.toArray()]);
    const orgs = liveRows<Org>('org', orgRows);
    return {
      orgs,
      orgById: new Map(orgs.map((o) => [o.id, o])),
      county: orgs.find((o) => o.kind === 'county' && o.parentId === null),
      rounds: liveRows<ReportingRound>('round', roundRows).sort((a, b) => comparePeriods(a.period, b.period)),
      reports: liveRows<StatReport>('statReport', reportRows),
      targets: liveRows<Target>('target', targetRows),
    };
  }, [db]);
}
