import type { Change } from '../../../shared/sync/change';
import type { AuthorityRecord } from '../../../shared/trust/authorityRecords';
import { carriedKind, type CarriedKind } from '../../../shared/trust/carried';
import { generateKeyPair, sameKey, type KeyPair } from '../../../shared/trust/keys';
import { checkAuthorityRecord, type TrustMaterial } from '../../../shared/trust/material';
import type { ChangeReason } from '../../../shared/trust/reasons';
import { recordId } from '../../../shared/trust/signed';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inTransaction, type StoreTx } from './tx';
import { DEVICE_KEY_STORE, REFUSED_STORE, TRUST_STORE } from './trustTables';

/*
 * What this PC keeps of trust (issue 14; docs/ARCHITECTURE.md, "Trust"):
 * - `deviceKey` (local, never synced, never in a bundle or backup): this PC's key pair as WebCrypto
 *   CryptoKey objects. IndexedDB's structured clone keeps a CryptoKey whole, the private half still
 *   non-extractable, so nothing can read it out — not even this app.
 * - `trust`: every trust record held (successions, certificates, revocations, seals, the county's
 *   checkpoints), by record id
 *   (the sha-256 of its canonical JSON). Never a private key.
 * - `refused`: changes an import did not apply, or took back out, with the reason, by change hash
 *   (kept, not lost).
 * - the home authority, pinned in `meta` at setup or enrollment: data never replaces it.
 */

export { DEVICE_KEY_STORE, REFUSED_STORE, TRUST_STORE } from './trustTables';
export const HOME_AUTHORITY_KEY = 'homeAuthority';
/** The meta key of this PC's request to join a county, while it waits for the answer (authorityStore.ts). */
export const ENROLLMENT_KEY = 'enrollment';

export interface DeviceKeyEntry {
  id: 'device';
  /** The device id the key was made for (identity.device). */
  device: string;
  keys: KeyPair;
  created: string;
}

export type TrustKind = CarriedKind;

export interface TrustEntry {
  /** recordId(record). */
  id: string;
  kind: TrustKind;
  /** The PC a certificate, revocation or seal is about. */
  device?: string;
  /** A seal's or a checkpoint's last stamp. */
  last?: string;
  record: unknown;
}

export interface RefusedEntry {
  /** changeHash(change). */
  hash: string;
  change: Change;
  device: string;
  reason: ChangeReason;
  detail?: Readonly<Record<string, string>>;
  /** When this PC first set it aside (ISO). */
  arrived: string;
  /**
   * Applied here before, taken back out when later trust material refused it (a revocation that
   * cuts it, a checkpoint, a succession): it stays in the log — pages are never rewritten, and an
   * import of the same file skips it as held — and its entry here keeps it out of the rows.
   */
  takenBack?: true;
}

/**
 * This PC's key pair, made on first open. The key is made outside any transaction (WebCrypto may
 * not be awaited inside one), then stored only if none is there yet: two windows opening the same
 * database at once keep one key between them.
 */
export async function loadDeviceKeys(db: LeagueDeskDb, device: string): Promise<KeyPair> {
  const held = await inTransaction(db, 'r', [DEVICE_KEY_STORE], (tx) => deviceKeyTable(tx).get('device'));
  if (held) return held.keys;
  const made = await generateKeyPair();
  return inTransaction(db, 'rw', [DEVICE_KEY_STORE], async (tx) => {
    const raced = await deviceKeyTable(tx).get('device');
    if (raced) return raced.keys;
    await deviceKeyTable(tx).add({ id: 'device', device, keys: made, created: new Date().toISOString() });
    return made;
  });
}

const deviceKeyTable = (tx: StoreTx) => tx.table<DeviceKeyEntry, string>(DEVICE_KEY_STORE);
export const trustTable = (tx: StoreTx) => tx.table<TrustEntry, string>(TRUST_STORE);
export const refusedTable = (tx: StoreTx) => tx.table<RefusedEntry, string>(REFUSED_STORE);

export type PinOutcome = { ok: true; pinned: 'now' | 'already' } | { ok: false; reason: 'record-invalid' | 'bad-signature' | 'home-fixed' };

/**
 * Pins the county's authority record as this PC's home, at setup or enrollment — never from data
 * an import brings. Once pinned, another record is refused (`home-fixed`): the county's identity is
 * its authority key, and a file cannot replace it. (Handing it on is a succession, which is data
 * checked against the pinned key.)
 */
export async function pinHomeAuthority(db: LeagueDeskDb, record: AuthorityRecord): Promise<PinOutcome> {
  const checked = await checkAuthorityRecord(record);
  if (!checked.ok) return { ok: false, reason: 'record-invalid' };
  if (checked.value.signature !== 'valid') return { ok: false, reason: 'bad-signature' };
  // A pinned record that no longer verifies (damaged) is set right by a good record of the same
  // authority key — the county's identity is the key — checked here, before the transaction.
  const before = await inTransaction(db, 'r', ['meta'], (tx) => readHomeAuthority(tx));
  const repairable = before !== undefined && sameKey(before.key, record.key) && !(await verifies(before));
  return inTransaction(db, 'rw', ['meta'], async (tx) => {
    const meta = tx.table<MetaEntry, string>('meta');
    const held = (await meta.get(HOME_AUTHORITY_KEY))?.value as AuthorityRecord | undefined;
    const repair = repairable && held !== undefined && recordId(held) === recordId(before);
    if (held && !repair) return recordId(held) === checked.value.id ? { ok: true, pinned: 'already' } : { ok: false, reason: 'home-fixed' };
    await meta.put({ key: HOME_AUTHORITY_KEY, value: checked.value.record });
    return { ok: true, pinned: 'now' };
  });
}

async function verifies(record: AuthorityRecord): Promise<boolean> {
  const checked = await checkAuthorityRecord(record);
  return checked.ok && checked.value.signature === 'valid';
}

/** The pinned home authority, within a transaction spanning `meta`; undefined while this PC has none. */
export async function readHomeAuthority(tx: StoreTx): Promise<AuthorityRecord | undefined> {
  return (await tx.table<MetaEntry, string>('meta').get(HOME_AUTHORITY_KEY))?.value as AuthorityRecord | undefined;
}

/** A record as the trust store keeps it (its id is recordId of the record). */
export function trustEntry(kind: TrustKind, record: object): TrustEntry {
  const r = record as { device?: unknown; last?: unknown };
  return {
    id: recordId(record),
    kind,
    record,
    ...(typeof r.device === 'string' ? { device: r.device } : {}),
    ...((kind === 'seal' || kind === 'checkpoint') && typeof r.last === 'string' ? { last: r.last } : {}),
  };
}

/** Adds records (already checked by the caller); a record held already is left as it is. */
export async function putTrustRecords(tx: StoreTx, entries: readonly TrustEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const table = trustTable(tx);
  const held = new Set((await table.bulkGet(entries.map((e) => e.id))).flatMap((e) => (e ? [e.id] : [])));
  const fresh = [...new Map(entries.filter((e) => !held.has(e.id)).map((e) => [e.id, e])).values()];
  if (fresh.length > 0) await table.bulkAdd(fresh);
}

/** Carried records (a bundle's trust lines) as the store keeps them; records of no known kind are left out. */
export function trustEntries(records: readonly object[]): TrustEntry[] {
  return records.flatMap((record) => {
    const kind = carriedKind(record as { format?: unknown });
    return kind === undefined ? [] : [trustEntry(kind, record)];
  });
}

/** Keeps carried records (a certificate handed over at enrollment, a revocation), in a transaction of its own. */
export async function holdTrustRecords(db: LeagueDeskDb, records: readonly object[]): Promise<void> {
  await inTransaction(db, 'rw', [TRUST_STORE], (tx) => putTrustRecords(tx, trustEntries(records)));
}

/** Every trust record held, by kind, as the trust core takes them (unparsed: prepareMaterial checks them). */
export async function readTrustMaterial(tx: StoreTx): Promise<Required<Omit<TrustMaterial, 'changes'>>> {
  const all = await trustTable(tx).toArray();
  const of = (kind: TrustKind) => all.filter((e) => e.kind === kind).map((e) => e.record);
  return { successions: of('succession'), certificates: of('certificate'), revocations: of('revocation'), seals: of('seal'), checkpoints: of('checkpoint') };
}

/**
 * The trust records an export carries: every succession, certificate and revocation held (few, and
 * a receiver needs them to judge anything), the seals that cover the exported changes — a seal
 * of a device whose span holds an exported change of that device — and the county's checkpoint
 * pages whose span holds an exported change. `'all'` (a full bundle, a backup): every record held.
 */
export async function trustRecordsFor(tx: StoreTx, changes: readonly Change[] | 'all'): Promise<object[]> {
  const all = await trustTable(tx).toArray();
  return (changes === 'all' ? all : covering(all, changes)).map((e) => e.record as object);
}

/** Every succession, certificate and revocation; the seals whose span holds one of `changes` of their device, the checkpoints whose span holds one. */
export function covering(entries: readonly TrustEntry[], changes: readonly Change[]): TrustEntry[] {
  const stamps = new Map<string, string[]>();
  const every: string[] = [];
  for (const change of changes) {
    const list = stamps.get(change.device);
    if (list) list.push(change.hlc);
    else stamps.set(change.device, [change.hlc]);
    every.push(change.hlc);
  }
  for (const list of stamps.values()) list.sort();
  every.sort();
  const spans = (list: readonly string[] | undefined, span: { first: string; last: string }) => {
    if (!list) return false;
    const at = firstAtOrAfter(list, span.first);
    return at < list.length && list[at]! <= span.last;
  };
  return entries.filter((e) => {
    if (e.kind === 'checkpoint') return spans(every, e.record as { first: string; last: string });
    if (e.kind !== 'seal') return true;
    const seal = e.record as { device: string; first: string; last: string };
    return spans(stamps.get(seal.device), seal);
  });
}

function firstAtOrAfter(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
