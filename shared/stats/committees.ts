import type { Org } from '../domain/org';
import type { StatReport } from '../domain/stats';

/**
 * Groups reports under the county's direct children (township, school and working committees, …):
 * each report counts toward the one direct child of the root whose subtree holds its organisation.
 * A report of the root itself belongs to no committee. The full roll-up over any organisation and
 * period lives with the statistics feature; this is the overview's one level.
 */
export function reportsByCommittee(orgs: Org[], rootId: string, reports: StatReport[]): Map<string, StatReport[]> {
  const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
  const committeeOf = new Map<string, string | null>();
  function committee(orgId: string): string | null {
    const known = committeeOf.get(orgId);
    if (known !== undefined) return known;
    const parent = parentOf.get(orgId);
    // Guard against a cycle left by a bad merge: walking more steps than there are orgs means one.
    let result: string | null = null;
    if (orgId === rootId || parent === undefined || parent === null) result = null;
    else if (parent === rootId) result = orgId;
    else {
      committeeOf.set(orgId, null);
      result = committee(parent);
    }
    committeeOf.set(orgId, result);
    return result;
  }
  const out = new Map<string, StatReport[]>();
  for (const o of orgs) if (o.parentId === rootId) out.set(o.id, []);
  for (const r of reports) {
    const c = committee(r.orgId);
    if (c !== null) out.get(c)?.push(r);
  }
  return out;
}
