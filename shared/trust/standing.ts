import type { Change } from '../sync/change';
import { formatStamp } from '../sync/hlc';
import type { MergedRow } from '../sync/row';
import { authenticate, authorize, checkRule, type RuleVerdict } from './authorize';
import type { Certificate, Grant, Role } from './certificate';
import type { TrustView } from './chain';
import { AcceptedRows } from './decide';
import type { PublicKey } from './keys';
import type { ChangeReason } from './reasons';
import type { RowFacts, RuleRegistry } from './rules';
import { stampTime } from './schemas';

/*
 * This PC's standing: what the county's records held here say it may do, judged by the same pure
 * functions an import uses (chain.ts for the certificates, authorize.ts for the revocation cut and
 * the validity) — a change this PC would write now is authenticated as any other PC's change is.
 *
 * - `home-unverified`: a county authority is pinned but its record does not verify here: nothing is
 *   authorized, nothing written (failing closed, not falling back to `alone`).
 * - `alone`: no county authority pinned (works alone, or before setup): nothing is decided, every
 *   write is this PC's own business.
 * - `not-enrolled`: a county is pinned but no certificate of this county stands for this PC's key
 *   (it has asked to join, or loaded data of a county that never enrolled it). It works alone too:
 *   its writes are sealed, applied here, and kept aside elsewhere until its certificate arrives.
 * - `revoked`, `expired` (or not yet valid): the county's certificate no longer covers a write made
 *   now; nothing may be written, and the PC says why.
 * - `enrolled`: the certificate that governs a write made now — role, scope, grants, judging.
 */

export type Standing =
  | { state: 'alone' }
  | { state: 'home-unverified'; reason: 'home-unverified' }
  | { state: 'not-enrolled'; county: string; demo: boolean; reason: ChangeReason }
  | { state: 'revoked' | 'expired' | 'not-yet-valid'; county: string; demo: boolean; reason: ChangeReason }
  | { state: 'enrolled'; county: string; demo: boolean; certificate: Certificate; role: Role; scope: string; grants: readonly Grant[] };

/** What this PC's standing is decided from: the view of the county's records (none while alone), and its own key. */
export interface StandingInputs {
  trust: TrustView | undefined;
  /**
   * A county authority is pinned here but its record does not verify (damaged, or a signature kind
   * this runtime cannot check). The PC does not fall back to working alone — that would let
   * everything in and write anything: nothing is authorized until the record is set right.
   */
  homeUnverified?: true;
  device: string;
  key: PublicKey;
}

/** This PC's standing for a write stamped at `now` (ms). */
export function deviceStanding({ trust, homeUnverified, device, key }: StandingInputs, now: number): Standing {
  if (homeUnverified) return { state: 'home-unverified', reason: 'home-unverified' };
  if (trust === undefined) return { state: 'alone' };
  const county = trust.county;
  const demo = trust.demo;
  // A change written now: stamped now, sealed by this PC's key in a seal no revocation has seen.
  const verdict = authenticate({ device, hlc: formatStamp(now, 0, device) }, { keys: [key], seals: [] }, trust);
  if (verdict.ok) {
    const certificate = verdict.certificate.record;
    return { state: 'enrolled', county, demo, certificate, role: certificate.role, scope: certificate.scope, grants: certificate.grants };
  }
  switch (verdict.reason) {
    case 'revoked':
    case 'revoked-unseen':
      return { state: 'revoked', county, demo, reason: verdict.reason };
    case 'certificate-expired':
      return { state: 'expired', county, demo, reason: verdict.reason };
    case 'certificate-not-yet-valid':
      return { state: 'not-yet-valid', county, demo, reason: verdict.reason };
    default:
      return { state: 'not-enrolled', county, demo, reason: verdict.reason };
  }
}

/** Whether this PC's writes are decided at all: alone and not enrolled, it works on its own. */
export function isGoverned(standing: Standing): standing is Exclude<Standing, { state: 'alone' } | { state: 'not-enrolled' }> {
  return standing.state !== 'alone' && standing.state !== 'not-enrolled';
}

/** A write the UI is about to offer: its table, row, the fields it would write, and the row as shown. */
export interface WriteIntent {
  table: string;
  row?: string;
  fields: Readonly<Record<string, unknown>>;
  /** The row's fields as held (undefined for a new row). */
  before?: Readonly<Record<string, unknown>>;
}

/**
 * Whether this PC may make a write: the table's rule for an enrolled PC (checkRule, the step
 * `authorize` runs), nothing for a revoked or lapsed one, anything for one that works alone.
 * `row` looks up another row as held (an organisation, to place a report by its code).
 */
export function mayWrite(standing: Standing, rules: RuleRegistry, intent: WriteIntent, device: string, row: RowFacts['row']): RuleVerdict | undefined {
  if (!isGoverned(standing)) return undefined;
  if (standing.state !== 'enrolled') return { reason: standing.reason };
  const change = { table: intent.table, row: intent.row ?? '', device, fields: intent.fields };
  return checkRule(change, standing.certificate, rules, { county: standing.county, before: intent.before, row });
}

/**
 * Whether this PC's role may write a table at all (the rule's first question, `may`): for what is
 * offered before any row is chosen — a "new round" button, the organisation tree's edit actions.
 */
export function mayWriteTable(standing: Standing, rules: RuleRegistry, table: string): RuleVerdict | undefined {
  if (!isGoverned(standing)) return undefined;
  if (standing.state !== 'enrolled') return { reason: standing.reason };
  const rule = rules.rule(table);
  if (rule === undefined) return { reason: 'no-rule', detail: { table } };
  const barred = rule.may(standing.certificate);
  return barred === undefined ? undefined : { reason: barred.reason, detail: { role: standing.role, table } };
}

export interface LocalRefusal {
  change: Change;
  reason: ChangeReason;
  detail?: Readonly<Record<string, string>>;
}

/**
 * The local write gate: the first of a batch's changes (in order) this PC may not write, by the
 * same `authorize` an import runs, against the rows as held (`held`) with the batch's earlier
 * changes applied. Undefined when all may be written — or when the PC works alone.
 */
export function localRefusal(changes: readonly Change[], inputs: StandingInputs & { rules: RuleRegistry; held: (table: string, id: string) => MergedRow | undefined }): LocalRefusal | undefined {
  const { trust } = inputs;
  const first = changes[0];
  if (first === undefined) return undefined;
  const standing = deviceStanding(inputs, Date.parse(stampTime(first.hlc)));
  if (standing.state === 'home-unverified') return { change: first, reason: standing.reason };
  if (trust === undefined || !isGoverned(standing)) return undefined;
  const rows = new AcceptedRows(inputs.held);
  const row = (table: string, id: string) => rows.get(table, id);
  for (const change of changes) {
    const verdict = authorize(change, { trust, sealed: { keys: [inputs.key], seals: [] }, rules: inputs.rules, facts: { county: trust.county, before: row(change.table, change.row), row } });
    if (!verdict.ok) return { change, reason: verdict.reason, ...(verdict.detail === undefined ? {} : { detail: verdict.detail }) };
    rows.apply(change);
  }
  return undefined;
}
