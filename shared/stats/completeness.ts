import type { Org } from '../domain/org';
import type { ReportingRound, ReportStatus, StatReport } from '../domain/stats';
import { homeCounty } from '../orgs/home';
import { committeeResolver } from './committees';

/**
 * Completeness and timeliness of a reporting round, per township and for the county (DOMAIN.md):
 * - expected: the round's organisations (`round.orgIds`, each once) in the township's subtree;
 * - submitted: those with a report in this round (matched by `roundId`) whose status is
 *   `submitted` or `approved`. A `returned` report is back with the township to be fixed, so it
 *   does not count until it is submitted again; a `draft` never counts;
 * - on time: those submitted whose first submission (`firstSubmittedAt`, else `submittedAt`) was no
 *   later than the end of the deadline day in the county's local time. A report returned and
 *   submitted again after the deadline stays on time if it first came in on time: the township did
 *   report by the deadline, and the correction was asked for by the county. A submission without a
 *   readable time is not on time;
 * - completeness = submitted ÷ expected, timeliness = on time ÷ expected; null when nothing is expected.
 *
 * Townships here are every direct child of the county (township, town and farm committees, and the
 * school and working committees and general branches that report to the county directly).
 *
 * LOCAL TIME: Xinjiang's offices work in Beijing time (UTC+8), the official time of the whole country;
 * "Xinjiang time" (UTC+6) is used informally in daily life but deadlines in official notices are in
 * Beijing time. So a deadline of 2026-01-20 ends at 2026-01-20 24:00 UTC+8 = 2026-01-20T16:00:00Z.
 * Submission times are stored in UTC (ISO instants) and compared with that instant, so the answer
 * does not depend on the PC's time-zone setting. `utcOffsetMinutes` overrides it for another county.
 */

/** Beijing time, UTC+8, in minutes. */
export const BEIJING_UTC_OFFSET_MINUTES = 480;

export interface CompletenessOptions {
  /** The county whose direct children are the rows; default: this PC's home county (shared/orgs/home.ts). */
  countyId?: string;
  /** The county's offset from UTC in minutes; default Beijing time (480). */
  utcOffsetMinutes?: number;
}

/**
 * The last millisecond of a deadline day (yyyy-mm-dd) in local time, as a UTC epoch in milliseconds.
 * Throws a RangeError for a malformed date.
 */
export function deadlineEnd(deadline: string, utcOffsetMinutes: number = BEIJING_UTC_OFFSET_MINUTES): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const startOfDay = Date.UTC(year, month - 1, day);
  const check = new Date(startOfDay);
  if (!match || Number.isNaN(startOfDay) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not a date: ${JSON.stringify(deadline)}`);
  }
  return startOfDay + 86_400_000 - 1 - utcOffsetMinutes * 60_000;
}

/** When a report counts as submitted for timeliness: its first submission, else its latest. */
export function submissionTime(report: Pick<StatReport, 'firstSubmittedAt' | 'submittedAt'>): number | null {
  const text = report.firstSubmittedAt ?? report.submittedAt;
  if (text === undefined) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

const isIn = (status: ReportStatus): boolean => status === 'submitted' || status === 'approved';

/** Whether a report is in (submitted or approved) and came in by the end of the deadline day, local time. */
export function isOnTime(
  report: Pick<StatReport, 'status' | 'firstSubmittedAt' | 'submittedAt'>,
  deadline: string,
  utcOffsetMinutes: number = BEIJING_UTC_OFFSET_MINUTES,
): boolean {
  const at = submissionTime(report);
  return isIn(report.status) && at !== null && at <= deadlineEnd(deadline, utcOffsetMinutes);
}

export interface CompletenessRow {
  /** The township (or, for the total, the county). */
  orgId: string;
  expected: number;
  submitted: number;
  onTime: number;
  /** submitted ÷ expected; null when nothing is expected. */
  completeness: number | null;
  /** onTime ÷ expected; null when nothing is expected. */
  timeliness: number | null;
}

export interface RoundCompleteness {
  roundId: string;
  /** The whole round: every expected organisation, wherever it is. */
  total: CompletenessRow;
  /** One row per direct child of the county, in code order, including those with nothing expected. */
  byTownship: CompletenessRow[];
  /** Expected organisations under no township: the county itself, or ones no longer in the tree. Null when none. */
  outside: CompletenessRow | null;
}

function findCounty(orgs: readonly Org[], countyId: string | undefined): string | null {
  return countyId ?? homeCounty(orgs)?.id ?? null;
}

const byCode = (a: Org, b: Org): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Per expected organisation: its township (null: outside), whether it is in, whether on time, its report status. */
interface ExpectedState {
  orgId: string;
  township: string | null;
  status: ReportStatus | null;
  submitted: boolean;
  onTime: boolean;
}

/** Of several reports of one organisation in one round, the status that says most: approved > submitted > returned > draft. */
export const STATUS_WEIGHT: Readonly<Record<ReportStatus, number>> = { approved: 3, submitted: 2, returned: 1, draft: 0 };

function expectedStates(
  round: ReportingRound,
  orgs: readonly Org[],
  reports: readonly StatReport[],
  options: CompletenessOptions,
): { county: string | null; states: ExpectedState[] } {
  const county = findCounty(orgs, options.countyId);
  const townshipOf = county === null ? () => null : committeeResolver(orgs, county);
  const end = deadlineEnd(round.deadline, options.utcOffsetMinutes ?? BEIJING_UTC_OFFSET_MINUTES);
  const states = new Map<string, ExpectedState>();
  for (const orgId of round.orgIds) {
    if (!states.has(orgId)) states.set(orgId, { orgId, township: townshipOf(orgId), status: null, submitted: false, onTime: false });
  }
  for (const report of reports) {
    if (report.roundId !== round.id) continue;
    const state = states.get(report.orgId);
    if (!state) continue;
    if (state.status === null || STATUS_WEIGHT[report.status] > STATUS_WEIGHT[state.status]) state.status = report.status;
    if (isIn(report.status)) {
      state.submitted = true;
      const at = submissionTime(report);
      if (at !== null && at <= end) state.onTime = true;
    }
  }
  return { county, states: [...states.values()] };
}

function row(orgId: string, states: readonly ExpectedState[]): CompletenessRow {
  const expected = states.length;
  const submitted = states.filter((s) => s.submitted).length;
  const onTime = states.filter((s) => s.onTime).length;
  return {
    orgId,
    expected,
    submitted,
    onTime,
    completeness: expected === 0 ? null : submitted / expected,
    timeliness: expected === 0 ? null : onTime / expected,
  };
}

/** Completeness and timeliness of one round, per township and in total. Throws a RangeError for a malformed deadline. */
export function roundCompleteness(
  round: ReportingRound,
  orgs: readonly Org[],
  reports: readonly StatReport[],
  options: CompletenessOptions = {},
): RoundCompleteness {
  const { county, states } = expectedStates(round, orgs, reports, options);
  const townships = county === null ? [] : orgs.filter((o) => o.parentId === county && o.id !== county).sort(byCode);
  const grouped = new Map<string | null, ExpectedState[]>();
  for (const s of states) {
    const list = grouped.get(s.township) ?? [];
    list.push(s);
    grouped.set(s.township, list);
  }
  const outside = grouped.get(null);
  return {
    roundId: round.id,
    total: row(county ?? '', states),
    byTownship: townships.map((t) => row(t.id, grouped.get(t.id) ?? [])),
    outside: outside ? row(county ?? '', outside) : null,
  };
}

export interface MissingReport {
  orgId: string;
  /** The organisation, if it is still in `orgs` (for its code and names). */
  org?: Org;
  /** What the organisation has in this round: nothing, a draft, or a report returned for correction. */
  status: 'none' | 'draft' | 'returned';
}

export interface MissingByTownship {
  /** The township; null for expected organisations under no township (the county itself, or gone from the tree). */
  townshipId: string | null;
  township?: Org;
  /** In code order (organisations no longer in the tree last, by id). */
  missing: MissingReport[];
}

/**
 * Who has not reported in a round (for the bulletin): per township, in code order, the expected
 * organisations with no report submitted or approved. Townships where everyone reported are left out.
 */
export function missingReports(
  round: ReportingRound,
  orgs: readonly Org[],
  reports: readonly StatReport[],
  options: CompletenessOptions = {},
): MissingByTownship[] {
  const { county, states } = expectedStates(round, orgs, reports, options);
  const orgById = new Map<string, Org>();
  for (const o of orgs) if (!orgById.has(o.id)) orgById.set(o.id, o);
  const groups = new Map<string | null, MissingReport[]>();
  for (const s of states) {
    if (s.submitted) continue;
    const org = orgById.get(s.orgId);
    const entry: MissingReport = { orgId: s.orgId, status: s.status === 'returned' || s.status === 'draft' ? s.status : 'none' };
    if (org) entry.org = org;
    const list = groups.get(s.township) ?? [];
    list.push(entry);
    groups.set(s.township, list);
  }
  const entryOrder = (a: MissingReport, b: MissingReport): number => {
    if (a.org && b.org) return byCode(a.org, b.org);
    if (a.org || b.org) return a.org ? -1 : 1;
    return a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0;
  };
  const townships = county === null ? [] : orgs.filter((o) => o.parentId === county && o.id !== county).sort(byCode);
  const out: MissingByTownship[] = [];
  for (const t of townships) {
    const missing = groups.get(t.id);
    if (missing) out.push({ townshipId: t.id, township: t, missing: missing.sort(entryOrder) });
  }
  const outside = groups.get(null);
  if (outside) out.push({ townshipId: null, missing: outside.sort(entryOrder) });
  return out;
}
