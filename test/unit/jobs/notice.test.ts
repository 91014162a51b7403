import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { canMove, findDuplicates, shownStatus, validateNotice } from '../../../shared/jobs/notice';
import { noticeSchema, NOTICE_STATUSES } from '../../../shared/jobs/rows';
import { closeInsteadWrites, deleteNoticeWrites, moveNoticeWrites, saveNoticeWrites, savePlacementWrites } from '../../../shared/jobs/writes';
import { notice, placement } from './fixtures';
import { NOTICE_TABLE } from '../../../shared/jobs/tables';
import { storedRowSchema } from '../../../shared/sync/tables';

describe('notice schema and checks', () => {
  it('a complete notice passes its row schema (as stored, with _deleted) and the form checks', () => {
    expect(noticeSchema.safeParse(notice()).success).toBe(true);
    expect(storedRowSchema(NOTICE_TABLE).safeParse({ ...notice(), _deleted: true }).success).toBe(true);
    expect(validateNotice(notice())).toEqual([]);
  });

  it('the row schema refuses impossible dates, zero openings and unknown statuses', () => {
    expect(noticeSchema.safeParse(notice({ closesOn: '2025-02-30' })).success).toBe(false);
    expect(noticeSchema.safeParse(notice({ openings: 0 })).success).toBe(false);
    expect(noticeSchema.safeParse({ ...notice(), status: 'expired' }).success).toBe(false);
  });

  it('the form names each problem with its field and reason code', () => {
    const issues = validateNotice(notice({ employer: {}, title: { zh: ' ' }, ageMin: 30, ageMax: 20, payMin: 5000, payMax: 3000, contactPhone: '123', closesOn: '2025-02-01' }));
    expect(issues).toEqual([
      { field: 'employer', reason: 'employer-missing' },
      { field: 'title', reason: 'title-missing' },
      { field: 'age', reason: 'age-range-invalid' },
      { field: 'pay', reason: 'pay-range-invalid' },
      { field: 'contactPhone', reason: 'phone-invalid' },
      { field: 'closesOn', reason: 'closes-before-published' },
    ]);
  });

  it('a title in one language only is enough', () => {
    expect(validateNotice(notice({ title: { ug: 'كاسسىر' }, employer: { zh: '超市' } }))).toEqual([]);
  });
});

describe('status workflow', () => {
  it('runs draft → published → closed or filled; only a closed notice can be published again', () => {
    expect(canMove('draft', 'published')).toBe(true);
    expect(canMove('draft', 'closed')).toBe(false);
    expect(canMove('published', 'filled')).toBe(true);
    expect(canMove('closed', 'published')).toBe(true);
    expect(canMove('filled', 'published')).toBe(false);
  });

  it('publishing for the first time dates the notice today; a refused move writes nothing', () => {
    const draft = notice({ status: 'draft', publishedOn: null });
    const moved = moveNoticeWrites(draft, 'published', '2025-04-02', 'LT');
    expect(moved).toEqual({ ok: true, writes: [{ table: 'notice', row: 'n1', fields: { status: 'published', publishedOn: '2025-04-02' }, scope: 'LT' }] });
    expect(moveNoticeWrites(notice({ status: 'filled' }), 'published', '2025-04-02', 'LT')).toEqual({ ok: false, reason: 'transition-not-allowed' });
  });

  it('a published notice shows as expired only after its closing day', () => {
    const n = notice({ closesOn: '2025-03-31' });
    expect(shownStatus(n, '2025-03-31')).toBe('published');
    expect(shownStatus(n, '2025-04-01')).toBe('expired');
    expect(shownStatus({ ...n, status: 'closed' }, '2025-05-01')).toBe('closed');
    expect(shownStatus({ ...n, status: 'draft' }, '2025-05-01')).toBe('draft');
  });

  it('expired is exactly "published and past the closing date" (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOTICE_STATUSES), fc.integer({ min: -400, max: 400 }), (status, offset) => {
        const today = addDays('2025-06-15', offset);
        const shown = shownStatus({ status, closesOn: '2025-06-15' }, today);
        expect(shown === 'expired').toBe(status === 'published' && offset > 0);
        if (shown !== 'expired') expect(shown).toBe(status);
      }),
    );
  });
});

describe('duplicate warning', () => {
  const earlier = notice({ id: 'old', publishedOn: '2025-03-01' });

  it('warns for the same employer and title within 30 days, either language, folded', () => {
    expect(findDuplicates(notice({ id: 'new', publishedOn: '2025-03-31' }), [earlier])).toEqual([earlier]);
    expect(findDuplicates(notice({ id: 'new', publishedOn: null, createdOn: '2025-02-01', employer: { ug: ' بۈگۈر ناھىيەلىك بەخت تاللا بازىرى ' }, title: { ug: 'كاسسىر' } }), [earlier])).toEqual([earlier]);
  });

  it('does not warn after 30 days, for another title or employer, or for the notice itself', () => {
    expect(findDuplicates(notice({ id: 'new', publishedOn: '2025-04-01' }), [earlier])).toEqual([]);
    expect(findDuplicates(notice({ id: 'new', title: { zh: '会计' } }), [earlier])).toEqual([]);
    expect(findDuplicates(notice({ id: 'new', employer: { zh: '轮台县宾馆' } }), [earlier])).toEqual([]);
    expect(findDuplicates(earlier, [earlier])).toEqual([]);
  });

  it('is symmetric and holds exactly within the window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -90, max: 90 }), (offset) => {
        const other = notice({ id: 'new', publishedOn: addDays('2025-03-01', offset) });
        const found = findDuplicates(other, [earlier]).length === 1;
        expect(found).toBe(Math.abs(offset) <= 30);
        expect(findDuplicates(earlier, [other]).length === 1).toBe(found);
      }),
    );
  });
});

describe('writes', () => {
  it('an edit writes only the fields that changed; the phone is stored without spaces', () => {
    const before = notice();
    const result = saveNoticeWrites({ ...before, payMax: 3500, contactPhone: '138 1234 5678' }, before, 'LT');
    expect(result).toEqual({ ok: true, writes: [{ table: 'notice', row: 'n1', fields: { payMax: 3500, contactPhone: '13812345678' }, scope: 'LT' }] });
    expect(saveNoticeWrites(before, before, 'LT')).toEqual({ ok: true, writes: [] });
  });

  it('an invalid notice is refused with its issues', () => {
    const result = saveNoticeWrites(notice({ contactPhone: '555' }), undefined, 'LT');
    expect(result).toMatchObject({ ok: false, reason: 'notice-invalid', issues: [{ field: 'contactPhone', reason: 'phone-invalid' }] });
  });

  it('a notice with placements cannot be deleted, but can be closed instead', () => {
    const n = notice();
    expect(deleteNoticeWrites(n, [placement()], 'LT')).toEqual({ ok: false, reason: 'notice-has-placements' });
    expect(deleteNoticeWrites(n, [placement({ noticeId: 'other' })], 'LT')).toMatchObject({ ok: true, writes: [{ fields: { _deleted: true } }] });
    expect(closeInsteadWrites(n, 'LT')).toMatchObject({ ok: true, writes: [{ fields: { status: 'closed' } }] });
  });

  it('a placement must point at a live notice and pass its schema', () => {
    expect(savePlacementWrites(placement(), undefined, new Set(['n1']), 'LT')).toMatchObject({ ok: true });
    expect(savePlacementWrites(placement(), undefined, new Set(), 'LT')).toEqual({ ok: false, reason: 'notice-deleted' });
    expect(savePlacementWrites(placement({ age: 9 }), undefined, new Set(['n1']), 'LT')).toEqual({ ok: false, reason: 'placement-invalid' });
    expect(savePlacementWrites(placement({ phone: '1381234' }), undefined, new Set(['n1']), 'LT')).toEqual({ ok: false, reason: 'placement-invalid' });
  });
});
