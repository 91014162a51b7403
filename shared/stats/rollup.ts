import type { Org } from '../domain/org';
import { periodContains, periodMonths } from '../domain/period';
import { ALL_FIGURES, ANY_FIGURE_NATURE, FIGURES, SEX_FIGURES, type AnyFigure, type Period, type ReportingRound, type StatReport } from '../domain/stats';
import { leagueYouthRatio } from './totals';

/**
 * Roll-up: the figures of any organisation for any period, from the reports of its subtree.
 *
 * THE TIME AXIS (one organisation, reports of several periods within the asked period):
 * - a stock (members, youth, cadres) takes the last reported value: per figure, the report with the
 *   latest end among those that have the figure; at the same end date the longer period wins (a
 *   yearly report over December's), so `2025` = the value of `2025Q4` when only quarters exist;
 * - a flow (new members, recommended to the Party) sums over sub-periods, each month counted once:
 *   per figure, a report for a period replaces the reports for the periods within it (a yearly
 *   figure is the year's total, so it is not added to the quarters'). Periods nest exactly (see
 *   period.ts), so the reports not inside another one with the figure are disjoint and are summed.
 *
 * THE TREE (never counted twice): a report is an organisation's OWN figures — the people registered
 * directly with it — never a total of its subtree. The roll-up of an organisation is its own figures
 * plus the roll-ups of its children; every report counts exactly once, in the one chain of its
 * ancestors. This is DHIS2's rule (a value is stored at the organisation unit it describes and
 * analytics add up the unit and all its descendants), and it is the only rule under which totals
 * are additive: the county equals the sum of its townships, and moving a subtree moves exactly its
 * totals. The alternatives break that: if a committee's report replaced its subtree's ("it is a
 * total"), moving a branch out of a township that filed a total would leave the township's figure
 * unchanged while the new parent gains the branch; if descendants' reports replaced the committee's,
 * a committee's own members would appear or vanish as its branches start or stop reporting. So a
 * committee that has members of its own (e.g. staff attached to the committee, not to a branch)
 * reports only those; rounds normally ask the reporting units (branches) only.
 *
 * THE TREE OVER TIME: roll-ups use the current tree for every period (as DHIS2 does): a branch moved
 * to another township takes its history with it. Archived organisations stay in the tree, so their
 * figures stay in every roll-up of the periods they reported in. Reports of organisations that are
 * not in `orgs` (deleted) are ignored: archive, don't delete, to keep history.
 *
 * WHICH REPORTS COUNT: status `approved`; with `includeSubmitted`, `submitted` too; with
 * `includeDrafts` every report (the entry grid's own totals). Of two counted
 * reports of one organisation for the same period (e.g. from two rounds), per figure the one
 * approved, then the latest submitted, then the smaller id.
 */

export interface RollUpOptions {
  /** Count submitted reports as well as approved ones (default: approved only). */
  includeSubmitted?: boolean;
  /** Count every report, drafts and returned ones too: what the entry grid holds, not a figure to publish. */
  includeDrafts?: boolean;
  /** Rounds, to count the organisations expected to report within the period (`expected`). */
  rounds?: readonly ReportingRound[];
}

export interface RollUpResult {
  /**
   * Each figure over the subtree and the period; 0 when nobody reported it (see `reportingPerFigure`).
   * The sex figures roll up by the same rules as their totals (a sex figure is a stock or a flow as
   * its total is); they are 0 with `reportingPerFigure` 0 where no round asked for the split.
   */
  figures: Record<AnyFigure, number>;
  /** League–youth ratio from the aggregated members and youth 14–28 (never an average); null without youth. */
  ratio: number | null;
  /** Organisations in the subtree (itself included) with at least one counted report within the period. */
  reporting: number;
  /** Per figure, the organisations in the subtree that gave a value for it within the period. */
  reportingPerFigure: Record<AnyFigure, number>;
  /** Organisations in the subtree that a round within the period asks to report; only with `rounds`. */
  expected?: number;
}

const F = ALL_FIGURES.length;
/** The totals (FIGURES) come first in ALL_FIGURES: the first B slots of each organisation. */
const B = FIGURES.length;
const IS_STOCK: readonly boolean[] = ALL_FIGURES.map((f) => ANY_FIGURE_NATURE[f] === 'stock');
/**
 * The order the report scan reads figures in, by name. Typed as FIGURES' own tuple type, so adding or
 * reordering a figure fails the type check here until the scan below reads it too.
 */
const _READ_ORDER: typeof FIGURES = ['members', 'newMembers', 'youth1435', 'youth1428', 'cadres', 'recommendedToParty'];
/** The same for the sex figures, read after the totals (ALL_FIGURES' order). */
const _SEX_READ_ORDER: typeof SEX_FIGURES = [
  'membersMale',
  'membersFemale',
  'newMembersMale',
  'newMembersFemale',
  'youth1435Male',
  'youth1435Female',
  'youth1428Male',
  'youth1428Female',
];

function hasSexFigures(report: StatReport): boolean {
  return (
    report.membersMale != null ||
    report.membersFemale != null ||
    report.newMembersMale != null ||
    report.newMembersFemale != null ||
    report.youth1435Male != null ||
    report.youth1435Female != null ||
    report.youth1428Male != null ||
    report.youth1428Female != null
  );
}

interface Span {
  first: number;
  last: number;
}

/** Parses each distinct period text once: a roll-up sees a million reports but a few dozen periods. */
function spanCache(): (period: string) => Span | null {
  const cache = new Map<string, Span | null>();
  return (period) => {
    let span = cache.get(period);
    if (span === undefined) {
      try {
        span = periodMonths(period);
      } catch {
        span = null;
      }
      cache.set(period, span);
    }
    return span;
  };
}

function numberOrNaN(value: number | null | undefined): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function statusRank(status: StatReport['status']): number {
  return status === 'approved' ? 2 : status === 'submitted' ? 1 : 0;
}

/** The least status rank counted. */
function countedFrom(options: Pick<RollUpOptions, 'includeSubmitted' | 'includeDrafts'>): number {
  return options.includeDrafts ? 0 : options.includeSubmitted ? 1 : 2;
}

/** Negative when `a` is preferred over `b` among reports of one organisation for the same period. */
function comparePreference(a: StatReport, b: StatReport): number {
  const rank = statusRank(b.status) - statusRank(a.status);
  if (rank !== 0) return rank;
  const sa = a.submittedAt ?? '';
  const sb = b.submittedAt ?? '';
  if (sa !== sb) return sa > sb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Own (time-aggregated, subtree left out) values per organisation index. */
interface OwnValues {
  values: Float64Array;
  /** 1 where the organisation gave a value for the figure. */
  has: Uint8Array;
  /** 1 where the organisation has at least one counted report in the period. */
  reported: Uint8Array;
}

/**
 * Each organisation's own figures for the period, by the time-axis rules. `indexOf` maps an org id
 * to its index (-1 / undefined: not counted).
 */
function ownValuesByIndex(
  n: number,
  indexOf: (orgId: string) => number | undefined,
  reports: readonly StatReport[],
  period: Period,
  options: RollUpOptions,
): OwnValues {
  const target = periodMonths(period);
  const spanOf = spanCache();
  const minStatus = countedFrom(options);

  // Pass 1: the counted reports, with their organisation and months.
  const candReport: number[] = [];
  const candOrg: number[] = [];
  const candFirst: number[] = [];
  const candLast: number[] = [];
  let candValues: number[] = [];
  let withSex = false;
  const count = new Int32Array(n + 1);
  for (let r = 0; r < reports.length; r += 1) {
    const report = reports[r]!;
    if (statusRank(report.status) < minStatus) continue;
    const span = spanOf(report.period);
    if (span === null || span.first < target.first || span.last > target.last) continue;
    const org = indexOf(report.orgId);
    if (org === undefined || org < 0) continue;
    candReport.push(r);
    candOrg.push(org);
    candFirst.push(span.first);
    candLast.push(span.last);
    // Read by name, once, in READ_ORDER: the loops below then work on numbers only (NaN = not given).
    candValues.push(
      numberOrNaN(report.members),
      numberOrNaN(report.newMembers),
      numberOrNaN(report.youth1435),
      numberOrNaN(report.youth1428),
      numberOrNaN(report.cadres),
      numberOrNaN(report.recommendedToParty),
    );
    if (!withSex && hasSexFigures(report)) withSex = true;
    count[org + 1]! += 1;
  }
  // Most rounds are not split by sex: then only the totals are read and aggregated (stride B), and
  // the sex figures stay 0 with nobody reporting them. Otherwise every figure is read (stride F).
  const S = withSex ? F : B;
  if (withSex) {
    const all = new Array<number>(candReport.length * F);
    // In _SEX_READ_ORDER (SEX_FIGURES' order), after the totals.
    for (let c = 0; c < candReport.length; c += 1) {
      for (let f = 0; f < B; f += 1) all[c * F + f] = candValues[c * B + f]!;
      const report = reports[candReport[c]!]!;
      all[c * F + B] = numberOrNaN(report.membersMale);
      all[c * F + B + 1] = numberOrNaN(report.membersFemale);
      all[c * F + B + 2] = numberOrNaN(report.newMembersMale);
      all[c * F + B + 3] = numberOrNaN(report.newMembersFemale);
      all[c * F + B + 4] = numberOrNaN(report.youth1435Male);
      all[c * F + B + 5] = numberOrNaN(report.youth1435Female);
      all[c * F + B + 6] = numberOrNaN(report.youth1428Male);
      all[c * F + B + 7] = numberOrNaN(report.youth1428Female);
    }
    candValues = all;
  }
  // Pass 2: group them by organisation (counting sort); a slot holds a candidate number.
  for (let i = 1; i <= n; i += 1) count[i]! += count[i - 1]!;
  const start = count.slice();
  const slots = new Int32Array(candReport.length);
  const fill = count.slice(0, n);
  for (let c = 0; c < candReport.length; c += 1) {
    const org = candOrg[c]!;
    slots[fill[org]!] = c;
    fill[org]! += 1;
  }

  const values = new Float64Array(n * F);
  const has = new Uint8Array(n * F);
  const reported = new Uint8Array(n);
  // Earlier start first; at the same start the longer period first; then the preferred report.
  const order = (a: number, b: number): number =>
    candFirst[a]! - candFirst[b]! ||
    candLast[b]! - candLast[a]! ||
    comparePreference(reports[candReport[a]!]!, reports[candReport[b]!]!);

  for (let org = 0; org < n; org += 1) {
    const from = start[org]!;
    const to = start[org + 1]!;
    if (from === to) continue;
    reported[org] = 1;
    const base = org * F;
    if (to - from === 1) {
      const vb = slots[from]! * S;
      for (let f = 0; f < S; f += 1) {
        const v = candValues[vb + f]!;
        if (v === v) {
          values[base + f] = v;
          has[base + f] = 1;
        }
      }
      continue;
    }
    const group = slots.subarray(from, to);
    if (group.length <= 32) {
      // Insertion sort: groups are small (at most 19 distinct periods in a year) and often in order.
      for (let i = 1; i < group.length; i += 1) {
        const item = group[i]!;
        let j = i - 1;
        while (j >= 0 && order(group[j]!, item) > 0) {
          group[j + 1] = group[j]!;
          j -= 1;
        }
        group[j + 1] = item;
      }
    } else {
      group.set(Array.from(group).sort(order));
    }
    for (let f = 0; f < S; f += 1) {
      if (IS_STOCK[f]) {
        let bestLast = -1;
        let best = 0;
        for (let g = 0; g < group.length; g += 1) {
          const c = group[g]!;
          const v = candValues[c * S + f]!;
          if (v !== v) continue;
          if (candLast[c]! > bestLast) {
            bestLast = candLast[c]!;
            best = v;
          }
        }
        if (bestLast >= 0) {
          values[base + f] = best;
          has[base + f] = 1;
        }
      } else {
        let coveredUntil = -1;
        let sum = 0;
        let any = false;
        for (let g = 0; g < group.length; g += 1) {
          const c = group[g]!;
          const v = candValues[c * S + f]!;
          if (v !== v) continue;
          // Sorted so that an enclosing period comes before what it encloses: starting inside the
          // last chosen period means lying inside it (periods nest), so it is already counted.
          if (candFirst[c]! <= coveredUntil) continue;
          coveredUntil = candLast[c]!;
          sum += v;
          any = true;
        }
        if (any) {
          values[base + f] = sum;
          has[base + f] = 1;
        }
      }
    }
  }
  return { values, has, reported };
}

/** The organisations as a forest: index by id, parent index, and an order with every parent before its children. */
interface Forest {
  ids: string[];
  index: Map<string, number>;
  parent: Int32Array;
  /** Breadth-first: parents before children. */
  order: Int32Array;
}

/**
 * Builds the forest. An organisation whose parent is unknown is a root. A cycle (possible only after
 * a bad merge) is broken at its member with the smallest id, which becomes a root, so every
 * organisation is still counted exactly once. Duplicate ids: the first one is used.
 */
function buildForest(orgs: readonly Org[]): Forest {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const parentIds: (string | null)[] = [];
  for (const org of orgs) {
    if (index.has(org.id)) continue;
    index.set(org.id, ids.length);
    ids.push(org.id);
    parentIds.push(org.parentId);
  }
  const n = ids.length;
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) {
    const p = parentIds[i];
    const pi = p === null || p === undefined ? undefined : index.get(p);
    if (pi !== undefined && pi !== i) parent[i] = pi;
  }
  const childCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) if (parent[i]! >= 0) childCount[parent[i]! + 1]! += 1;
  for (let i = 1; i <= n; i += 1) childCount[i]! += childCount[i - 1]!;
  const childStart = childCount;
  const children = new Int32Array(n);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i += 1) {
    const p = parent[i]!;
    if (p >= 0) {
      children[fill[p]!] = i;
      fill[p]! += 1;
    }
  }

  const order = new Int32Array(n);
  const visited = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  const visitFrom = (root: number): void => {
    visited[root] = 1;
    order[tail++] = root;
    while (head < tail) {
      const node = order[head++]!;
      for (let c = childStart[node]!; c < childStart[node + 1]!; c += 1) {
        const child = children[c]!;
        if (!visited[child]) {
          visited[child] = 1;
          order[tail++] = child;
        }
      }
    }
  };
  for (let i = 0; i < n; i += 1) if (parent[i] === -1) visitFrom(i);
  if (tail < n) {
    // What is left hangs off cycles. Break each cycle at its smallest id, in id order, so the result
    // does not depend on the order the rows arrived in.
    const left = [];
    for (let i = 0; i < n; i += 1) if (!visited[i]) left.push(i);
    left.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    for (const startNode of left) {
      if (visited[startNode]) continue;
      const path = new Map<number, number>();
      let node = startNode;
      while (!path.has(node)) {
        path.set(node, path.size);
        node = parent[node]!;
      }
      const cycle = [...path.keys()].slice(path.get(node));
      const root = cycle.reduce((a, b) => (ids[b]! < ids[a]! ? b : a));
      parent[root] = -1;
      visitFrom(root);
    }
  }
  return { ids, index, parent, order };
}

/** Totals over each organisation's subtree, as flat arrays. */
interface Totals {
  forest: Forest;
  values: Float64Array;
  perFigure: Int32Array;
  reporting: Int32Array;
  expected: Int32Array | null;
}

function computeTotals(
  orgs: readonly Org[] | Forest,
  reports: readonly StatReport[],
  period: Period,
  options: RollUpOptions,
): Totals {
  const forest = Array.isArray(orgs) ? buildForest(orgs) : (orgs as Forest);
  const n = forest.ids.length;
  const own = ownValuesByIndex(n, (id) => forest.index.get(id), reports, period, options);
  const values = own.values;
  const perFigure = new Int32Array(n * F);
  for (let i = 0; i < n * F; i += 1) perFigure[i] = own.has[i]!;
  const reporting = new Int32Array(n);
  for (let i = 0; i < n; i += 1) reporting[i] = own.reported[i]!;
  let expected: Int32Array | null = null;
  if (options.rounds) {
    expected = new Int32Array(n);
    const wanted = expected;
    for (const round of options.rounds) {
      if (!periodContains(period, round.period)) continue;
      for (const orgId of round.orgIds) {
        const i = forest.index.get(orgId);
        if (i !== undefined) wanted[i] = 1;
      }
    }
  }
  // Children after parents in `order`, so walking it backwards adds each finished subtree to its parent.
  for (let k = n - 1; k >= 0; k -= 1) {
    const node = forest.order[k]!;
    const p = forest.parent[node]!;
    if (p < 0) continue;
    const nb = node * F;
    const pb = p * F;
    for (let f = 0; f < F; f += 1) {
      values[pb + f]! += values[nb + f]!;
      perFigure[pb + f]! += perFigure[nb + f]!;
    }
    reporting[p]! += reporting[node]!;
    if (expected) expected[p]! += expected[node]!;
  }
  return { forest, values, perFigure, reporting, expected };
}

function resultAt(totals: Totals, i: number): RollUpResult {
  const base = i * F;
  const figures = {} as Record<AnyFigure, number>;
  const reportingPerFigure = {} as Record<AnyFigure, number>;
  for (let f = 0; f < F; f += 1) {
    figures[ALL_FIGURES[f]!] = totals.values[base + f]!;
    reportingPerFigure[ALL_FIGURES[f]!] = totals.perFigure[base + f]!;
  }
  const result: RollUpResult = {
    figures,
    ratio: leagueYouthRatio(figures.members, figures.youth1428),
    reporting: totals.reporting[i]!,
    reportingPerFigure,
  };
  if (totals.expected) result.expected = totals.expected[i]!;
  return result;
}

function emptyResult(options: RollUpOptions): RollUpResult {
  const zeros = () => Object.fromEntries(ALL_FIGURES.map((f) => [f, 0])) as Record<AnyFigure, number>;
  const result: RollUpResult = { figures: zeros(), ratio: null, reporting: 0, reportingPerFigure: zeros() };
  if (options.rounds) result.expected = 0;
  return result;
}

export interface RollUpInput extends RollUpOptions {
  orgs: readonly Org[];
  reports: readonly StatReport[];
  orgId: string;
  period: Period;
}

/**
 * The roll-up of one organisation's subtree for one period (rules at the top of this file). An
 * organisation not in `orgs` (e.g. deleted since it was selected) gives zeros with `reporting: 0`.
 * Throws a RangeError when `period` is not a period.
 */
export function rollUp(input: RollUpInput): RollUpResult {
  const { orgs, reports, orgId, period, ...options } = input;
  const totals = computeTotals(orgs, reports, period, options);
  const i = totals.forest.index.get(orgId);
  return i === undefined ? emptyResult(options) : resultAt(totals, i);
}

/**
 * The roll-up of every organisation for one period, in one pass: O(organisations + reports), plus a
 * sort of each organisation's few reports. Keys are the organisation ids. Throws a RangeError when
 * `period` is not a period.
 */
export function rollUpAll(
  orgs: readonly Org[],
  reports: readonly StatReport[],
  period: Period,
  options: RollUpOptions = {},
): Map<string, RollUpResult> {
  const totals = computeTotals(orgs, reports, period, options);
  const out = new Map<string, RollUpResult>();
  for (let i = 0; i < totals.forest.ids.length; i += 1) out.set(totals.forest.ids[i]!, resultAt(totals, i));
  return out;
}

/** Roll-ups of one set of organisations and reports for many periods (a dashboard's trend). */
export interface RollUpIndex {
  rollUpAll(period: Period): Map<string, RollUpResult>;
  rollUp(orgId: string, period: Period): RollUpResult;
}

/**
 * Prepares roll-ups over many periods: the tree is built once and the reports are grouped by period
 * once, so each call reads only the reports within its period. Same results as `rollUpAll` and
 * `rollUp` with the same arguments. The arrays must not change while the index is in use.
 */
export function prepareRollUp(orgs: readonly Org[], reports: readonly StatReport[], options: RollUpOptions = {}): RollUpIndex {
  const forest = buildForest(orgs);
  const minStatus = countedFrom(options);
  const byPeriod = new Map<string, StatReport[]>();
  for (const report of reports) {
    if (statusRank(report.status) < minStatus) continue;
    let bucket = byPeriod.get(report.period);
    if (bucket === undefined) byPeriod.set(report.period, (bucket = []));
    bucket.push(report);
  }
  const within = (period: Period): StatReport[] => {
    periodMonths(period); // a RangeError for text that is not a period, as rollUpAll gives
    const out: StatReport[] = [];
    for (const [p, bucket] of byPeriod) if (periodContains(period, p)) for (const r of bucket) out.push(r);
    return out;
  };
  return {
    rollUpAll(period) {
      const totals = computeTotals(forest, within(period), period, options);
      const out = new Map<string, RollUpResult>();
      for (let i = 0; i < forest.ids.length; i += 1) out.set(forest.ids[i]!, resultAt(totals, i));
      return out;
    },
    rollUp(orgId, period) {
      const totals = computeTotals(forest, within(period), period, options);
      const i = forest.index.get(orgId);
      return i === undefined ? emptyResult(options) : resultAt(totals, i);
    },
  };
}

/**
 * Each organisation's own figures for a period (its subtree left out), by the time-axis rules: the
 * values to compare a report with (`validateReport`'s `previous`: pass `previousPeriod(round.period)`
 * and `includeSubmitted: true`). Figures nobody gave are absent. Only organisations with a counted
 * report appear.
 */
export function ownValuesByOrg(
  reports: readonly StatReport[],
  period: Period,
  options: Pick<RollUpOptions, 'includeSubmitted'> = {},
): Map<string, Partial<Record<AnyFigure, number>>> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const r of reports) {
    if (!index.has(r.orgId)) {
      index.set(r.orgId, ids.length);
      ids.push(r.orgId);
    }
  }
  const own = ownValuesByIndex(ids.length, (id) => index.get(id), reports, period, options);
  const out = new Map<string, Partial<Record<AnyFigure, number>>>();
  for (let i = 0; i < ids.length; i += 1) {
    if (!own.reported[i]) continue;
    const values: Partial<Record<AnyFigure, number>> = {};
    for (let f = 0; f < F; f += 1) if (own.has[i * F + f]) values[ALL_FIGURES[f]!] = own.values[i * F + f]!;
    out.set(ids[i]!, values);
  }
  return out;
}
