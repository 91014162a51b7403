import type { Org } from '../domain/org';
import type { BilingualText } from '../i18n/lang';
import type { WriteSpec } from '../sync/write';
import { commonScope, isDirectChildCode, isWellFormedCode, nextChildCode, rebaseCode } from './codes';
import { isKindAllowedUnder } from './kinds';
import type { OrgIssue, OrgReason } from './reasons';
import { subtreeIds } from './tree';
import { validateOrg, type OrgDraft } from './validate';

/*
 * Every change to the tree as the batch of writes that makes it (store.repo.write takes the batch
 * in one transaction, so a half-moved subtree can never be stored). Only fields that change are
 * written: each write is a synced change that wins its field everywhere, so rewriting an unchanged
 * field would overwrite a colleague's concurrent edit of it for nothing.
 */

export type Refusal = { ok: false; reason: OrgReason };
export type Checked = { ok: true; writes: WriteSpec[] } | { ok: false; issues: OrgIssue[] };

const OPTIONAL_TEXT = ['secretaryName', 'secretaryPhone', 'founded'] as const;

function cleanName(name: BilingualText): BilingualText {
  const out: BilingualText = {};
  if (name.zh?.trim()) out.zh = name.zh.trim();
  if (name.ug?.trim()) out.ug = name.ug.trim();
  return out;
}

/** A new organisation: validated, trimmed, empty optional fields left out, not archived. */
export function createOrgWrites(draft: OrgDraft, orgs: readonly Org[]): Checked {
  const row: OrgDraft = { ...draft, archived: false };
  const issues = validateOrg(row, orgs);
  if (issues.length > 0) return { ok: false, issues };
  const fields: Record<string, unknown> = {
    code: draft.code,
    name: cleanName(draft.name),
    kind: draft.kind,
    parentId: draft.parentId,
    archived: false,
  };
  for (const key of OPTIONAL_TEXT) if (draft[key]?.trim()) fields[key] = draft[key].trim();
  if (draft.schoolLevel !== undefined) fields.schoolLevel = draft.schoolLevel;
  return { ok: true, writes: [{ table: 'org', row: draft.id, scope: draft.code, fields }] };
}

/**
 * An edit of an existing organisation's own fields. Its place in the tree changes only by
 * `moveSubtree`, so `parentId` is kept. A changed code renumbers its whole subtree. A cleared text
 * field is written as '' (a change cannot carry "no value"); the school level cannot be cleared
 * at all, so it is kept when the draft has none.
 */
export function editOrgWrites(draft: OrgDraft, orgs: readonly Org[]): Checked | Refusal {
  const before = orgs.find((o) => o.id === draft.id);
  if (!before) return { ok: false, reason: 'org-not-found' };
  const after: Org = {
    ...draft,
    parentId: before.parentId,
    archived: before.archived,
    schoolLevel: draft.schoolLevel ?? before.schoolLevel,
  };
  const issues = validateOrg(after, orgs);
  // The county's code is how bundles recognise the county (shared/sync/county.ts, the bundle's
  // scope checks); renaming it would orphan every change already made and shared.
  if (before.parentId === null && after.code !== before.code) issues.push({ field: 'code', reason: 'county-code-fixed' });
  if (issues.length > 0) return { ok: false, issues };

  const fields: Record<string, unknown> = {};
  const name = cleanName(after.name);
  if ((before.name.zh ?? '') !== (name.zh ?? '') || (before.name.ug ?? '') !== (name.ug ?? '')) fields.name = name;
  if (after.kind !== before.kind) fields.kind = after.kind;
  if (after.code !== before.code) fields.code = after.code;
  for (const key of OPTIONAL_TEXT) {
    const value = after[key]?.trim() ?? '';
    if (value !== (before[key] ?? '')) fields[key] = value;
  }
  if (after.schoolLevel !== before.schoolLevel) fields.schoolLevel = after.schoolLevel;

  const writes: WriteSpec[] = Object.keys(fields).length > 0 ? [{ table: 'org', row: after.id, scope: after.code, fields }] : [];
  if (after.code !== before.code) writes.push(...renumber(orgs, before.id, before.code, after.code).slice(1));
  return { ok: true, writes };
}

/** Code writes for a subtree whose root goes from code `from` to `to`, the root's first. */
function renumber(orgs: readonly Org[], rootId: string, from: string, to: string, scope?: string): WriteSpec[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return subtreeIds(orgs, rootId).map((id) => {
    const code = rebaseCode(byId.get(id)!.code, from, to);
    return { table: 'org', row: id, scope: scope ?? code, fields: { code } };
  });
}

export type Moved = { ok: true; writes: WriteSpec[]; moved: number; code: string };

/**
 * Moves an organisation and everything under it to a new parent: the root gets the new parentId
 * and a code under the new parent (`code`, else the next free one), and every code in the subtree
 * is rewritten under it, in one batch.
 *
 * The scope of these writes is the code both the old and the new parent lie within: the move
 * concerns both places, so an officer of one township cannot give a branch to, or take one from,
 * another township unnoticed.
 */
export function moveSubtree(orgs: readonly Org[], orgId: string, newParentId: string, options: { code?: string } = {}): Moved | Refusal {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const org = byId.get(orgId);
  if (!org) return { ok: false, reason: 'org-not-found' };
  const parent = byId.get(newParentId);
  if (!parent) return { ok: false, reason: 'parent-not-found' };
  const subtree = subtreeIds(orgs, orgId);
  if (subtree.includes(newParentId)) return { ok: false, reason: 'move-into-own-subtree' };
  if (org.parentId === newParentId) return { ok: false, reason: 'same-parent' };
  if (!isKindAllowedUnder(org.kind, parent.kind)) return { ok: false, reason: 'kind-not-allowed-here' };
  if (parent.archived && !org.archived) return { ok: false, reason: 'parent-archived' };

  const code = options.code ?? nextChildCode(parent, orgs);
  if (code === null) return { ok: false, reason: 'code-taken' };
  if (!isWellFormedCode(code)) return { ok: false, reason: 'code-invalid' };
  if (!isDirectChildCode(code, parent.code)) return { ok: false, reason: 'code-not-under-parent' };
  const own = new Set(subtree);
  if (orgs.some((o) => !own.has(o.id) && (o.code === code || o.code.startsWith(`${code}-`)))) return { ok: false, reason: 'code-taken' };

  const oldParentCode = org.parentId === null ? org.code : (byId.get(org.parentId)?.code ?? org.code);
  const scope = commonScope(oldParentCode, parent.code) ?? parent.code;
  const writes = renumber(orgs, orgId, org.code, code, scope);
  writes[0]!.fields.parentId = newParentId;
  return { ok: true, writes, moved: subtree.length, code };
}

export type Archived = { ok: true; writes: WriteSpec[]; archivedIds: string[] };

/**
 * Archives an organisation and whatever under it is still active: they leave new rounds and the
 * everyday tree, while every report keeps their figures for the periods they existed (nothing is
 * deleted). `archivedIds` is exactly what this archived, for an undo.
 */
export function archiveOrg(orgs: readonly Org[], orgId: string): Archived | Refusal {
  const org = orgs.find((o) => o.id === orgId);
  if (!org) return { ok: false, reason: 'org-not-found' };
  if (org.parentId === null) return { ok: false, reason: 'root-cannot-archive' };
  if (org.archived) return { ok: false, reason: 'already-archived' };
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const archivedIds = subtreeIds(orgs, orgId).filter((id) => !byId.get(id)!.archived);
  const writes: WriteSpec[] = archivedIds.map((id) => ({ table: 'org', row: id, scope: byId.get(id)!.code, fields: { archived: true } }));
  return { ok: true, writes, archivedIds };
}

/**
 * Brings back one archived organisation (not what lies under it: that may have been archived on
 * its own, earlier). Refused while its parent is archived.
 */
export function unarchiveOrg(orgs: readonly Org[], orgId: string): { ok: true; writes: WriteSpec[] } | Refusal {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const org = byId.get(orgId);
  if (!org) return { ok: false, reason: 'org-not-found' };
  if (!org.archived) return { ok: false, reason: 'not-archived' };
  if (org.parentId !== null && byId.get(org.parentId)?.archived) return { ok: false, reason: 'parent-archived' };
  return { ok: true, writes: [{ table: 'org', row: orgId, scope: org.code, fields: { archived: false } }] };
}

/** Undoes an `archiveOrg`: exactly the organisations it archived become active again. */
export function undoArchiveWrites(orgs: readonly Org[], archivedIds: readonly string[]): WriteSpec[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return archivedIds.flatMap((id) => {
    const org = byId.get(id);
    return org?.archived ? [{ table: 'org' as const, row: id, scope: org.code, fields: { archived: false } }] : [];
  });
}
