import { useLiveQuery } from 'dexie-react-hooks';
import type { Org } from '../../../../shared/domain/org';
import type { ReportingRound, StatReport, Target } from '../../../../shared/domain/stats';
import type { LeagueDeskDb } from '../../store/db';
import { liveRows } from '../../store/liveRows';

export interface StatsData {
  orgs: Org[];
  orgById: Map<string, Org>;
  rounds: ReportingRound[];
  targets: Target[];
}

/** Organisations and rounds, newest period first; re-read on every change. */
export function useStatsData(db: LeagueDeskDb): StatsData | undefined {
  return useLiveQuery(async () => {
    const orgs = liveRows<Org>(await db.org.toArray());
    const rounds = liveRows<ReportingRound>(await db.round.toArray()).sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
    const targets = liveRows<Target>(await db.target.toArray());
    return { orgs, orgById: new Map(orgs.map((o) => [o.id, o])), rounds, targets };
  }, [db]);
}

/** The reports of one round, by organisation id. */
export function useRoundReports(db: LeagueDeskDb, roundId: string | undefined): Map<string, StatReport> | undefined {
  return useLiveQuery(async () => {
    if (!roundId) return new Map<string, StatReport>();
    const reports = liveRows<StatReport>(await db.statReport.where('roundId').equals(roundId).toArray());
    return new Map(reports.map((r) => [r.orgId, r]));
  }, [db, roundId]);
}

/** The report id for an organisation in a round: the same on every PC, so two PCs that start the same report merge it. */
export function reportId(roundId: string, orgId: string): string {
  return `${roundId}:${orgId}`;
}

/** Every organisation under `rootId` (not itself), depth first. */
export function descendantsOf(orgs: Org[], rootId: string): Org[] {
  const children = new Map<string, Org[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o);
    children.set(o.parentId, list);
  }
  const out: Org[] = [];
  const seen = new Set<string>([rootId]);
  const walk = (id: string) => {
    for (const child of (children.get(id) ?? []).sort((a, b) => (a.code < b.code ? -1 : 1))) {
      if (seen.has(child.id)) continue; // a cycle from a bad merge must not hang the screen
      seen.add(child.id);
      out.push(child);
      walk(child.id);
    }
  };
  walk(rootId);
  return out;
}
