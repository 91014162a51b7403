import type { Change } from '../sync/change';
import { isWithinScope } from '../sync/scope';
import type { Certificate } from './certificate';
import { newestCertificate, type CertificateStanding, type TrustView } from './chain';
import { keyId, type PublicKey } from './keys';
import type { Checked } from './material';
import type { ChangeReason, StandingReason } from './reasons';
import type { Revocation } from './revocation';
import type { RowFacts, RuleChange, RuleRegistry } from './rules';
import { stampTime } from './schemas';

/*
 * The one rule: may this change, signed as it is, be applied? Every PC runs it, at local write and
 * at import, with the same inputs — the change, what the county has signed (TrustView), the table
 * rules, and the row as the authorized changes before it left it — and so every PC gives the same
 * answer. It is synchronous and pure: signatures were checked before (material.ts, verify.ts).
 *
 * In order, each step's refusal naming the first thing wrong:
 *  1. the author's certificate: one that stands (signed by this county's authority, not retired),
 *     for the key that sealed the change (`unknown-device`, `certificate-untrusted`,
 *     `other-county`, `wrong-key`);
 *  2. not revoked at this change (`revoked`, `revoked-unseen`);
 *  3. valid at the change's stamp (`certificate-not-yet-valid`, `certificate-expired`);
 *  4. the table's rule: the role may write the table at all; the row's organisations lie inside the
 *     county and the author's scope; the role may write these fields and this transition (rules.ts;
 *     each table's rule is its feature's, shared/<feature>/rules.ts, handed in by the registry).
 *
 * Certificate validity is judged by the change's stamp, which its PC wrote: an honest PC's stamps
 * are right, and a dishonest one is stopped by revocation, which is cut where the county's
 * knowledge ended, not by the PC's clock (revocation.ts).
 */

/** A change whose seal holds: the keys and seals that vouch for it (verify.ts). */
export interface Sealed {
  keys: readonly PublicKey[];
  seals: readonly string[];
}

export type Verdict = { ok: true; certificate: Checked<Certificate> } | { ok: false; reason: ChangeReason; detail?: Readonly<Record<string, string>> };

export interface AuthorizeContext {
  trust: TrustView;
  sealed: Sealed;
  rules: RuleRegistry;
  facts: RowFacts;
}

export function authorize(change: Change, context: AuthorizeContext): Verdict {
  const author = authenticate(change, context.sealed, context.trust);
  if (!author.ok) return author;
  const refused = checkRule(change, author.certificate.record, context.rules, context.facts);
  return refused === undefined ? author : { ok: false, ...refused };
}

export interface RuleVerdict {
  reason: ChangeReason;
  detail?: Readonly<Record<string, string>>;
}

/**
 * Step 4 alone: whether a certified author may write this change — the table's rule, and every
 * organisation the row belongs to inside the county and the author's scope. The UI asks it of a
 * write it has not made yet (standing.ts `mayWrite`), so a button shows exactly when the write
 * would be authorized.
 */
export function checkRule(change: RuleChange, certificate: Certificate, rules: RuleRegistry, facts: RowFacts): RuleVerdict | undefined {
  const rule = rules.rule(change.table);
  if (rule === undefined) return { reason: 'no-rule', detail: { table: change.table } };
  const barred = rule.may(certificate);
  if (barred !== undefined) return { reason: barred.reason, detail: { role: certificate.role, table: change.table } };
  const placed = rule.place(change, facts);
  if (!placed.ok) return { reason: placed.reason };
  for (const code of placed.codes) {
    if (!isWithinScope(code, facts.county)) return { reason: 'outside-county', detail: { code } };
    if (!isWithinScope(code, certificate.scope)) return { reason: 'outside-scope', detail: { code, scope: certificate.scope } };
  }
  const refused = rule.allow(change, certificate, facts);
  if (refused !== undefined) return { reason: refused.reason, detail: refused.field === undefined ? { role: certificate.role } : { role: certificate.role, field: refused.field } };
  return undefined;
}

/**
 * Steps 1–3: the certificate the change is written under, or why there is none. Of several that
 * fit, the latest issued governs (the county's last word on that PC), ties broken by serial and id.
 */
export function authenticate(change: Pick<Change, 'device' | 'hlc'>, sealed: Sealed, trust: TrustView): Verdict {
  const held = trust.certificates.get(change.device);
  if (held === undefined || held.length === 0) return { ok: false, reason: 'unknown-device' };
  const standing = held.filter((c) => c.standing.trusted);
  if (standing.length === 0) return untrusted(held);
  const forKey = standing.filter((c) => sealed.keys.some((key) => keyId(key) === keyId(c.checked.record.key)));
  if (forKey.length === 0) return { ok: false, reason: 'wrong-key' };

  for (const revocation of trust.revocations.get(change.device) ?? []) {
    const cut = revokedAt(change, sealed, revocation.record);
    if (cut !== undefined) return { ok: false, reason: cut, detail: { frontier: revocation.record.frontier, cause: revocation.record.cause } };
  }

  const time = stampTime(change.hlc);
  const valid = forKey.filter(({ checked: { record } }) => record.validFrom <= time && time < record.validTo);
  if (valid.length === 0) {
    const early = forKey.every(({ checked: { record } }) => time < record.validFrom);
    return { ok: false, reason: early ? 'certificate-not-yet-valid' : 'certificate-expired' };
  }
  return { ok: true, certificate: newestCertificate(valid)! };
}

/** Why a change falls on the far side of a revocation, if it does. */
function revokedAt(change: Pick<Change, 'hlc'>, sealed: Sealed, revocation: Revocation): 'revoked' | 'revoked-unseen' | undefined {
  if (revocation.frontier === '' || change.hlc > revocation.frontier) return 'revoked';
  return sealed.seals.some((id) => seenSet(revocation).has(id)) ? undefined : 'revoked-unseen';
}

const seenSets = new WeakMap<Revocation, Set<string>>();
function seenSet(revocation: Revocation): Set<string> {
  let set = seenSets.get(revocation);
  if (set === undefined) seenSets.set(revocation, (set = new Set(revocation.seen)));
  return set;
}

/** Another county's certificate says so; anything else that does not stand is untrusted. */
const STANDING_ORDER: readonly StandingReason[] = ['issuer-retired', 'issuer-not-county', 'bad-signature', 'unsupported-algorithm', 'other-county'];

function untrusted(held: readonly CertificateStanding[]): Verdict {
  const reasons = held.map((c) => (c.standing.trusted ? 'other-county' : c.standing.reason));
  const first = STANDING_ORDER.find((reason) => reasons.includes(reason)) ?? 'issuer-not-county';
  if (first === 'other-county') return { ok: false, reason: 'other-county', detail: { county: held[0]!.checked.record.county } };
  if (first === 'unsupported-algorithm') return { ok: false, reason: 'unsupported-algorithm' };
  return { ok: false, reason: 'certificate-untrusted', detail: { certificate: first } };
}

