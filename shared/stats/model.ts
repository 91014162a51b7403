import type { Org } from '../domain/org';
import { comparePeriods } from '../domain/period';
import type { AnyFigure, ReportingRound, StatReport, Target } from '../domain/stats';
import { homeCounty } from '../orgs/home';
import { subtreeIds } from '../orgs/tree';
import { rollUp, type RollUpResult } from './rollup';

/*
 * The statistics as every screen and the command line read them: the live rows (shared/sync/validate.ts
 * liveRows, one liveness rule), the county this PC keeps (shared/orgs/home.ts, one home rule), rounds
 * newest first, and the organisations a round asks. Figures come from the one roll-up (rollup.ts) —
 * the county summary (shared/stats/report/countySummary.ts) for the Overview, the Dashboard, Reports and the
 * CLI, and `enteredTotals` for the entry grid's totals row.
 */

export interface StatsData {
  orgs: Org[];
  rounds: ReportingRound[];
  reports: StatReport[];
  targets: Target[];
}

export interface StatsModel extends StatsData {
  /** The county this PC keeps; undefined before any county arrived (empty start). */
  county: Org | undefined;
  orgById: ReadonlyMap<string, Org>;
  /** Newest first: by the end of the period, then the deadline, then the id (stable everywhere). */
  rounds: ReportingRound[];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rounds newest first (a year after its own quarters, as it ends with the last one). */
export function newestFirst(rounds: readonly ReportingRound[]): ReportingRound[] {
  return [...rounds].sort((a, b) => comparePeriods(b.period, a.period) || compareText(b.deadline, a.deadline) || compareText(a.id, b.id));
}

export function statsModel(data: StatsData): StatsModel {
  return {
    ...data,
    county: homeCounty(data.orgs),
    orgById: new Map(data.orgs.map((o) => [o.id, o])),
    rounds: newestFirst(data.rounds),
  };
}

/**
 * The round entry works on (the grid, the township templates): the one chosen, else the newest open
 * round, else the newest. Not the headline's round: figures are entered where a round is open.
 */
export function entryRound(rounds: readonly ReportingRound[], chosen?: string | null): ReportingRound | undefined {
  return rounds.find((r) => r.id === chosen) ?? rounds.find((r) => r.status === 'open') ?? rounds[0];
}

/** The committees under the county that have organisations this round asks to report, in code order. */
export function entryUnits(model: Pick<StatsModel, 'orgs' | 'county'>, round: ReportingRound): Org[] {
  if (!model.county) return [];
  const expected = new Set(round.orgIds);
  const byId = new Map(model.orgs.map((o) => [o.id, o]));
  return model.orgs
    .filter((o) => o.parentId === model.county!.id)
    .filter((o) => subtreeIds(model.orgs, o.id).some((id) => id !== o.id && expected.has(id) && byId.has(id)))
    .sort((a, b) => compareText(a.code, b.code));
}

/** The organisations under a unit that the round asks to report, depth first in code order: the grid's rows. */
export function entryOrgs(model: Pick<StatsModel, 'orgs' | 'orgById'>, round: ReportingRound, unitId: string): Org[] {
  const expected = new Set(round.orgIds);
  return subtreeIds(model.orgs, unitId)
    .slice(1)
    .filter((id) => expected.has(id))
    .map((id) => model.orgById.get(id)!);
}

/**
 * The entry grid's totals row: the roll-up of the unit over the figures its rows hold now — saved or
 * being typed, whatever their status — for the round's period. Each row is one organisation's own
 * figures, so this is their sum, by the same roll-up every other total comes from.
 */
export function enteredTotals(
  orgs: readonly Org[],
  unitId: string,
  period: string,
  rows: readonly { org: Org; values: Partial<Record<AnyFigure, number | null>> }[],
): RollUpResult {
  const reports: StatReport[] = rows.map(({ org, values }) => ({ id: org.id, roundId: '', orgId: org.id, period, status: 'draft', ...values }));
  return rollUp({ orgs, reports, orgId: unitId, period, includeDrafts: true });
}
