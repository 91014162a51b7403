import { ORG_KINDS, type Org, type OrgKind, type SchoolLevel } from '../../../../shared/domain/org';
import { nextChildCode } from '../../../../shared/orgs/codes';
import { CHILD_KINDS, isKindAllowedUnder } from '../../../../shared/orgs/kinds';
import type { OrgDraft } from '../../../../shared/orgs/validate';

/** What the form dialog was opened for. */
export type FormMode = { kind: 'create'; parent: Org } | { kind: 'createRoot' } | { kind: 'edit'; org: Org };

/** The form's fields, as typed. */
export interface FormState {
  nameZh: string;
  nameUg: string;
  kind: OrgKind;
  code: string;
  secretaryName: string;
  secretaryPhone: string;
  schoolLevel: SchoolLevel | '';
  founded: string;
}

/** The kinds the form offers: what the parent may lead (the county alone for a root). */
export function kindChoices(mode: FormMode, byId: ReadonlyMap<string, Org>): OrgKind[] {
  if (mode.kind === 'createRoot') return ['county'];
  if (mode.kind === 'create') return [...CHILD_KINDS[mode.parent.kind]];
  const parent = mode.org.parentId === null ? null : (byId.get(mode.org.parentId) ?? null);
  return ORG_KINDS.filter((k) => k === mode.org.kind || isKindAllowedUnder(k, parent?.kind ?? null));
}

/** A code suggestion for a new child: the next free one under the parent. */
export function suggestedCode(mode: FormMode, orgs: readonly Org[]): string {
  return mode.kind === 'create' ? (nextChildCode(mode.parent, orgs) ?? '') : '';
}

export function initialState(mode: FormMode, orgs: readonly Org[], byId: ReadonlyMap<string, Org>): FormState {
  if (mode.kind === 'edit') {
    const o = mode.org;
    return {
      nameZh: o.name.zh ?? '',
      nameUg: o.name.ug ?? '',
      kind: o.kind,
      code: o.code,
      secretaryName: o.secretaryName ?? '',
      secretaryPhone: o.secretaryPhone ?? '',
      schoolLevel: o.schoolLevel ?? '',
      founded: o.founded ?? '',
    };
  }
  const kinds = kindChoices(mode, byId);
  // Most new organisations under a committee are branches; start there when it is allowed.
  const kind = kinds.includes('branch') ? 'branch' : (kinds[0] ?? 'county');
  return { nameZh: '', nameUg: '', kind, code: suggestedCode(mode, orgs), secretaryName: '', secretaryPhone: '', schoolLevel: '', founded: '' };
}

/** The organisation the form describes, ready for createOrgWrites / editOrgWrites. */
export function draftOf(mode: FormMode, state: FormState, newId: string): OrgDraft {
  const base = mode.kind === 'edit' ? mode.org : undefined;
  return {
    id: base?.id ?? newId,
    parentId: mode.kind === 'create' ? mode.parent.id : (base?.parentId ?? null),
    archived: base?.archived,
    name: { zh: state.nameZh, ug: state.nameUg },
    kind: state.kind,
    code: state.code.trim(),
    secretaryName: state.secretaryName,
    secretaryPhone: state.secretaryPhone,
    founded: state.founded,
    schoolLevel: state.kind === 'school' && state.schoolLevel !== '' ? state.schoolLevel : undefined,
  };
}
