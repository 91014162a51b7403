import { hasError, type EntryProblem } from './eligibility';
import type { Contest, Entry, Score } from './rows';

/*
 * Scores and ranking. A judge's total is the weighted sum over the rubric, on a scale of 100
 * (weights are shares of 100, each criterion's points divided by its maximum). An entry's score is
 * the mean of its judges' totals; with `dropExtremes` and at least 5 judges, one highest and one
 * lowest total of that entry are left out first. Ties are broken, in this order (the screen states
 * it): the higher mean on the first criterion, the earlier submission, the lower code.
 *
 * Everything here is independent of the order rows arrive in: totals are sorted before summing, so
 * the floating-point sum is the same on every PC, whatever order scores were typed or synced.
 */

export const MIN_JUDGES_TO_DROP = 5;
export const TIE_BREAKS = ['first-criterion', 'submitted', 'code'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export interface JudgeTotal {
  judgeId: string;
  total: number;
}

/** A judge's weighted total, or null while a criterion is unscored or a value is out of range. */
export function judgeTotal(contest: Pick<Contest, 'criteria'>, points: Readonly<Record<string, number>>): number | null {
  let total = 0;
  for (const c of contest.criteria) {
    const p = points[c.id];
    if (p === undefined || !Number.isFinite(p) || p < 0 || p > c.max) return null;
    total += (c.weight * p) / c.max;
  }
  return round6(total);
}

export function weightsSum(contest: Pick<Contest, 'criteria'>): number {
  return round6(contest.criteria.reduce((s, c) => s + c.weight, 0));
}

export interface EntryScore {
  /** Mean of the counted totals; null when no judge has finished this entry. */
  score: number | null;
  /** Mean points on the first criterion over the counted judges (the first tie-break). */
  firstCriterion: number | null;
  /** Judges who finished this entry. */
  totals: JudgeTotal[];
  /** Judges whose totals were left out (highest and lowest). */
  dropped: string[];
}

/** One entry's score from its own score rows (rows of other entries or unknown judges are ignored). */
export function scoreEntry(contest: Contest, entryId: string, scores: readonly Score[]): EntryScore {
  const judges = new Set(contest.judges.map((j) => j.id));
  const finished: (JudgeTotal & { first: number })[] = [];
  for (const s of scores) {
    if (s.entryId !== entryId || !judges.has(s.judgeId)) continue;
    const total = judgeTotal(contest, s.points);
    if (total !== null) finished.push({ judgeId: s.judgeId, total, first: s.points[contest.criteria[0]!.id]! });
  }
  finished.sort((a, b) => a.total - b.total || cmp(a.judgeId, b.judgeId));
  let counted = finished;
  let dropped: string[] = [];
  if (contest.dropExtremes && finished.length >= MIN_JUDGES_TO_DROP) {
    counted = finished.slice(1, -1);
    dropped = [finished[0]!.judgeId, finished[finished.length - 1]!.judgeId];
  }
  if (counted.length === 0) return { score: null, firstCriterion: null, totals: [], dropped: [] };
  const firsts = counted.map((c) => c.first).sort((a, b) => a - b);
  return {
    score: round6(sum(counted.map((c) => c.total)) / counted.length),
    firstCriterion: round6(sum(firsts) / firsts.length),
    totals: finished.map(({ judgeId, total }) => ({ judgeId, total })),
    dropped,
  };
}

export interface RankedEntry {
  entry: Entry;
  rank: number;
  score: number;
  firstCriterion: number;
  totals: JudgeTotal[];
  dropped: string[];
  /** The tie-break that placed this entry below the one ranked just above it, if their scores were equal. */
  tieBrokenBy: TieBreak | null;
  /** The tier the ranking gives, before any manual change. */
  computedTierId: string | null;
  /** The tier the entry receives: a manual change if one is recorded, else the computed tier. */
  tierId: string | null;
  overridden: boolean;
}

export interface Ranking {
  ranked: RankedEntry[];
  /** Entries left out: an eligibility error, or no judge has finished them yet. */
  unranked: { entry: Entry; reason: 'ineligible' | 'unscored' }[];
}

/**
 * Ranks a contest's entries. Entries with an eligibility error are left out; tiers are handed out
 * best first down the ranking (1 first, 3 second, … as the contest says). A manual award replaces
 * the computed one for that entry only; it does not move anyone else's.
 */
export function rankContest(contest: Contest, entries: readonly Entry[], scores: readonly Score[], problems?: ReadonlyMap<string, readonly EntryProblem[]>): Ranking {
  const byEntry = new Map<string, Score[]>();
  for (const s of scores) {
    if (s.contestId !== contest.id) continue;
    const list = byEntry.get(s.entryId) ?? [];
    list.push(s);
    byEntry.set(s.entryId, list);
  }
  const unranked: Ranking['unranked'] = [];
  const scored: Omit<RankedEntry, 'rank' | 'tieBrokenBy' | 'computedTierId' | 'tierId' | 'overridden'>[] = [];
  for (const entry of entries) {
    if (entry.contestId !== contest.id) continue;
    if (hasError(problems?.get(entry.id))) {
      unranked.push({ entry, reason: 'ineligible' });
      continue;
    }
    const s = scoreEntry(contest, entry.id, byEntry.get(entry.id) ?? []);
    if (s.score === null || s.firstCriterion === null) unranked.push({ entry, reason: 'unscored' });
    else scored.push({ entry, score: s.score, firstCriterion: s.firstCriterion, totals: s.totals, dropped: s.dropped });
  }
  scored.sort(compareRanked);
  const slots: (string | null)[] = contest.tiers.flatMap((t) => Array<string>(t.count).fill(t.id));
  const ranked = scored.map((r, i): RankedEntry => {
    const computedTierId = slots[i] ?? null;
    const override = r.entry.awardOverride;
    return {
      ...r,
      rank: i + 1,
      tieBrokenBy: i > 0 ? tieBreakBetween(scored[i - 1]!, r) : null,
      computedTierId,
      tierId: override ? override.tierId : computedTierId,
      overridden: Boolean(override),
    };
  });
  unranked.sort((a, b) => cmp(a.entry.code, b.entry.code) || cmp(a.entry.id, b.entry.id));
  return { ranked, unranked };
}

type Comparable = Pick<RankedEntry, 'entry' | 'score' | 'firstCriterion'>;

function compareRanked(a: Comparable, b: Comparable): number {
  return (
    b.score - a.score ||
    b.firstCriterion - a.firstCriterion ||
    cmp(a.entry.submittedOn, b.entry.submittedOn) ||
    cmp(a.entry.code, b.entry.code) ||
    cmp(a.entry.id, b.entry.id)
  );
}

function tieBreakBetween(above: Comparable, below: Comparable): TieBreak | null {
  if (above.score !== below.score) return null;
  if (above.firstCriterion !== below.firstCriterion) return 'first-criterion';
  if (above.entry.submittedOn !== below.entry.submittedOn) return 'submitted';
  return 'code';
}

/** How far each judge has got: entries finished out of the entries to judge. */
export function judgeProgress(contest: Contest, entryIds: readonly string[], scores: readonly Score[]): Map<string, number> {
  const wanted = new Set(entryIds);
  const out = new Map<string, number>(contest.judges.map((j) => [j.id, 0]));
  for (const s of scores) {
    if (!wanted.has(s.entryId) || !out.has(s.judgeId)) continue;
    if (judgeTotal(contest, s.points) !== null) out.set(s.judgeId, out.get(s.judgeId)! + 1);
  }
  return out;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
