import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
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

/**
 * The reports of one round, by organisation id. A report whose values did not change keeps the object
 * it had before: the query re-reads the whole round after every saved cell, and the entry grid
 * rebuilds, re-validates and re-renders exactly the rows whose report object is new.
 */
export function useRoundReports(db: LeagueDeskDb, roundId: string | undefined): Map<string, StatReport> | undefined {
  const previous = useRef<Map<string, StatReport>>(new Map());
  return useLiveQuery(async () => {
    if (!roundId) return new Map<string, StatReport>();
    const reports = liveRows<StatReport>(await db.statReport.where('roundId').equals(roundId).toArray());
    const before = previous.current;
    const out = new Map(reports.map((r) => [r.orgId, sameReport(before.get(r.orgId), r) ? before.get(r.orgId)! : r]));
    previous.current = out;
    return out;
  }, [db, roundId]);
}

/** Field by field; the one nested field (notes) compared as JSON, which is small and has no cycles. */
export function sameReport(a: StatReport | undefined, b: StatReport): boolean {
  if (a === undefined) return false;
  const keys = Object.keys(b) as (keyof StatReport)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((k) => a[k] === b[k] || (k === 'notes' && JSON.stringify(a[k]) === JSON.stringify(b[k])));
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
