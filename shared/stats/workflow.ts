import type { ReportingRound, ReportStatus, StatReport } from '../domain/stats';
import { submissionBlockers, type Issue } from './validation';

/**
 * The review workflow of a statistical report (DOMAIN.md "Review"):
 *
 *   draft ──submit──► submitted ──approve──► approved (locked)
 *                       │    ▲                  │
 *                    return  submit           reopen (county, with a comment)
 *                       ▼    │                  │
 *                      returned ◄───────────────┘
 *
 * Figures (and their notes) can be edited only in `draft` and `returned`. `return` and `reopen` need a
 * comment, which the township sees. `transition` answers with the fields to write (one change through
 * the repository, so sync merges them and the change log keeps who and when) or a refusal code; the
 * UI shows the refusal under `stats:workflow.<code>`.
 */

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Who takes each action: the township enters and submits; the county reviews. */
export const ACTION_TAKEN_BY: Readonly<Record<ReviewAction, 'township' | 'county'>> = {
  submit: 'township',
  approve: 'county',
  return: 'county',
  reopen: 'county',
};

export const TRANSITION_REFUSALS = [
  /** `submit` on a report that is already submitted. */
  'already-submitted',
  /** Anything but `reopen` on an approved report: it is locked. */
  'locked',
  /** `approve` or `return` on a report that is not submitted (a draft, or returned and not yet resubmitted). */
  'not-submitted',
  /** `reopen` on a report that is not approved. */
  'not-approved',
  /** `return` or `reopen` without a comment (blank does not count). */
  'comment-required',
  /** `submit` while a validation error stands (only when `issues` are given). */
  'has-errors',
  /** `submit` while a warning has no comment on its figure (only when `issues` are given). */
  'warnings-need-comment',
  /** `submit` of a report with no figure filled in (only when `issues` are given). */
  'empty-report',
] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

/** The workflow fields a transition writes; only these, and only those that change. */
export type WorkflowFields = Partial<
  Pick<StatReport, 'status' | 'submittedAt' | 'firstSubmittedAt' | 'approvedAt' | 'returnedAt' | 'returnComment'>
>;

export type TransitionResult = { ok: true; fields: WorkflowFields } | { ok: false; reason: TransitionRefusal };

export interface TransitionOptions {
  /** Required for `return` and `reopen`; stored trimmed as `returnComment`. */
  comment?: string;
  /** When the action happens; written as an ISO instant in UTC. */
  now: Date;
  /**
   * For `submit`: the report's current validation issues (`validateReport`). When given, submission
   * is refused while `canSubmit` would say no (errors, uncommented warnings, nothing filled in).
   */
  issues?: readonly Issue[];
}

/** A report, or any part of one that has its status (figures and notes are read only for `issues`). */
export type TransitionSubject = Pick<StatReport, 'status'> & Partial<StatReport>;

function refusalFor(status: ReportStatus, action: ReviewAction): TransitionRefusal | null {
  if (action === 'reopen') return status === 'approved' ? null : 'not-approved';
  if (status === 'approved') return 'locked';
  if (action === 'submit') return status === 'submitted' ? 'already-submitted' : null;
  return status === 'submitted' ? null : 'not-submitted';
}

/**
 * What an action does to a report: the fields to write, or why it is refused.
 * - submit (draft | returned → submitted): `submittedAt` = now; `firstSubmittedAt` = now the first
 *   time (an older report's `submittedAt` is kept as its first submission). The last return comment
 *   stays, as the context of the correction.
 * - approve (submitted → approved): `approvedAt` = now.
 * - return (submitted → returned) and reopen (approved → returned): `returnComment`, `returnedAt` = now.
 * Throws a RangeError for an invalid `now`.
 */
export function transition(report: TransitionSubject, action: ReviewAction, options: TransitionOptions): TransitionResult {
  const at = options.now.getTime();
  if (Number.isNaN(at)) throw new RangeError('transition: invalid time');
  const now = new Date(at).toISOString();
  const refusal = refusalFor(report.status, action);
  if (refusal !== null) return { ok: false, reason: refusal };

  switch (action) {
    case 'submit': {
      if (options.issues) {
        const blockers = submissionBlockers(report, options.issues, report.notes);
        if (blockers.errors.length > 0) return { ok: false, reason: 'has-errors' };
        if (blockers.uncommented.length > 0) return { ok: false, reason: 'warnings-need-comment' };
        if (blockers.empty) return { ok: false, reason: 'empty-report' };
      }
      const fields: WorkflowFields = { status: 'submitted', submittedAt: now };
      if (report.firstSubmittedAt === undefined) fields.firstSubmittedAt = report.submittedAt ?? now;
      return { ok: true, fields };
    }
    case 'approve':
      return { ok: true, fields: { status: 'approved', approvedAt: now } };
    case 'return':
    case 'reopen': {
      const comment = options.comment?.trim() ?? '';
      if (comment === '') return { ok: false, reason: 'comment-required' };
      return { ok: true, fields: { status: 'returned', returnComment: comment, returnedAt: now } };
    }
  }
}

/** The actions allowed from a status (the buttons to offer), comment and validation aside. */
export function availableActions(status: ReportStatus): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => refusalFor(status, action) === null);
}

/** Why a report's figures (and their notes, and its template row) cannot be edited now. */
export type EditRefusal = 'round-closed' | 'under-review' | 'locked';

/**
 * THE editability rule, for the entry grid, the notes, the template import and submission alike:
 * a report can be edited while its round is open and it is a draft, returned, or not started yet
 * (no report). Otherwise: `round-closed` (the county closed the round), `under-review` (submitted),
 * `locked` (approved). Null when it can be edited.
 */
export function editRefusal(round: Pick<ReportingRound, 'status'>, report?: Pick<StatReport, 'status'>): EditRefusal | null {
  if (round.status !== 'open') return 'round-closed';
  if (report?.status === 'submitted') return 'under-review';
  if (report?.status === 'approved') return 'locked';
  return null;
}
