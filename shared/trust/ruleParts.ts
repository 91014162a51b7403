import type { Certificate } from './certificate';
import type { Placement, RowFacts, RuleChange, RuleRefusal, TableRule } from './rules';

/*
 * The pieces table rules are made of (rules.ts). Each feature writes its tables' rules from these,
 * in its own folder (shared/<feature>/rules.ts), and declares them with its tables; the registry
 * (shared/feature/registry.ts) composes them. The trust core names no table.
 */

export const refuse = (reason: RuleRefusal['reason'], field?: string): RuleRefusal => (field === undefined ? { reason } : { reason, field });

/** The value a change leaves a field at: its own if it writes it, else the row's. */
export function after(change: RuleChange, facts: RowFacts, field: string): unknown {
  return Object.hasOwn(change.fields, field) ? change.fields[field] : facts.before?.[field];
}

/** Rows of county-wide tables belong to the county. */
export const atCounty = (_change: RuleChange, facts: RowFacts): Placement => ({ ok: true, codes: [facts.county] });
/** A row tied to no organisation (a PC's own name, a judge's score): its rule decides alone. */
export const nowhere = (): Placement => ({ ok: true, codes: [] });

/** Which roles may write a table at all. */
export const roles =
  (...allowed: Certificate['role'][]) =>
  (author: Certificate): RuleRefusal | undefined =>
    allowed.includes(author.role) ? undefined : refuse('role-not-allowed');
export const nothingMore = (): undefined => undefined;

/** A table only the county administrator writes, whose rows belong to the county. */
export const countyTable: TableRule = { may: roles('countyAdmin'), place: atCounty, allow: nothingMore };
