import type { Org } from '../domain/org';
import { isIsoDate } from '../domain/dates';
import { isWithinScope } from '../sync/scope';
import { isDirectChildCode, isRootCode, isWellFormedCode } from './codes';
import { isKindAllowedUnder } from './kinds';
import type { OrgIssue } from './reasons';
import { ancestorIds, subtreeIds } from './tree';

/** An organisation as a form holds it: like `Org`, but `archived` may be left out for a new one. */
export type OrgDraft = Omit<Org, 'archived'> & { archived?: boolean };

// Chinese mobile numbers (optionally +86), and landlines with a 3–4 digit area code
// (Luntai: 0996) and a 7–8 digit number, the hyphen optional.
const MOBILE = /^(?:\+?86)?1[3-9][0-9]{9}$/;
const LANDLINE = /^0[0-9]{2,3}-?[0-9]{7,8}$/;

/**
 * Whether a phone number is one a secretary could be called on. Full-width digits (typed with a
 * Chinese input method) and spaces are forgiven; a mobile number may also be grouped with hyphens.
 */
export function isValidPhone(phone: string): boolean {
  const compact = phone.normalize('NFKC').replace(/\s+/gu, '');
  return MOBILE.test(compact.replaceAll('-', '')) || LANDLINE.test(compact);
}


const blank = (text: string | undefined): boolean => !text || text.trim() === '';

/**
 * Everything wrong with a new or edited organisation, given the whole tree (which may contain the
 * organisation itself, as it was before the edit). An empty list means it can be saved.
 */
export function validateOrg(draft: OrgDraft, orgs: readonly Org[]): OrgIssue[] {
  const issues: OrgIssue[] = [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const others = orgs.filter((o) => o.id !== draft.id);

  if (blank(draft.name.zh) && blank(draft.name.ug)) issues.push({ field: 'name', reason: 'name-required' });

  const parent = draft.parentId === null ? null : byId.get(draft.parentId);
  if (parent === undefined) issues.push({ field: 'parentId', reason: 'parent-not-found' });
  else if (parent?.archived && !draft.archived) issues.push({ field: 'parentId', reason: 'parent-archived' });
  if (parent === null && others.some((o) => o.parentId === null)) issues.push({ field: 'parentId', reason: 'root-exists' });
  if (parent !== undefined && !isKindAllowedUnder(draft.kind, parent?.kind ?? null)) {
    issues.push({ field: 'kind', reason: 'kind-not-allowed-here' });
  }
  if (orgs.some((o) => o.parentId === draft.id && o.id !== draft.id && !isKindAllowedUnder(o.kind, draft.kind))) {
    issues.push({ field: 'kind', reason: 'kind-conflicts-with-children' });
  }

  const code = draft.code;
  if (!isWellFormedCode(code) || (parent === null && !isRootCode(code))) {
    issues.push({ field: 'code', reason: 'code-invalid' });
  } else if (parent && !isDirectChildCode(code, parent.code)) {
    issues.push({ field: 'code', reason: 'code-not-under-parent' });
  } else {
    // Its subtree will be renumbered under the new code, so any code already lying under that
    // code elsewhere would collide too, not only an equal one.
    const own = new Set(byId.has(draft.id) ? subtreeIds(orgs, draft.id) : [draft.id]);
    if (orgs.some((o) => !own.has(o.id) && isWithinScope(o.code, code))) issues.push({ field: 'code', reason: 'code-taken' });
  }

  if (!blank(draft.secretaryPhone) && !isValidPhone(draft.secretaryPhone!)) issues.push({ field: 'secretaryPhone', reason: 'phone-invalid' });
  if (!blank(draft.founded) && !isIsoDate(draft.founded!.trim())) issues.push({ field: 'founded', reason: 'founded-invalid' });

  if (draft.schoolLevel !== undefined && draft.kind !== 'school') {
    // A class branch may carry its school's level (shared/stats/targets.ts reads it), but only
    // inside a school committee.
    const inSchool = parent ? [parent.id, ...ancestorIds(byId, parent.id)].some((id) => byId.get(id)?.kind === 'school') : false;
    if (!inSchool) issues.push({ field: 'schoolLevel', reason: 'school-level-not-here' });
  }
  return issues;
}
