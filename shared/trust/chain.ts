import { firstGeneration, generationAfter, nextGeneration, type AuthorityRecord, type Generation, type Succession } from './authorityRecords';
import type { Certificate } from './certificate';
import { keyId } from './keys';
import type { Checked } from './material';
import type { StandingReason } from './reasons';
import type { Revocation } from './revocation';

/*
 * Who speaks for the county, and which certificates and revocations it has signed: a pure function
 * of the records held, whatever order they came in.
 *
 * The county is its home authority record (pinned by every PC at setup or enrollment). Its key is
 * the first generation; a succession signed by a generation's authority key or its recovery key,
 * naming that generation's key as `previous`, adds the next generation. Nothing else adds one: not
 * another county's records, not an organisation row, not a self-signed record claiming the same
 * county code. The search runs to a fixed point over the set, so the answer cannot depend on order.
 *
 * A generation that has been succeeded is retired at the earliest `at` of its successions: its
 * certificates and revocations dated up to then stand, those it signed later do not
 * (`issuer-retired`). This keeps a replaced PC from issuing after its handover; it cannot stop
 * someone who stole the old key from backdating (nothing offline can) — for that, the county
 * revokes what was issued and, if need be, sets up anew.
 */

export interface AuthorityGeneration {
  generation: Generation;
  /** When a succession handed it on (the earliest, if several). */
  retiredAt?: string;
}

export type Standing = { trusted: true } | { trusted: false; reason: StandingReason };

export interface CertificateStanding {
  checked: Checked<Certificate>;
  standing: Standing;
}

export interface TrustView {
  home: Checked<AuthorityRecord>;
  county: string;
  demo: boolean;
  /** The county's authority keys by key id. Empty when the home record's own signature fails. */
  authorities: ReadonlyMap<string, AuthorityGeneration>;
  /** Every certificate held, by device, with whether it stands. */
  certificates: ReadonlyMap<string, readonly CertificateStanding[]>;
  /** The revocations that stand, by device. */
  revocations: ReadonlyMap<string, readonly Checked<Revocation>[]>;
}

export function authorityGenerations(home: Checked<AuthorityRecord>, successions: readonly Checked<Succession>[]): Map<string, AuthorityGeneration> {
  const generations = new Map<string, AuthorityGeneration>();
  if (home.signature !== 'valid') return generations;
  generations.set(keyId(home.record.key), { generation: firstGeneration(home.record) });
  const usable = successions.filter((s) => s.signature === 'valid' && s.record.county === home.record.county);
  const signedByGeneration = (s: Succession) => {
    const previous = generations.get(s.previous);
    if (previous === undefined) return false;
    const signer = keyId(s.signer);
    return signer === s.previous || signer === keyId(previous.generation.recovery.key);
  };
  for (let added = true; added; ) {
    added = false;
    for (const { record } of usable) {
      if (!signedByGeneration(record)) continue;
      const id = keyId(record.key);
      if (!generations.has(id)) {
        generations.set(id, { generation: nextGeneration(record) });
        added = true;
      }
    }
  }
  for (const { record } of usable) {
    if (!signedByGeneration(record)) continue;
    const previous = generations.get(record.previous)!;
    if (previous.retiredAt === undefined || record.at < previous.retiredAt) previous.retiredAt = record.at;
  }
  return generations;
}

/** Whether a record signed by an authority (certificate, revocation) is the county's word. */
export function standingOf(
  checked: Checked<{ county: string; issued: string; issuer: string }>,
  county: string,
  authorities: ReadonlyMap<string, AuthorityGeneration>,
): Standing {
  if (checked.signature === 'invalid') return { trusted: false, reason: 'bad-signature' };
  if (checked.signature === 'unsupported-algorithm') return { trusted: false, reason: 'unsupported-algorithm' };
  if (checked.record.county !== county) return { trusted: false, reason: 'other-county' };
  const issuer = authorities.get(checked.record.issuer);
  if (issuer === undefined) return { trusted: false, reason: 'issuer-not-county' };
  if (issuer.retiredAt !== undefined && checked.record.issued > issuer.retiredAt) return { trusted: false, reason: 'issuer-retired' };
  return { trusted: true };
}

export function trustView(
  home: Checked<AuthorityRecord>,
  material: { successions: readonly Checked<Succession>[]; certificates: readonly Checked<Certificate>[]; revocations: readonly Checked<Revocation>[] },
): TrustView {
  const county = home.record.county;
  const authorities = authorityGenerations(home, material.successions);
  const certificates = new Map<string, CertificateStanding[]>();
  for (const checked of material.certificates) {
    const list = certificates.get(checked.record.device) ?? [];
    list.push({ checked, standing: standingOf(checked, county, authorities) });
    certificates.set(checked.record.device, list);
  }
  const revocations = new Map<string, Checked<Revocation>[]>();
  for (const checked of material.revocations) {
    if (!standingOf(checked, county, authorities).trusted) continue;
    const list = revocations.get(checked.record.device) ?? [];
    list.push(checked);
    revocations.set(checked.record.device, list);
  }
  return { home, county, demo: home.record.demo, authorities, certificates, revocations };
}

/**
 * Of a PC's certificates, the one that governs: the latest issued (the county's last word on that
 * PC), ties broken by serial and then id, so every PC picks the same one. Undefined for none.
 * Callers pass the ones that apply (standing, for the key, valid at the time).
 */
export function newestCertificate(certificates: readonly CertificateStanding[]): Checked<Certificate> | undefined {
  let best: Checked<Certificate> | undefined;
  for (const { checked } of certificates) {
    const a = checked.record;
    const b = best?.record;
    if (b === undefined || a.issued > b.issued || (a.issued === b.issued && (a.serial > b.serial || (a.serial === b.serial && checked.id > best!.id)))) best = checked;
  }
  return best;
}

/** Of a PC's certificates, the newest that stands under the county (newestCertificate of the trusted ones). */
export function newestStanding(certificates: readonly CertificateStanding[]): Certificate | undefined {
  return newestCertificate(certificates.filter((c) => c.standing.trusted))?.record;
}

/**
 * The county's current authority generation and the line of successions (oldest first) that leads
 * to it from the home record: the generation not handed on — of several (a fork), the one that took
 * over last. What a PC of the county hands on from with the printed recovery code. Undefined when
 * the home record's signature fails or no line holds.
 */
export function currentAuthority(home: Checked<AuthorityRecord>, successions: readonly Checked<Succession>[]): { generation: Generation; line: Succession[] } | undefined {
  const generations = authorityGenerations(home, successions);
  const live = [...generations].filter(([, g]) => g.retiredAt === undefined).sort(([, a], [, b]) => (a.generation.since < b.generation.since ? 1 : -1))[0];
  if (live === undefined) return undefined;
  const homeId = keyId(home.record.key);
  const line: Succession[] = [];
  for (let id = live[0]; id !== homeId; ) {
    if (line.length > successions.length) return undefined;
    const step = successions.find((s) => s.signature === 'valid' && keyId(s.record.key) === id && generations.has(s.record.previous));
    if (step === undefined) return undefined;
    line.unshift(step.record);
    id = step.record.previous;
  }
  return generationAfter(home.record, line) === undefined ? undefined : { generation: live[1].generation, line };
}
