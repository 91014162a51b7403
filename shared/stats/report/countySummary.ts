import type { Org } from '../../domain/org';
import { comparePeriods } from '../../domain/period';
import { SEX_FIGURES, type ReportingRound, type ReportStatus, type SexFigure, type StatReport, type Target } from '../../domain/stats';
import { homeCounty } from '../../orgs/home';
import { chooseRound, roundCoverage, type RoundChoice, type RoundChoiceReason, type RoundCoverage } from '../headline';
import { newestFirst, type StatsData } from '../model';
import { rollUpAll, type RollUpResult } from '../rollup';
import { exceedsTarget, indexTargets, targetRatioFor } from '../targets';

/*
 * The county summary for one round: one line per committee directly under the county (township
 * and town committees, school committees, working committees, general branches…) and the county
 * total. Data only; countySummaryTable.ts turns it into a ReportTable, and the CLI prints it as
 * JSON, so every figure and ratio here is a plain number.
 *
 * The figures are the statistics roll-up (shared/stats/rollup.ts) of each committee and of the
 * county for the round's period: the same rules as every other screen (stocks take the last value
 * of the period, flows sum, each report counted once in its own organisation's chain, ratios from
 * the summed figures), so the report cannot disagree with the dashboard.
 */

/**
 * With a round split by sex, each split figure's male and female counts (membersFemale…), rolled up
 * like the totals; absent otherwise, so a summary without the split is what it always was.
 */
export interface SummaryFigures extends Partial<Record<SexFigure, number>> {
  /** Organisations in the subtree with at least one counted report in the period. */
  reports: number;
  members: number;
  newMembers: number;
  youth1435: number;
  youth1428: number;
  /** Members ÷ youth aged 14–28 from the summed figures; null when there are no such youth. */
  leagueYouthRatio: number | null;
}

/** The caller's control ratio for an organisation (a fraction), or null when it has none. */
export type TargetLookup = (org: Org) => number | null;

export interface TargetCheck {
  target: number | null;
  /** null when there is no target or no youth to compare with it. */
  overTarget: boolean | null;
}

export type SummaryLine = Pick<Org, 'code' | 'name' | 'kind'> & SummaryFigures & TargetCheck;

export interface CountySummary {
  county: Pick<Org, 'id' | 'code' | 'name'>;
  round: Pick<ReportingRound, 'id' | 'period' | 'deadline' | 'status' | 'bySex'>;
  /** Why this round (shared/stats/headline.ts): named by the caller (`chosen`), or the default rule's step. */
  choice: RoundChoiceReason;
  /** How many of the round's expected reports the figures count; `partial` below the rule's share. */
  coverage: RoundCoverage;
  /** Which report statuses were counted. */
  statuses: readonly ReportStatus[];
  committees: SummaryLine[];
  totals: SummaryFigures & TargetCheck;
}

export interface CountySummaryInput {
  orgs: readonly Org[];
  rounds: readonly ReportingRound[];
  reports: readonly StatReport[];
  /** The county the caller expects (a bundle's); the summary is of this PC's home county (shared/orgs/home.ts). */
  countyCode?: string;
  /** This round. */
  roundId?: string;
  /** Otherwise the round of this period (of several, by the default rule); with neither, the default rule (shared/stats/headline.ts). */
  period?: string;
  /**
   * Approved reports only by default: a draft or returned report is not yet a figure anyone stands
   * behind. A preview ("as submitted so far") may count submitted ones too.
   */
  includeSubmitted?: boolean;
  targetFor?: TargetLookup;
}

export type SummaryProblem = 'no-county' | 'no-round';

export function buildCountySummary(input: CountySummaryInput): CountySummary | SummaryProblem {
  const statuses: ReportStatus[] = input.includeSubmitted ? ['approved', 'submitted'] : ['approved'];
  const county = homeCounty(input.orgs);
  if (!county || (input.countyCode !== undefined && county.code !== input.countyCode)) return 'no-county';
  const choice = pickRound(input);
  if (!choice) return 'no-round';
  const { round } = choice;

  const rolled = rollUpAll(input.orgs, input.reports, round.period, { includeSubmitted: input.includeSubmitted ?? false });
  const targetFor = input.targetFor ?? (() => null);
  const bySex = round.bySex === true;
  const line = (org: Org) => {
    const figures = summaryFigures(rolled.get(org.id), bySex);
    return { ...figures, ...checkTarget(figures, targetFor(org)) };
  };
  const committees = input.orgs
    .filter((o) => o.parentId === county.id && o.id !== county.id)
    // An archived committee stays in the reports of the periods it reported in, and only those.
    .filter((o) => !o.archived || (rolled.get(o.id)?.reporting ?? 0) > 0)
    .sort((a, b) => compare(a.code, b.code));
  return {
    county: { id: county.id, code: county.code, name: county.name },
    round: { id: round.id, period: round.period, deadline: round.deadline, status: round.status, ...(bySex ? { bySex } : {}) },
    choice: choice.why,
    coverage: choice.coverage,
    statuses,
    committees: committees.map((o) => ({ code: o.code, name: o.name, kind: o.kind, ...line(o) })),
    // The county's roll-up: every committee's, plus the county committee's own report if it files one.
    totals: line(county),
  };
}

/** A named round, the round of a named period (by the default rule among that period's rounds), or the default rule. */
function pickRound(input: CountySummaryInput): RoundChoice | undefined {
  const rounds = newestFirst(input.rounds);
  if (input.roundId !== undefined) {
    const round = rounds.find((r) => r.id === input.roundId);
    return round && { round, why: 'chosen', coverage: roundCoverage(round, input.reports) };
  }
  if (input.period !== undefined) {
    const choice = chooseRound(rounds.filter((r) => r.period === input.period), input.reports);
    return choice && { ...choice, why: 'chosen' };
  }
  return chooseRound(rounds, input.reports);
}

export interface Headline {
  /** The round shown: the one chosen, else the default rule's (shared/stats/headline.ts). */
  choice: RoundChoice;
  /** Its county summary: the figures the Overview, the Dashboard and Reports show. */
  summary: CountySummary;
}

/**
 * What the headline screens show for a chosen round id (ignored when it names no round), with the
 * county's control ratios. Null with no county or no round. `league-desk report` without --period
 * takes the same round (buildCountySummary's default is the same rule).
 */
export function headlineSummary(data: StatsData, chosen?: string | null): Headline | null {
  const choice = chooseRound(newestFirst(data.rounds), data.reports, chosen);
  if (!choice) return null;
  const summary = buildCountySummary({ ...data, roundId: choice.round.id, targetFor: targetLookup(data.orgs, data.targets) });
  return typeof summary === 'string' ? null : { choice, summary };
}

export interface TrendPoint {
  period: string;
  /** The county's ratio for the period, from its summary; null without youth. */
  ratio: number | null;
  /** The period's round does not yet stand for the county (shared/stats/headline.ts): draw it apart. */
  partial: boolean;
}

/**
 * The county's league–youth ratio over the periods of its rounds, oldest first: each point the county
 * summary of that period (so the trend cannot disagree with the summary), marked partial as its
 * round's coverage says.
 */
export function countyTrend(input: Omit<CountySummaryInput, 'roundId' | 'period'>): TrendPoint[] {
  const periods = [...new Set(input.rounds.map((r) => r.period))].sort(comparePeriods);
  return periods.flatMap((period) => {
    const summary = buildCountySummary({ ...input, period });
    return typeof summary === 'string' ? [] : [{ period, ratio: summary.totals.leagueYouthRatio, partial: summary.coverage.partial }];
  });
}

function summaryFigures(rolled: RollUpResult | undefined, bySex: boolean): SummaryFigures {
  const f = rolled?.figures;
  const sexes = bySex ? Object.fromEntries(SEX_FIGURES.map((figure) => [figure, f?.[figure] ?? 0])) : {};
  return {
    ...sexes,
    reports: rolled?.reporting ?? 0,
    members: f?.members ?? 0,
    newMembers: f?.newMembers ?? 0,
    youth1435: f?.youth1435 ?? 0,
    youth1428: f?.youth1428 ?? 0,
    leagueYouthRatio: rolled?.ratio ?? null,
  };
}

/** The statistics' own comparison (exact, in integers): exactly at the target is not over it. */
function checkTarget(figures: SummaryFigures, target: number | null): TargetCheck {
  const comparable = target !== null && figures.youth1428 > 0;
  return { target, overTarget: comparable ? exceedsTarget(figures.members, figures.youth1428, target) : null };
}

/**
 * Targets as the statistics resolve them (shared/stats/targets.ts: the organisation's row, its
 * school level's row or 2023 default, its kind's row, an ancestor's), for `targetFor`.
 */
export function targetLookup(orgs: readonly Org[], targets: readonly Target[]): TargetLookup {
  const index = indexTargets(targets);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (org) => targetRatioFor(org, index, byId);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
