import type { Org } from '../domain/org';

/**
 * A function giving, for any organisation id, the direct child of the root (township, school or
 * working committee, …) whose subtree holds it: itself for a direct child, null for the root, for an
 * organisation not under the root, one not in `orgs`, or one caught in a cycle left by a bad merge.
 * Each organisation is walked once (memoized), so resolving every organisation is O(n).
 */
export function committeeResolver(orgs: readonly Org[], rootId: string): (orgId: string) => string | null {
  const parentOf = new Map<string, string | null>();
  for (const o of orgs) if (!parentOf.has(o.id)) parentOf.set(o.id, o.parentId);
  const known = new Map<string, string | null>();
  return (orgId) => {
    const cached = known.get(orgId);
    if (cached !== undefined) return cached;
    // Walk up until the answer is known; then every organisation on the way gets it.
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null | undefined = orgId;
    let result: string | null = null;
    for (;;) {
      if (id === null || id === undefined || id === rootId || onPath.has(id)) break;
      const hit = known.get(id);
      if (hit !== undefined) {
        result = hit;
        break;
      }
      const parent = parentOf.get(id);
      if (parent === undefined) break; // not in orgs
      path.push(id);
      onPath.add(id);
      if (parent === rootId) {
        result = id;
        break;
      }
      id = parent;
    }
    // On a path that reached the root, the answer is the last one below it for every node on it.
    for (const p of path) known.set(p, result);
    return result;
  };
}
