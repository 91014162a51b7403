import type { Change } from '../sync/change';
import { roleKey, type HubPolicy } from '../sync/hub/design';
import { GRANTS, ROLES, type Certificate, type Grant, type Role } from './certificate';
import type { RuleRegistry } from './rules';

/*
 * What the hub's validate_doc_update may hold a device account to, derived from the trust rules
 * every PC applies (shared/trust/rules.ts) — never written out a second time. The hub sees one
 * document and the account's roles, nothing else: it cannot look up a report's organisation or the
 * row as it was. So it holds what one document shows: whether the account's role (and grants) may
 * write the table at all (each rule's `may`), and which `status` values the role may never write
 * there (each rule's `allow` asked about a status alone). Everything else — which organisation a
 * row belongs to, approved-report locks, a judge's own scores — every PC decides at import with the
 * full rules, as it does for changes arriving by USB drive.
 */

/** Every combination of grants (there are few). */
function grantSets(): Grant[][] {
  return GRANTS.reduce<Grant[][]>((sets, grant) => [...sets, ...sets.map((s) => [...s, grant])], [[]]);
}

function probeCertificate(role: Role, grants: Grant[]): Certificate {
  return { role, grants, scope: 'XX', county: 'XX', device: '0000000000000000', judging: [] } as unknown as Certificate;
}

function probeChange(table: string, fields: Record<string, unknown>): Change {
  return { id: '', hlc: '', device: '0000000000000000', author: '', table, row: 'probe', fields, base: {}, scope: 'XX', schema: 1 };
}

/**
 * The policy for these tables and their rules. `statuses`: the status values to ask each rule about
 * (a report's); `orgTable`: the table of organisations, whose rows carry their own code.
 */
export function hubPolicy(tables: Iterable<string>, rules: RuleRegistry, statuses: readonly string[], orgTable: string): HubPolicy {
  const policy: HubPolicy = { orgTable, tables: {}, statuses: {} };
  const facts = { county: 'XX', before: undefined, row: () => undefined };
  for (const table of [...tables].sort()) {
    const rule = rules.rule(table);
    if (rule === undefined) continue;
    const keys: string[] = [];
    for (const role of ROLES) {
      for (const grants of grantSets()) {
        const author = probeCertificate(role, grants);
        if (rule.may(author) !== undefined) continue;
        const key = roleKey(role, grants);
        keys.push(key);
        const refused = statuses.filter((status) => rule.allow(probeChange(table, { status }), author, facts)?.reason === 'status-not-allowed');
        if (refused.length > 0) (policy.statuses[table] ??= {})[key] = [...refused];
      }
    }
    if (keys.length > 0) policy.tables[table] = keys;
  }
  return policy;
}
