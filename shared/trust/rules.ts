import type { Change } from '../sync/change';
import type { Certificate } from './certificate';
import type { RuleReason } from './reasons';

/*
 * What a table's authorization rule is given and answers. Rules are per table and come from a
 * registry handed in, because each feature will register its own (issue 13): the trust core knows
 * no table. Each feature declares its tables' rules (shared/<feature>/rules.ts, from the pieces in
 * ruleParts.ts) and the registry hands them in (shared/feature/registry.ts `rules`).
 *
 * A rule answers three questions, asked in this order:
 * - `may`: whether the author's role (and what the county granted it) may write this table at all;
 * - `place`: which organisations the row belongs to, before and after this change (a report: its
 *   organisation's code; a notice: its township's). The caller checks every code against the
 *   county and the author's scope, so no rule can forget to. A row tied to no organisation (a
 *   PC's own name, a judge's score) answers no codes.
 * - `allow`: whether the author's role may write these fields and this transition.
 *
 * Both see the row as it was just before the change, formed by the authorized changes stamped
 * before it (never by refused ones), and can look up other rows in that same state (an
 * organisation's code). Neither sees the change's own `scope` field: the writer chose it, so it
 * proves nothing.
 */

export interface RowFacts {
  /** The home county's code (from its authority). */
  county: string;
  /** The row's fields just before the change; undefined for a new row. */
  before: Readonly<Record<string, unknown>> | undefined;
  /** Another row in the same state (e.g. `row('org', orgId)`). */
  row(table: string, id: string): Readonly<Record<string, unknown>> | undefined;
}

export interface RuleRefusal {
  reason: RuleReason;
  /** The field that is not allowed, where there is one. */
  field?: string;
}

export type Placement = { ok: true; codes: string[] } | ({ ok: false } & RuleRefusal);

/**
 * What a rule reads of a change: which row, what it writes, and which PC names it (a PC's own row).
 * Narrower than a change, so the UI can ask the same rules about a write it has not made yet
 * (shared/trust/standing.ts `mayWrite`).
 */
export type RuleChange = Pick<Change, 'table' | 'row' | 'device' | 'fields'>;

export interface TableRule {
  may(author: Certificate): RuleRefusal | undefined;
  place(change: RuleChange, facts: RowFacts): Placement;
  allow(change: RuleChange, author: Certificate, facts: RowFacts): RuleRefusal | undefined;
}

export interface RuleRegistry {
  rule(table: string): TableRule | undefined;
}

/** A registry from a plain table → rule record (own properties only: `rule('__proto__')` is none). */
export function ruleRegistry(rules: Readonly<Record<string, TableRule>>): RuleRegistry {
  const map = new Map(Object.entries(rules));
  return { rule: (table) => map.get(table) };
}
