import { foldForSearch } from '../text/search';
import { daysBetween, isIsoDate } from '../domain/dates';
import { isValidPhone, normalizePhone } from './phone';
import type { Notice, NoticeStatus, Placement } from './rows';

/*
 * The rules of a job notice: its workflow, when it counts as expired, what a complete notice
 * needs, and when a new notice repeats an earlier one.
 */

/** What the list shows: the stored status, or `expired` for a published notice past its closing date. */
export type ShownStatus = NoticeStatus | 'expired';

/** draft → published → closed | filled; a closed notice may be published again (a date moved). */
export const NOTICE_TRANSITIONS: Readonly<Record<NoticeStatus, readonly NoticeStatus[]>> = {
  draft: ['published'],
  published: ['closed', 'filled'],
  closed: ['published'],
  filled: [],
};

export function canMove(from: NoticeStatus, to: NoticeStatus): boolean {
  return NOTICE_TRANSITIONS[from].includes(to);
}

/**
 * What "filled" (已招满) means: every opening went to a young person placed through the notice, so a
 * filled notice has no openings left. Placements are what the county counts as young people who
 * found work, so a notice marked filled with fewer placements claims jobs its figures do not show.
 * Never below zero: an employer may take more people than it advertised.
 */
export function openingsLeft(notice: Pick<Notice, 'id' | 'openings'>, placements: readonly Pick<Placement, 'noticeId'>[]): number {
  const placed = placements.reduce((n, p) => (p.noticeId === notice.id ? n + 1 : n), 0);
  return Math.max(0, notice.openings - placed);
}

/**
 * Expired is derived, never stored: a stored "expired" would need someone (some PC) to write it
 * on the right day, and two PCs would write it twice. The closing day itself still counts.
 */
export function shownStatus(notice: Pick<Notice, 'status' | 'closesOn'>, today: string): ShownStatus {
  return notice.status === 'published' && notice.closesOn < today ? 'expired' : notice.status;
}

export const NOTICE_FIELDS = ['employer', 'title', 'openings', 'age', 'pay', 'contactName', 'contactPhone', 'closesOn', 'issue'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];
export const NOTICE_PROBLEMS = [
  'employer-missing',
  'title-missing',
  'openings-invalid',
  'age-range-invalid',
  'pay-range-invalid',
  'contact-missing',
  'phone-invalid',
  'date-invalid',
  'closes-before-published',
  'issue-invalid',
] as const;
export type NoticeProblem = (typeof NOTICE_PROBLEMS)[number];
export interface NoticeIssue {
  field: NoticeField;
  reason: NoticeProblem;
}

const hasText = (t: { zh?: string | undefined; ug?: string | undefined }) => Boolean(t.zh?.trim() || t.ug?.trim());
const isCount = (n: number | null, min: number, max: number) => n === null || (Number.isInteger(n) && n >= min && n <= max);

/** Everything wrong with a notice before it is saved; empty when it may be saved. */
export function validateNotice(notice: Notice): NoticeIssue[] {
  const issues: NoticeIssue[] = [];
  if (!hasText(notice.employer)) issues.push({ field: 'employer', reason: 'employer-missing' });
  if (!hasText(notice.title)) issues.push({ field: 'title', reason: 'title-missing' });
  if (!Number.isInteger(notice.openings) || notice.openings < 1 || notice.openings > 10_000) issues.push({ field: 'openings', reason: 'openings-invalid' });
  if (!isCount(notice.ageMin, 14, 120) || !isCount(notice.ageMax, 14, 120) || (notice.ageMin !== null && notice.ageMax !== null && notice.ageMin > notice.ageMax)) {
    issues.push({ field: 'age', reason: 'age-range-invalid' });
  }
  if (!isCount(notice.payMin, 0, 1_000_000) || !isCount(notice.payMax, 0, 1_000_000) || (notice.payMin !== null && notice.payMax !== null && notice.payMin > notice.payMax)) {
    issues.push({ field: 'pay', reason: 'pay-range-invalid' });
  }
  if (!notice.contactName.trim() && !notice.contactNameUg?.trim()) issues.push({ field: 'contactName', reason: 'contact-missing' });
  if (!isValidPhone(notice.contactPhone)) issues.push({ field: 'contactPhone', reason: 'phone-invalid' });
  if (!isIsoDate(notice.closesOn) || (notice.publishedOn !== null && !isIsoDate(notice.publishedOn))) issues.push({ field: 'closesOn', reason: 'date-invalid' });
  else if (notice.publishedOn !== null && notice.closesOn < notice.publishedOn) issues.push({ field: 'closesOn', reason: 'closes-before-published' });
  if (notice.issue !== null && !(Number.isInteger(notice.issue) && notice.issue >= 1 && notice.issue <= 100_000)) issues.push({ field: 'issue', reason: 'issue-invalid' });
  return issues;
}

/** The notice as stored: trimmed texts, the phone without spaces. */
export function cleanNotice(notice: Notice): Notice {
  const trim = (t: Notice['employer']) => ({ ...(t.zh?.trim() ? { zh: t.zh.trim() } : {}), ...(t.ug?.trim() ? { ug: t.ug.trim() } : {}) });
  return {
    ...notice,
    employer: trim(notice.employer),
    title: trim(notice.title),
    description: trim(notice.description),
    contactName: notice.contactName.trim(),
    ...(notice.place !== undefined ? { place: notice.place.trim() } : {}),
    ...(notice.placeUg !== undefined ? { placeUg: notice.placeUg.trim() } : {}),
    ...(notice.contactNameUg !== undefined ? { contactNameUg: notice.contactNameUg.trim() } : {}),
    contactPhone: normalizePhone(notice.contactPhone),
  };
}

/** How many days apart two notices may be and still be the same one posted twice. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** The day a notice counts from: its publishing date, or when it was entered. */
export const noticeDay = (n: Pick<Notice, 'publishedOn' | 'createdOn'>): string => n.publishedOn ?? n.createdOn;

const sameText = (a: Notice['title'], b: Notice['title']): boolean => {
  const same = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && x.trim() !== '' && foldForSearch(x.trim()) === foldForSearch(y.trim());
  return same(a.zh, b.zh) || same(a.ug, b.ug);
};

/**
 * Earlier notices this one repeats: the same employer and the same title (in either language,
 * compared folded: case, Uyghur letter forms and spaces at the ends do not matter) dated within
 * 30 days of it, before or after. A warning, not a refusal: an employer may really hire twice.
 */
export function findDuplicates(notice: Notice, others: readonly Notice[]): Notice[] {
  const day = noticeDay(notice);
  return others.filter(
    (o) => o.id !== notice.id && Math.abs(daysBetween(noticeDay(o), day)) <= DUPLICATE_WINDOW_DAYS && sameText(o.employer, notice.employer) && sameText(o.title, notice.title),
  );
}
