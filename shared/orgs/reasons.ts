/**
 * Why a change to the organisation tree is refused. Each is a message key `orgs:errors.<reason>`
 * in both languages.
 */
export const ORG_REASONS = [
  'name-required',
  'code-invalid',
  'code-taken',
  'code-not-under-parent',
  'county-code-fixed',
  'kind-not-allowed-here',
  'kind-conflicts-with-children',
  'phone-invalid',
  'founded-invalid',
  'school-level-not-here',
  'parent-not-found',
  'parent-archived',
  'root-exists',
  'org-not-found',
  'move-into-own-subtree',
  'same-parent',
  'root-cannot-archive',
  'already-archived',
  'not-archived',
] as const;
export type OrgReason = (typeof ORG_REASONS)[number];

/** The form fields a reason is shown on. */
export type OrgField = 'name' | 'code' | 'kind' | 'parentId' | 'secretaryPhone' | 'founded' | 'schoolLevel';

export interface OrgIssue {
  field: OrgField;
  reason: OrgReason;
}
