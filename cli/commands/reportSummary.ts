import type { Org } from '../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../shared/domain/stats';
import type { SyncStateReader } from '../../shared/sync/access';
import { DELETED_FIELD, type SyncedTable } from '../../shared/sync/change';
import { rowValues } from '../../shared/sync/row';
import { rowIsComplete } from '../../shared/sync/validate';
import { reportsByCommittee } from '../../shared/stats/committees';
import { leagueYouthRatio, sumFigures } from '../../shared/stats/totals';

/** The figures `report` shows: the two youth bases and members, and the ratio computed from sums. */
export interface SummaryFigures {
  reports: number;
  members: number;
  youth1435: number;
  youth1428: number;
  /** Members ÷ youth aged 14–28, from the summed figures; null when there are no such youth. */
  leagueYouthRatio: number | null;
}

export interface CountySummary {
  county: Pick<Org, 'id' | 'code' | 'name'>;
  round: Pick<ReportingRound, 'id' | 'period' | 'deadline' | 'status'>;
  committees: Array<Pick<Org, 'code' | 'name' | 'kind'> & SummaryFigures>;
  totals: SummaryFigures;
}

export type SummaryProblem = 'no-county' | 'no-approved-round';

/**
 * The county summary of the latest round with approved reports: one line per committee directly
 * under the county, and the totals. Only approved reports count (a draft or returned report is not
 * yet a figure anyone stands behind), and only complete, undeleted rows, as the app shows them.
 * "Latest" is by deadline, which orders rounds of different lengths (a year, a quarter) correctly.
 */
export async function countySummary(store: SyncStateReader, countyCode: string): Promise<CountySummary | SummaryProblem> {
  const orgs = await liveRows<Org>(store, 'org');
  const rounds = await liveRows<ReportingRound>(store, 'round');
  const reports = (await liveRows<StatReport>(store, 'statReport')).filter((r) => r.status === 'approved');

  const county = orgs.find((o) => o.kind === 'county' && o.code === countyCode);
  if (!county) return 'no-county';
  const withApproved = new Set(reports.map((r) => r.roundId));
  const round = rounds
    .filter((r) => withApproved.has(r.id))
    .sort((a, b) => compare(b.deadline, a.deadline) || compare(b.period, a.period) || compare(a.id, b.id))[0];
  if (!round) return 'no-approved-round';

  const inRound = reports.filter((r) => r.roundId === round.id);
  const byCommittee = reportsByCommittee(orgs, county.id, inRound);
  const committeeOrgs = orgs.filter((o) => byCommittee.has(o.id)).sort((a, b) => compare(a.code, b.code));
  const counted = [...byCommittee.values()].flat();
  // The county's own report, if it files one, belongs to no committee but to the total.
  const own = inRound.filter((r) => r.orgId === county.id);
  return {
    county: { id: county.id, code: county.code, name: county.name },
    round: { id: round.id, period: round.period, deadline: round.deadline, status: round.status },
    committees: committeeOrgs.map((o) => ({ code: o.code, name: o.name, kind: o.kind, ...figures(byCommittee.get(o.id) ?? []) })),
    totals: figures([...counted, ...own]),
  };
}

function figures(reports: readonly StatReport[]): SummaryFigures {
  const sums = sumFigures(reports);
  return {
    reports: reports.length,
    members: sums.members,
    youth1435: sums.youth1435,
    youth1428: sums.youth1428,
    leagueYouthRatio: leagueYouthRatio(sums.members, sums.youth1428),
  };
}

async function liveRows<T>(store: SyncStateReader, table: SyncedTable): Promise<T[]> {
  const rows = await store.allRows(table);
  return rows.filter((row) => row[DELETED_FIELD] !== true && rowIsComplete(table, row)).map((row) => rowValues<T>(row));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
