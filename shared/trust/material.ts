import type { Change } from '../sync/change';
import { parseChangeInPlace } from '../sync/parseChange';
import { parseAuthorityRecord, parseSuccession, type AuthorityRecord, type Succession } from './authorityRecords';
import { parseCertificate, type Certificate } from './certificate';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import type { SignatureCheck } from './keys';
import type { Parsed, RecordRefusal } from './records';
import { parseRevocation, type Revocation } from './revocation';
import { changeHash, parseSeal, type Seal } from './seal';
import { checkRecordSignature, recordId, type SignedRecord } from './signed';

/*
 * The one asynchronous step of deciding trust. Everything that arrives — successions,
 * certificates, revocations, seals, checkpoints, changes — is parsed (zod), given its id or hash, and every
 * signature is checked by WebCrypto against the key the record itself names. What comes out is
 * plain data; all that follows (chain.ts, verify.ts, authorize.ts, decide.ts, ledger.ts) is
 * synchronous. So an import prepares its material before it opens an IndexedDB transaction, where
 * nothing foreign may be awaited (docs/ARCHITECTURE.md, Storage).
 */

export interface TrustMaterial {
  successions?: readonly unknown[];
  certificates?: readonly unknown[];
  revocations?: readonly unknown[];
  seals?: readonly unknown[];
  checkpoints?: readonly unknown[];
  changes?: readonly unknown[];
}

/** A record, its id (recordId) and whether its signature is its signer's. */
export interface Checked<T> {
  id: string;
  record: T;
  signature: SignatureCheck;
}

export interface HashedChange {
  change: Change;
  hash: string;
}

export type MaterialKind = 'succession' | 'certificate' | 'revocation' | 'seal' | 'checkpoint' | 'change';

export interface InvalidRecord {
  kind: MaterialKind;
  /** Position in the list it came in (from 0). */
  index: number;
  reason: RecordRefusal;
  problem: string;
}

export interface PreparedMaterial {
  successions: Checked<Succession>[];
  certificates: Checked<Certificate>[];
  revocations: Checked<Revocation>[];
  seals: Checked<Seal>[];
  /** The county's checkpoints adopting data written before trust (checkpoint.ts). */
  checkpoints: Checked<Checkpoint>[];
  changes: HashedChange[];
  /** What could not be read; kept out of everything above. */
  invalid: InvalidRecord[];
}

export const NO_MATERIAL: PreparedMaterial = Object.freeze({ successions: [], certificates: [], revocations: [], seals: [], checkpoints: [], changes: [], invalid: [] });

export async function prepareMaterial(material: TrustMaterial): Promise<PreparedMaterial> {
  const invalid: InvalidRecord[] = [];
  const [successions, certificates, revocations, seals, checkpoints] = await Promise.all([
    checkAll('succession', material.successions, parseSuccession, invalid),
    checkAll('certificate', material.certificates, parseCertificate, invalid),
    checkAll('revocation', material.revocations, parseRevocation, invalid),
    checkAll('seal', material.seals, parseSeal, invalid),
    checkAll('checkpoint', material.checkpoints, parseCheckpoint, invalid),
  ]);
  const changes: HashedChange[] = [];
  const seen = new Set<string>();
  (material.changes ?? []).forEach((record, index) => {
    const parsed = parseChangeInPlace(record);
    if (!parsed.success) {
      invalid.push({ kind: 'change', index, reason: 'record-invalid', problem: parsed.error.issues[0]?.message ?? 'invalid change' });
      return;
    }
    const hash = changeHash(parsed.data);
    if (seen.has(hash)) return;
    seen.add(hash);
    changes.push({ change: parsed.data, hash });
  });
  return { successions, certificates, revocations, seals, checkpoints, changes, invalid };
}

/** The county's authority record as a PC pins it at setup or enrollment: parsed and its self-signature checked. */
export async function checkAuthorityRecord(value: unknown): Promise<Parsed<Checked<AuthorityRecord>>> {
  const parsed = parseAuthorityRecord(value);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { id: recordId(parsed.value), record: parsed.value, signature: await checkRecordSignature(parsed.value) } };
}

async function checkAll<T extends SignedRecord>(
  kind: MaterialKind,
  records: readonly unknown[] | undefined,
  parse: (value: unknown) => Parsed<T>,
  invalid: InvalidRecord[],
): Promise<Checked<T>[]> {
  const byId = new Map<string, T>();
  (records ?? []).forEach((value, index) => {
    const parsed = parse(value);
    if (parsed.ok) byId.set(recordId(parsed.value), parsed.value);
    else invalid.push({ kind, index, reason: parsed.reason, problem: parsed.problem });
  });
  return Promise.all([...byId].map(async ([id, record]) => ({ id, record, signature: await checkRecordSignature(record) })));
}

/** Several prepared sets as one, each record and change once. */
export function mergeMaterial(...sets: readonly PreparedMaterial[]): PreparedMaterial {
  const unique = <T>(lists: T[][], key: (item: T) => string) => [...new Map(lists.flat().map((item) => [key(item), item])).values()];
  const byId = <T>(pick: (m: PreparedMaterial) => Checked<T>[]) => unique(sets.map(pick), (c) => c.id);
  return {
    successions: byId((m) => m.successions),
    certificates: byId((m) => m.certificates),
    revocations: byId((m) => m.revocations),
    seals: byId((m) => m.seals),
    checkpoints: byId((m) => m.checkpoints),
    changes: unique(sets.map((m) => m.changes), (c) => c.hash),
    invalid: sets.flatMap((m) => m.invalid),
  };
}
