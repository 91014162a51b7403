import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, statReportSchema, type ReportStatus, type StatReport } from '../../../shared/domain/stats';
import { validateReport } from '../../../shared/stats/validation';
import {
  ACTION_TAKEN_BY,
  REVIEW_ACTIONS,
  TRANSITION_REFUSALS,
  availableActions,
  editRefusal,
  transition,
  type ReviewAction,
} from '../../../shared/stats/workflow';

const now = new Date('2026-01-15T03:04:05.678Z');
const at = now.toISOString();
const base: StatReport = { id: 'r', roundId: 'round', orgId: 'b1', period: '2025', status: 'draft', members: 10, youth1435: 40, youth1428: 20 };
const inStatus = (status: ReportStatus, extra: Partial<StatReport> = {}): StatReport => ({ ...base, status, ...extra });

describe('allowed transitions', () => {
  it('submit: a draft becomes submitted, with the time of this and of the first submission', () => {
    expect(transition(inStatus('draft'), 'submit', { now })).toEqual({
      ok: true,
      fields: { status: 'submitted', submittedAt: at, firstSubmittedAt: at },
    });
  });

  it('submit after correction: a returned report becomes submitted again, its first submission kept', () => {
    const returned = inStatus('returned', { firstSubmittedAt: '2026-01-02T00:00:00.000Z', submittedAt: '2026-01-02T00:00:00.000Z', returnComment: 'fix' });
    expect(transition(returned, 'submit', { now })).toEqual({ ok: true, fields: { status: 'submitted', submittedAt: at } });
  });

  it('a report submitted before firstSubmittedAt existed keeps its old submission time as the first', () => {
    const old = inStatus('returned', { submittedAt: '2026-01-02T00:00:00.000Z' });
    expect(transition(old, 'submit', { now })).toEqual({
      ok: true,
      fields: { status: 'submitted', submittedAt: at, firstSubmittedAt: '2026-01-02T00:00:00.000Z' },
    });
  });

  it('approve: submitted becomes approved, with the time', () => {
    expect(transition(inStatus('submitted'), 'approve', { now })).toEqual({ ok: true, fields: { status: 'approved', approvedAt: at } });
  });

  it('return: submitted becomes returned with the comment, trimmed', () => {
    expect(transition(inStatus('submitted'), 'return', { now, comment: '  团员数与上季度差距大，请核对 \n' })).toEqual({
      ok: true,
      fields: { status: 'returned', returnComment: '团员数与上季度差距大，请核对', returnedAt: at },
    });
  });

  it('reopen: the county takes an approved report back to returned, with a comment', () => {
    expect(transition(inStatus('approved'), 'reopen', { now, comment: 'القايتا تەكشۈرۈڭ' })).toEqual({
      ok: true,
      fields: { status: 'returned', returnComment: 'القايتا تەكشۈرۈڭ', returnedAt: at },
    });
    expect(ACTION_TAKEN_BY.reopen).toBe('county');
    expect(ACTION_TAKEN_BY.submit).toBe('township');
  });
});

describe('refusals, each with its reason code', () => {
  const refused = (status: ReportStatus, action: ReviewAction, comment = 'c') => transition(inStatus(status), action, { now, comment });

  it('already-submitted: submitting a submitted report', () => {
    expect(refused('submitted', 'submit')).toEqual({ ok: false, reason: 'already-submitted' });
  });

  it('locked: anything but reopen on an approved report', () => {
    for (const action of ['submit', 'approve', 'return'] as const) expect(refused('approved', action), action).toEqual({ ok: false, reason: 'locked' });
  });

  it('not-submitted: approving or returning a draft or a returned report', () => {
    for (const status of ['draft', 'returned'] as const) {
      expect(refused(status, 'approve')).toEqual({ ok: false, reason: 'not-submitted' });
      expect(refused(status, 'return')).toEqual({ ok: false, reason: 'not-submitted' });
    }
  });

  it('not-approved: reopening a report that is not approved', () => {
    for (const status of ['draft', 'submitted', 'returned'] as const) expect(refused(status, 'reopen')).toEqual({ ok: false, reason: 'not-approved' });
  });

  it('comment-required: returning or reopening without a comment, or with a blank one', () => {
    expect(transition(inStatus('submitted'), 'return', { now })).toEqual({ ok: false, reason: 'comment-required' });
    expect(transition(inStatus('submitted'), 'return', { now, comment: ' \n\t' })).toEqual({ ok: false, reason: 'comment-required' });
    expect(transition(inStatus('approved'), 'reopen', { now, comment: '' })).toEqual({ ok: false, reason: 'comment-required' });
  });

  it('has-errors: submitting with a validation error, when the issues are given', () => {
    const report = inStatus('draft', { newMembers: 11 });
    expect(transition(report, 'submit', { now, issues: validateReport(report) })).toEqual({ ok: false, reason: 'has-errors' });
  });

  it('warnings-need-comment: submitting with a warning that has no note on its figure', () => {
    const report = inStatus('draft', { members: 19 });
    const issues = validateReport(report, { previous: { members: 10 } });
    expect(transition(report, 'submit', { now, issues })).toEqual({ ok: false, reason: 'warnings-need-comment' });
    expect(transition({ ...report, notes: { members: '新建了两个团支部' } }, 'submit', { now, issues }).ok).toBe(true);
  });

  it('empty-report: submitting a report with no figure, when the issues are given', () => {
    const empty: StatReport = { id: 'e', roundId: 'round', orgId: 'b1', period: '2025', status: 'draft' };
    expect(transition(empty, 'submit', { now, issues: [] })).toEqual({ ok: false, reason: 'empty-report' });
    expect(transition(empty, 'submit', { now }).ok).toBe(true);
  });

  it('the status check comes first: a submitted report is already-submitted even with errors', () => {
    const report = inStatus('submitted', { newMembers: 11 });
    expect(transition(report, 'submit', { now, issues: validateReport(report) })).toEqual({ ok: false, reason: 'already-submitted' });
  });

  it('an invalid time throws', () => {
    expect(() => transition(inStatus('draft'), 'submit', { now: new Date('nope') })).toThrow(RangeError);
  });
});

describe('the workflow as a whole', () => {
  it('follows draft → submitted → approved | returned, returned → submitted, approved → returned by reopen only (property)', () => {
    const allowed = new Set(['draft>submit>submitted', 'returned>submit>submitted', 'submitted>approve>approved', 'submitted>return>returned', 'approved>reopen>returned']);
    fc.assert(
      fc.property(fc.constantFrom(...REPORT_STATUSES), fc.constantFrom(...REVIEW_ACTIONS), fc.option(fc.string()), (status, action, comment) => {
        const result = transition(inStatus(status), action, { now, ...(comment === null ? {} : { comment }) });
        if (result.ok) {
          expect(allowed.has(`${status}>${action}>${result.fields.status}`)).toBe(true);
          // The fields written are valid report fields.
          expect(statReportSchema.safeParse({ ...inStatus(status), ...result.fields }).success).toBe(true);
        } else {
          expect(TRANSITION_REFUSALS).toContain(result.reason);
        }
      }),
    );
  });

  it('walks the end-to-end story: submit, return, correct, resubmit, approve, reopen', () => {
    let report = inStatus('draft');
    const step = (action: ReviewAction, comment?: string) => {
      const result = transition(report, action, { now, ...(comment ? { comment } : {}) });
      if (!result.ok) throw new Error(result.reason);
      report = { ...report, ...result.fields };
    };
    step('submit');
    step('return', 'please check members');
    expect(editRefusal({ status: 'open' }, report)).toBeNull();
    report = { ...report, members: 12 };
    step('submit');
    step('approve');
    expect(report).toMatchObject({ status: 'approved', returnComment: 'please check members', firstSubmittedAt: at, approvedAt: at });
    expect(editRefusal({ status: 'open' }, report)).toBe('locked');
    step('reopen', 'county correction');
    expect(report.status).toBe('returned');
  });

  it('availableActions offers exactly the actions that are not refused by status', () => {
    expect(availableActions('draft')).toEqual(['submit']);
    expect(availableActions('submitted')).toEqual(['approve', 'return']);
    expect(availableActions('approved')).toEqual(['reopen']);
    expect(availableActions('returned')).toEqual(['submit']);
  });
});

describe('editing figures (one rule for the grid, notes, template import and submission)', () => {
  it('is allowed only in an open round, for a report not started, a draft or a returned one', () => {
    expect(editRefusal({ status: 'open' })).toBeNull();
    expect(REPORT_STATUSES.filter((status) => editRefusal({ status: 'open' }, { status }) === null)).toEqual(['draft', 'returned']);
  });

  it('says why not: under-review when submitted, locked when approved, round-closed once the round is closed', () => {
    expect(REPORT_STATUSES.map((status) => editRefusal({ status: 'open' }, { status }))).toEqual([null, 'under-review', 'locked', null]);
    expect([undefined, ...REPORT_STATUSES].map((status) => editRefusal({ status: 'closed' }, status && { status }))).toEqual(Array(5).fill('round-closed'));
  });
});

describe('the report schema keeps its fields and gains notes and workflow times', () => {
  it('accepts notes per figure and the workflow times', () => {
    const report = {
      ...base,
      status: 'approved',
      notes: { members: '两个班级新入团', youth1428: 'ئىزاھات' },
      firstSubmittedAt: at,
      submittedAt: at,
      approvedAt: at,
      returnedAt: at,
      returnComment: 'c',
    };
    expect(statReportSchema.safeParse(report).success).toBe(true);
  });

  it('refuses a note on something that is not a figure', () => {
    expect(statReportSchema.safeParse({ ...base, notes: { ratio: 'x' } }).success).toBe(false);
    expect(statReportSchema.safeParse({ ...base, notes: { members: 3 } }).success).toBe(false);
  });

  it('still accepts a report without any of the new fields', () => {
    expect(statReportSchema.safeParse(base).success).toBe(true);
  });
});
