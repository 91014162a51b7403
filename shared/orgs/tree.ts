import type { Org } from '../domain/org';
import { compareCodePoints } from '../i18n/collate';

/*
 * Walking the organisation tree. Every walk keeps a set of visited ids: the rules here never let
 * a cycle form, but a merge of two PCs' concurrent moves could, and a screen must not hang on it.
 */

/** Children of each organisation, in code order; roots under the key `null`. */
export function childrenByParent<T extends Pick<Org, 'id' | 'code' | 'parentId'>>(orgs: readonly T[]): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const org of orgs) {
    const list = out.get(org.parentId);
    if (list) list.push(org);
    else out.set(org.parentId, [org]);
  }
  for (const list of out.values()) list.sort((a, b) => compareCodePoints(a.code, b.code));
  return out;
}

/** The ids of an organisation and everything under it, the organisation first, depth first. */
export function subtreeIds(orgs: readonly Pick<Org, 'id' | 'code' | 'parentId'>[], rootId: string): string[] {
  const children = childrenByParent(orgs);
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    const below = children.get(id) ?? [];
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!.id);
  }
  return out;
}

/** The ids above an organisation, its parent first, up to the root. */
export function ancestorIds(orgsById: ReadonlyMap<string, Pick<Org, 'parentId'>>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  for (let at = orgsById.get(id)?.parentId ?? null; at !== null && !seen.has(at); at = orgsById.get(at)?.parentId ?? null) {
    seen.add(at);
    out.push(at);
  }
  return out;
}
