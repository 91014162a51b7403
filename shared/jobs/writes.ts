import { ethnicityToStore } from '../domain/ethnicity';
import { DELETED_FIELD } from '../sync/change';
import type { WriteSpec } from '../sync/write';
import { canMove, cleanNotice, validateNotice, type NoticeIssue } from './notice';
import { normalizePhone } from './phone';
import { placementSchema, type Notice, type NoticeStatus, type Placement } from './rows';

/*
 * The writes behind every job action, as WriteSpecs for the repository: pure, so the rules are
 * tested without a database, and an edit writes only the fields that changed (per-field merge:
 * a PC that changed the pay and one that changed the phone both keep their change).
 */

export type WritesResult = { ok: true; writes: WriteSpec[] } | { ok: false; reason: JobRefusal; issues?: NoticeIssue[] };
export const JOB_REFUSALS = ['notice-invalid', 'transition-not-allowed', 'notice-has-placements', 'placement-invalid', 'notice-deleted'] as const;
export type JobRefusal = (typeof JOB_REFUSALS)[number];


function changedFields<T extends { id: string }>(next: T, previous: T | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'id' || value === undefined) continue;
    if (previous && JSON.stringify((previous as Record<string, unknown>)[key]) === JSON.stringify(value)) continue;
    fields[key] = value;
  }
  return fields;
}

/** Creates (previous undefined) or edits a notice; refused while the form has problems. */
export function saveNoticeWrites(draft: Notice, previous: Notice | undefined, scope: string): WritesResult {
  const notice = cleanNotice(draft);
  const issues = validateNotice(notice);
  if (issues.length > 0) return { ok: false, reason: 'notice-invalid', issues };
  const fields = changedFields(notice, previous);
  // The Uyghur sides of place and contact go in a change of their own: a build that does not know
  // them parks that change alone and still applies the notice (a change is parked whole).
  const uyghur: Record<string, unknown> = {};
  for (const field of UYGHUR_SIDE_FIELDS) {
    if (!(field in fields)) continue;
    // An empty side is written only to clear one that was there (a merged field cannot be unset).
    if (fields[field] !== '' || (previous?.[field] ?? '') !== '') uyghur[field] = fields[field];
    delete fields[field];
  }
  const spec = (f: Record<string, unknown>): WriteSpec[] => (Object.keys(f).length === 0 ? [] : [{ table: 'notice', row: notice.id, fields: f, scope }]);
  return { ok: true, writes: [...spec(fields), ...spec(uyghur)] };
}

/** Fields added after the first release, each the Uyghur side of a field older builds hold. */
const UYGHUR_SIDE_FIELDS = ['placeUg', 'contactNameUg'] as const;

/** Moves a notice along its workflow; publishing for the first time dates it today. */
export function moveNoticeWrites(notice: Notice, to: NoticeStatus, today: string, scope: string): WritesResult {
  if (!canMove(notice.status, to)) return { ok: false, reason: 'transition-not-allowed' };
  const fields: Record<string, unknown> = { status: to };
  if (to === 'published' && notice.publishedOn === null) fields['publishedOn'] = today;
  // Re-publishing a closed notice whose closing date has passed would show it as expired at once:
  // the person is asked to move the date first (the form), so it is not silently moved here.
  return { ok: true, writes: [{ table: 'notice', row: notice.id, fields, scope }] };
}

/**
 * Deletes a notice. One that led to placements is refused: deleting it would leave placements
 * pointing at nothing; the person is offered to close it instead (closeInsteadWrites).
 */
export function deleteNoticeWrites(notice: Notice, placements: readonly Placement[], scope: string): WritesResult {
  if (placements.some((p) => p.noticeId === notice.id)) return { ok: false, reason: 'notice-has-placements' };
  return { ok: true, writes: [{ table: 'notice', row: notice.id, fields: { [DELETED_FIELD]: true }, scope }] };
}

/** Keeps a notice and its placements, and takes it out of circulation. */
export function closeInsteadWrites(notice: Notice, scope: string): WritesResult {
  if (notice.status === 'closed' || notice.status === 'filled') return { ok: true, writes: [] };
  // A draft that somehow has placements goes through published (dated) to closed, in one write.
  const fields: Record<string, unknown> = { status: 'closed' };
  if (notice.publishedOn === null) fields['publishedOn'] = notice.createdOn;
  return { ok: true, writes: [{ table: 'notice', row: notice.id, fields, scope }] };
}

/** Undoes a delete (the snackbar's Undo): a delete is a field, so is its undoing. */
export function restoreWrites(table: 'notice' | 'placement', id: string, scope: string): WriteSpec[] {
  return [{ table, row: id, fields: { [DELETED_FIELD]: false }, scope }];
}

/** Records or edits a placement; its notice must exist (not deleted). */
export function savePlacementWrites(draft: Placement, previous: Placement | undefined, liveNoticeIds: ReadonlySet<string>, scope: string): WritesResult {
  if (!liveNoticeIds.has(draft.noticeId)) return { ok: false, reason: 'notice-deleted' };
  const cleaned: Placement = {
    ...draft,
    name: draft.name.trim(),
    // A group's name (typed by an older build, or in the row being edited) is stored as its code.
    ...(draft.ethnicity !== undefined ? { ethnicity: ethnicityToStore(draft.ethnicity) } : {}),
    ...(draft.phone !== undefined ? { phone: normalizePhone(draft.phone) } : {}),
  };
  if (!placementSchema.safeParse(cleaned).success) return { ok: false, reason: 'placement-invalid' };
  const fields = changedFields(cleaned, previous);
  return { ok: true, writes: Object.keys(fields).length === 0 ? [] : [{ table: 'placement', row: cleaned.id, fields, scope }] };
}

export function deletePlacementWrites(placement: Placement, scope: string): WriteSpec[] {
  return [{ table: 'placement', row: placement.id, fields: { [DELETED_FIELD]: true }, scope }];
}
