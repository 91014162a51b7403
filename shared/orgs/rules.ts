import { valuesEqual } from '../sync/canonical';
import { after, refuse, roles } from '../trust/ruleParts';
import type { Placement, RowFacts, RuleChange, TableRule } from '../trust/rules';

/**
 * The codes of the organisations a row is tied to through `field` (an organisation id), before and
 * after the change; `null` stands for the county itself (a county-wide notice). For the rules of
 * every feature whose rows belong to an organisation (a report, a notice).
 */
export function orgCodesThrough(change: RuleChange, facts: RowFacts, field: string): Placement {
  const ids = new Set<unknown>([facts.before?.[field], change.fields[field]].filter((id) => id !== undefined));
  if (ids.size === 0) return { ok: false, reason: 'row-org-unknown' };
  const codes: string[] = [];
  for (const id of ids) {
    if (id === null) {
      codes.push(facts.county);
      continue;
    }
    const code = typeof id === 'string' ? facts.row('org', id)?.code : undefined;
    if (typeof code !== 'string') return { ok: false, reason: 'row-org-unknown' };
    codes.push(code);
  }
  return { ok: true, codes };
}

const ORG_ROOT_FIELDS = ['code', 'parentId', 'kind', 'archived', '_deleted'];

/**
 * Organisations: the county administrator writes them. The county's own organisation (the root of
 * the tree) is fixed: its code, parent, kind, and whether it is deleted or archived cannot change,
 * and no other organisation may become a root. Which county is home is its authority's, never a
 * row's (shared/trust/chain.ts).
 */
export const ORG_RULE: TableRule = {
  may: roles('countyAdmin'),
  place(change, facts) {
    const codes = [...new Set([facts.before?.code, change.fields.code].filter((code): code is string => typeof code === 'string'))];
    return codes.length > 0 ? { ok: true, codes } : { ok: false, reason: 'row-org-unknown' };
  },
  allow(change, _author, facts) {
    const isRoot = facts.before !== undefined && facts.before.parentId === null;
    if (isRoot) {
      for (const field of ORG_ROOT_FIELDS) {
        if (Object.hasOwn(change.fields, field) && !valuesEqual(change.fields[field], facts.before![field])) return refuse('county-root-fixed', field);
      }
      return undefined;
    }
    // A new root is only the county's own organisation, written once at setup.
    if (after(change, facts, 'parentId') === null) {
      if (facts.before !== undefined || change.fields.code !== facts.county || change.fields.kind !== 'county') return refuse('second-root', 'parentId');
    } else if (after(change, facts, 'kind') === 'county') {
      return refuse('second-root', 'kind');
    }
    return undefined;
  },
};
