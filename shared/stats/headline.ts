import type { ReportingRound, ReportStatus, StatReport } from '../domain/stats';
import { STATUS_WEIGHT } from './completeness';

/*
 * Which round the county's headline figures stand for, and how complete it is. The Overview, the
 * Dashboard, Reports and `league-desk report` take the same default and say the same about it.
 *
 * THE RULE. Headline figures count approved reports only (rollup.ts), so a round stands for the
 * county once the approved reports cover most of what it asks: at least COMPLETE_SHARE (90%) of its
 * expected organisations. By default the figures show
 *   1. the newest round that stands for the county; else
 *   2. the newest closed round (the county has finished with it, whatever it holds); else
 *   3. the newest round, marked partial.
 * A round a person chose is shown as chosen. Whichever it is, every headline says how many of the
 * expected reports it counts, and a round below the share is marked partial wherever it is shown (a
 * trend draws it apart), so a round that has barely started is never taken for the county.
 */

/** The share of a round's expected reports that must be approved for it to stand for the county. */
export const COMPLETE_SHARE = 0.9;

export interface RoundCoverage {
  /** Organisations the round asks to report (each once). */
  expected: number;
  /** Of those, the ones whose report in this round is approved: what the figures count. */
  approved: number;
  /** Of those, the ones submitted and waiting for the county's review. */
  pending: number;
  /** approved ÷ expected; null when nothing is expected. */
  share: number | null;
  /** Below COMPLETE_SHARE (or nothing expected): the figures do not yet stand for the county. */
  partial: boolean;
}


/** How far a round's figures cover what it asks. */
export function roundCoverage(round: ReportingRound, reports: readonly StatReport[]): RoundCoverage {
  const expected = new Set(round.orgIds);
  const best = new Map<string, ReportStatus>();
  for (const r of reports) {
    if (r.roundId !== round.id || !expected.has(r.orgId)) continue;
    const held = best.get(r.orgId);
    if (held === undefined || STATUS_WEIGHT[r.status] > STATUS_WEIGHT[held]) best.set(r.orgId, r.status);
  }
  let approved = 0;
  let pending = 0;
  for (const status of best.values()) {
    if (status === 'approved') approved += 1;
    else if (status === 'submitted') pending += 1;
  }
  const share = expected.size === 0 ? null : approved / expected.size;
  return { expected: expected.size, approved, pending, share, partial: share === null || share < COMPLETE_SHARE };
}

/** Why a round is the one shown: a person chose it (or its period), or which step of the rule took it. */
export const ROUND_CHOICES = ['chosen', 'complete', 'closed', 'latest'] as const;
export type RoundChoiceReason = (typeof ROUND_CHOICES)[number];

export interface RoundChoice {
  round: ReportingRound;
  why: RoundChoiceReason;
  coverage: RoundCoverage;
}

/**
 * The round the headline figures show: `chosen` when it names one of `rounds`, else the rule above.
 * `rounds` newest first (shared/stats/model.ts, newestFirst). Undefined when there is no round.
 */
export function chooseRound(rounds: readonly ReportingRound[], reports: readonly StatReport[], chosen?: string | null): RoundChoice | undefined {
  const picked = chosen ? rounds.find((r) => r.id === chosen) : undefined;
  if (picked) return { round: picked, why: 'chosen', coverage: roundCoverage(picked, reports) };
  const covered = rounds.map((round) => ({ round, coverage: roundCoverage(round, reports) }));
  const complete = covered.find((c) => !c.coverage.partial);
  if (complete) return { ...complete, why: 'complete' };
  const closed = covered.find((c) => c.round.status === 'closed');
  if (closed) return { ...closed, why: 'closed' };
  return covered[0] && { ...covered[0], why: 'latest' };
}
