import type { Org, OrgKind } from '../domain/org';
import { FIGURES, isSplitFigure, type AnyFigure, type Figure, type ReportingRound, type StatReport, type TargetScope } from '../domain/stats';
import type { WriteSpec } from '../sync/write';
import { reportId } from './ids';
import { targetRowId } from './targets';
import { DEFAULT_CHANGE_FLOOR, type Issue } from './validation';
import { editRefusal, transition, TRANSITION_REFUSALS, type EditRefusal, type ReviewAction } from './workflow';

/*
 * Every write of the statistics, as named commands: each takes what the person sees and returns the
 * batch of writes for `store.repo.write` (one transaction), or why it is refused. Screens never build
 * a statistics write themselves, so a report is keyed one way (`reportId`), created with the same
 * fields, and gated by one editability rule (`editRefusal`) whichever screen writes it. Only fields
 * that change are written: each write wins its field on every PC, so rewriting an unchanged field
 * would overwrite a colleague's concurrent edit of it for nothing.
 */

export const STATS_REFUSALS = [
  /** No county on this PC: nothing to scope a round or a target to (never the demo's `LT`). */
  'no-county',
  'round-closed',
  'under-review',
  'locked',
  ...TRANSITION_REFUSALS,
] as const;
export type StatsRefusal = (typeof STATS_REFUSALS)[number];
export type StatsWrites = { ok: true; writes: WriteSpec[] } | { ok: false; reason: StatsRefusal };

/**
 * One organisation's report in one round, as a screen holds it: the report as stored (none before
 * anyone wrote it).
 *
 * `writtenUnderId`: for a report that changes may also name by an old id (the demo's, see
 * shared/stats/ids.ts), the fields some change wrote under its current id. PCs that have not upgraded
 * keep the old and the current id as two rows, so the first write under the current id carries the
 * fields it lacks there (docs/FORMATS.md, "Report ids"); undefined for every other report.
 */
export interface ReportTarget {
  round: ReportingRound;
  org: Org;
  report?: StatReport;
  writtenUnderId?: ReadonlySet<string>;
}

/** The fields a report is born with: whose it is, for which round and period, a draft. */
function newReportFields(round: ReportingRound, org: Org): Partial<StatReport> {
  return { roundId: round.id, orgId: org.id, period: round.period, status: 'draft' };
}

/** What a write under the report's id must carry for PCs that keep its old id's row apart. */
function carriedFields(target: ReportTarget): Partial<StatReport> {
  const { report, writtenUnderId } = target;
  if (report === undefined || writtenUnderId === undefined) return {};
  const { id: _id, ...fields } = report;
  return Object.fromEntries(Object.entries(fields).filter(([field, value]) => value !== undefined && !writtenUnderId.has(field)));
}

/** The one way a report is written. */
function reportWrite(target: ReportTarget, fields: Partial<StatReport>): WriteSpec {
  const { round, org, report } = target;
  const base = report === undefined ? newReportFields(round, org) : carriedFields(target);
  return { table: 'statReport', row: reportId(round.id, org.id), scope: org.code, fields: { ...base, ...fields } };
}

const done = (writes: WriteSpec[]): StatsWrites => ({ ok: true, writes });
const refused = (reason: StatsRefusal): StatsWrites => ({ ok: false, reason });

/** Figures typed, pasted or read from a template: the ones that differ from the stored report. */
export function figureWrites(target: ReportTarget, values: Partial<Record<AnyFigure, number | null>>): StatsWrites {
  const refusal: EditRefusal | null = editRefusal(target.round, target.report);
  if (refusal) return refused(refusal);
  const changed: Partial<Record<AnyFigure, number | null>> = {};
  for (const [figure, value] of Object.entries(values) as [AnyFigure, number | null][]) {
    if ((target.report?.[figure] ?? null) !== value) changed[figure] = value;
  }
  return done(Object.keys(changed).length === 0 ? [] : [reportWrite(target, changed)]);
}

/** A person's comment on a figure (what a warning needs before submission). Blank clears it. */
export function noteWrites(target: ReportTarget, figure: Figure, text: string): StatsWrites {
  const refusal = editRefusal(target.round, target.report);
  if (refusal) return refused(refusal);
  const notes = { ...target.report?.notes };
  const note = text.trim();
  if ((notes[figure] ?? '') === note) return done([]);
  if (note === '') delete notes[figure];
  else notes[figure] = note;
  return done([reportWrite(target, { notes })]);
}

export interface ReviewOptions {
  now: Date;
  /** For `return` and `reopen`. */
  comment?: string;
  /** For `submit`: the report's issues (errors, warnings, `missing`); refused while one blocks. */
  issues?: readonly Issue[];
}

/**
 * Submit (the township), approve, return or reopen (the county): the workflow's fields
 * (shared/stats/workflow.ts). Submitting edits the report, so it needs the report editable too.
 */
export function reviewWrites(target: ReportTarget, action: ReviewAction, options: ReviewOptions): StatsWrites {
  const { report } = target;
  if (action === 'submit') {
    const refusal = editRefusal(target.round, report);
    if (refusal) return refused(refusal);
  }
  if (report === undefined) return refused(action === 'submit' ? 'empty-report' : 'not-submitted');
  const result = transition(report, action, options);
  return result.ok ? done([reportWrite(target, result.fields)]) : refused(result.reason);
}

/** The kinds of organisation that file statistics: branches, two-new and community organisations. */
export const REPORTING_KINDS: readonly OrgKind[] = ['branch', 'twoNew', 'community'];

/** The organisations a new round asks to report: every active one of a reporting kind. */
export function reportingOrgs(orgs: readonly Org[]): Org[] {
  return orgs.filter((o) => REPORTING_KINDS.includes(o.kind) && !o.archived);
}

export interface RoundDraft {
  /** A new id, unique to this round (`round-<uuid>`), made by the caller. */
  id: string;
  period: string;
  figures: Figure[];
  /** yyyy-mm-dd */
  deadline: string;
  /** A fraction (0.2 = 20%). */
  changeThreshold: number;
  /** People (ReportingRound.changeFloor); absent or the default: not written. */
  changeFloor?: number;
  bySex: boolean;
}

/** The county opens a round for every reporting organisation it has now. */
export function openRoundWrites(county: Org | undefined, orgs: readonly Org[], draft: RoundDraft): StatsWrites {
  if (!county) return refused('no-county');
  const figures = FIGURES.filter((f) => draft.figures.includes(f));
  return done([
    {
      table: 'round',
      row: draft.id,
      scope: county.code,
      fields: {
        period: draft.period,
        figures,
        orgIds: reportingOrgs(orgs).map((o) => o.id),
        deadline: draft.deadline,
        status: 'open',
        changeThreshold: draft.changeThreshold,
        // Written only when it is not the default, like bySex: a build that does not know the field
        // parks a round that carries it (docs/FORMATS.md), so a round with the default must not.
        ...(draft.changeFloor !== undefined && draft.changeFloor !== DEFAULT_CHANGE_FLOOR ? { changeFloor: draft.changeFloor } : {}),
        // Written only when asked, so a round without the split is stored exactly as before.
        ...(draft.bySex && figures.some(isSplitFigure) ? { bySex: true } : {}),
      },
    },
  ]);
}

/** The county closes a round (its figures can no longer change) or opens it again. */
export function roundStatusWrites(county: Org | undefined, round: ReportingRound, status: ReportingRound['status']): StatsWrites {
  if (!county) return refused('no-county');
  return done(round.status === status ? [] : [{ table: 'round', row: round.id, scope: county.code, fields: { status } }]);
}

/** A control ratio for a school level, a kind or one organisation; null = explicitly none. */
export function targetWrites(county: Org | undefined, appliesTo: TargetScope, subject: string, maxRatio: number | null): StatsWrites {
  if (!county) return refused('no-county');
  return done([{ table: 'target', row: targetRowId(appliesTo, subject), scope: county.code, fields: { appliesTo, subject, maxRatio } }]);
}

export interface TemplateStore {
  writes: WriteSpec[];
  /** Reports written. */
  stored: number;
  /** Reports whose sheet row differs but which cannot be edited now (submitted, approved, round closed). */
  locked: number;
}

/**
 * A filled template's rows, by organisation code: each report's changed figures, through the same
 * command as the grid (`figureWrites`). Rows of codes that are not reporting in this round are
 * left out (the reader already listed them as problems).
 */
export function templateWrites(
  round: ReportingRound,
  targets: ReadonlyMap<string, Omit<ReportTarget, 'round'>>,
  rows: readonly { code: string; values: Partial<Record<AnyFigure, number | null>> }[],
): TemplateStore {
  const out: TemplateStore = { writes: [], stored: 0, locked: 0 };
  for (const row of rows) {
    const target = targets.get(row.code);
    if (!target || !differs(target.report, row.values)) continue;
    const result = figureWrites({ ...target, round }, row.values);
    if (!result.ok) {
      out.locked += 1;
      continue;
    }
    out.writes.push(...result.writes);
    out.stored += 1;
  }
  return out;
}

function differs(report: StatReport | undefined, values: Partial<Record<AnyFigure, number | null>>): boolean {
  return (Object.entries(values) as [AnyFigure, number | null][]).some(([figure, value]) => (report?.[figure] ?? null) !== value);
}

export type { ReviewAction };
