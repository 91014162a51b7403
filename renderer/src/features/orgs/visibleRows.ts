import type { Org } from '../../../../shared/domain/org';

/** One line of the tree as shown: where it sits, for aria-level / aria-posinset / aria-setsize. */
export interface TreeRow {
  org: Org;
  level: number;
  posinset: number;
  setsize: number;
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The lines of the tree that are on screen: the roots and the children of every expanded line,
 * depth first. Archived organisations are left out unless asked for. Walking down from the roots
 * cannot loop: an organisation in a cycle (a bad merge of two moves) has no way up to a root, so it
 * is never reached; `unreachableCount` says how many there are.
 */
export function visibleRows(children: ReadonlyMap<string | null, Org[]>, expanded: ReadonlySet<string>, showArchived: boolean): TreeRow[] {
  const shown = (parentId: string | null) => (children.get(parentId) ?? []).filter((o) => showArchived || !o.archived);
  const rows: TreeRow[] = [];
  const visit = (parentId: string | null, level: number) => {
    const list = shown(parentId);
    list.forEach((org, i) => {
      const hasChildren = shown(org.id).length > 0;
      const open = hasChildren && expanded.has(org.id);
      rows.push({ org, level, posinset: i + 1, setsize: list.length, hasChildren, expanded: open });
      if (open) visit(org.id, level + 1);
    });
  };
  visit(null, 1);
  return rows;
}

/** How many organisations cannot be reached from a root (their parent is missing, or a cycle). */
export function unreachableCount(orgs: readonly Org[], children: ReadonlyMap<string | null, Org[]>): number {
  const seen = new Set<string>();
  const stack = [...(children.get(null) ?? [])];
  while (stack.length > 0) {
    const org = stack.pop()!;
    if (seen.has(org.id)) continue;
    seen.add(org.id);
    stack.push(...(children.get(org.id) ?? []));
  }
  return orgs.length - seen.size;
}
