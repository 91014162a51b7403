import type { SyncAccess } from '../../../shared/sync/access';
import type { Change } from '../../../shared/sync/change';
import type { MergedRow } from '../../../shared/sync/row';
import { includes } from '../../../shared/sync/vector';
import type { AuthorityRecord } from '../../../shared/trust/authorityRecords';
import { carriedMaterial, carriedRecordProblem } from '../../../shared/trust/carried';
import { AcceptedRows, byStampThenHash, decideInOrder, decisionInputs, type Decision } from '../../../shared/trust/decide';
import { checkAuthorityRecord, prepareMaterial, type Checked, type HashedChange, type PreparedMaterial } from '../../../shared/trust/material';
import type { ChangeReason } from '../../../shared/trust/reasons';
import type { RuleRegistry } from '../../../shared/trust/rules';
import { summarizeDecisions, type WriterTrust } from '../../../shared/trust/summary';
import { ENROLLMENT_KEY } from './authorityStore';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inTransaction, type StoreTx } from './tx';
import { covering, putTrustRecords, readHomeAuthority, REFUSED_STORE, refusedTable, TRUST_STORE, trustEntries, trustTable, type RefusedEntry, type TrustEntry } from './trustStore';

/*
 * The trust half of an import (docs/ARCHITECTURE.md, "Trust"). In two steps, because WebCrypto may
 * not be awaited inside a transaction:
 * 1. `prepareImportTrust`, before any transaction: reads the home authority, the held trust records
 *    that bear on the incoming changes and the changes kept aside earlier, and checks every
 *    signature and hashes every change (`prepareMaterial`).
 * 2. `decideImport`, inside the import's transaction: finds which changes are new here and decides
 *    them in stamp order against the rows as held (which hold only authorized changes) — plain
 *    computation over IndexedDB reads.
 * Changes kept aside by an earlier import are decided again each time, with whatever material has
 * arrived since: a certificate arriving after the changes lets them in.
 */

export interface PreparedImportTrust {
  /** The pinned home authority, checked; undefined while this PC has none (it works alone). */
  home: Checked<AuthorityRecord> | undefined;
  /** A home is pinned but does not verify here: every new change is kept aside (`home-unverified`), none let in. */
  homeUnverified?: true;
  material: PreparedMaterial;
  /** The records the files carry that this build reads, to keep once the import is applied. */
  carried: TrustEntry[];
}

export async function prepareImportTrust(db: LeagueDeskDb, incoming: readonly Change[], carried: readonly object[]): Promise<PreparedImportTrust> {
  const [homeRecord, held, aside] = await inTransaction(db, 'r', ['meta', TRUST_STORE, REFUSED_STORE], async (tx) => [
    await readHomeAuthority(tx),
    await trustTable(tx).toArray(),
    await refusedTable(tx).toArray(),
  ] as const);
  const candidates = [...incoming, ...aside.map((r) => r.change)];
  const readable = carried.filter((r) => carriedRecordProblem(r as Record<string, unknown>) === null);
  const records = carriedMaterial([...covering(held, candidates).map((e) => e.record as object), ...readable]);
  const [home, material] = await Promise.all([homeRecord ? checkAuthorityRecord(homeRecord) : undefined, prepareMaterial({ ...records, changes: candidates })]);
  const verified = home?.ok && home.value.signature === 'valid' ? home.value : undefined;
  return { home: verified, ...(homeRecord && !verified ? { homeUnverified: true as const } : {}), material, carried: trustEntries(readable) };
}

export interface ImportDecisions {
  /** New changes to apply: the authorized ones (every new one while nothing is decided). */
  authorized: Change[];
  /** New changes refused, as the refused store keeps them. */
  refused: RefusedEntry[];
  /** Per writing PC, what the new changes came to. */
  summary: WriterTrust[];
  /** Every new change's decision by hash; undefined without a home authority. */
  decisions: ReadonlyMap<string, Decision> | undefined;
}

export async function decideImport(tx: StoreTx, access: SyncAccess, prepared: PreparedImportTrust, rules: RuleRegistry, now: Date): Promise<ImportDecisions> {
  const candidates = prepared.material.changes;
  const vector = await access.getVector();
  const mayBeHeld = candidates.filter((c) => includes(vector, c.change)).map((c) => c.change.id);
  const held = mayBeHeld.length > 0 ? await access.existingChanges(mayBeHeld) : new Map<string, Change>();
  const fresh = candidates.filter((c) => !held.has(c.change.id));
  if (prepared.homeUnverified) return refuseAll(fresh, 'home-unverified', now);
  if (prepared.home === undefined) return { authorized: fresh.map((c) => c.change), refused: [], summary: summarizeDecisions(fresh, undefined), decisions: undefined };

  const rows = await heldRows(tx, access, fresh);
  const ordered: HashedChange[] = [...fresh].sort(byStampThenHash);
  const decisions = new Map<string, Decision>();
  decideInOrder(ordered, 0, new AcceptedRows((table, id) => rows.get(table)?.get(id)), decisionInputs(prepared.home, prepared.material, rules), decisions);
  const authorized: Change[] = [];
  const refused: RefusedEntry[] = [];
  const arrived = now.toISOString();
  for (const { change, hash } of ordered) {
    const decision = decisions.get(hash)!;
    if (decision.status === 'accepted') authorized.push(change);
    else refused.push({ hash, change, device: change.device, reason: decision.reason, ...(decision.detail ? { detail: decision.detail } : {}), arrived });
  }
  return { authorized, refused, summary: summarizeDecisions(fresh, decisions), decisions };
}

/**
 * The changes an import goes on with: all of the incoming ones while trust is not enforced;
 * enforced, the incoming less those refused (held ones stay, to be counted as already here), plus
 * changes kept aside by an earlier import that are authorized now — their certificate may come in a
 * file or a hub pull that does not carry them again.
 */
export function admittedChanges(incoming: readonly Change[], decided: ImportDecisions, enforce: boolean): Change[] {
  if (!enforce) return [...incoming];
  const refused = new Set(decided.refused.map((r) => r.change.id));
  const inIncoming = new Set(incoming.map((c) => c.id));
  return [...incoming.filter((c) => !refused.has(c.id)), ...decided.authorized.filter((c) => !inIncoming.has(c.id))];
}

/** Every new change kept aside for one reason (this PC cannot decide anything). */
function refuseAll(fresh: readonly HashedChange[], reason: ChangeReason, now: Date): ImportDecisions {
  const decisions = new Map<string, Decision>(fresh.map((c) => [c.hash, { status: 'refused', reason }]));
  const arrived = now.toISOString();
  const refused = fresh.map(({ change, hash }) => ({ hash, change, device: change.device, reason, arrived }));
  return { authorized: [], refused, summary: summarizeDecisions(fresh, decisions), decisions };
}

/** The held rows the new changes write, and every organisation (rules place rows by their organisation's code). */
async function heldRows(tx: StoreTx, access: SyncAccess, fresh: readonly HashedChange[]): Promise<Map<string, Map<string, MergedRow>>> {
  const wanted = new Map<string, Set<string>>();
  for (const { change } of fresh) {
    if (!access.tables.get(change.table)) continue;
    const ids = wanted.get(change.table) ?? new Set<string>();
    ids.add(change.row);
    wanted.set(change.table, ids);
  }
  const out = new Map<string, Map<string, MergedRow>>();
  await Promise.all(
    [...wanted].map(async ([table, ids]) => {
      const list = [...ids];
      const found = await access.getRows(table, list);
      out.set(table, new Map(found.flatMap((row, i) => (row ? [[list[i]!, row] as const] : []))));
    }),
  );
  const orgs = out.get('org') ?? new Map<string, MergedRow>();
  for (const row of await tx.table<MergedRow, string>('org').toArray()) orgs.set(row.id, row);
  out.set('org', orgs);
  return out;
}

/**
 * Whether this import restores a fresh PC (store/demo.ts `joinDemoIfRestored`): it holds no change
 * yet (fresh, or "receive a file" chosen at first start), has no county pinned, and has not asked a
 * county to enroll it (such a PC waits for that county and joins no other). Read before applying.
 */
export async function restoringHere(tx: StoreTx, access: SyncAccess, prepared: PreparedImportTrust): Promise<boolean> {
  if (prepared.home !== undefined || prepared.homeUnverified || Object.keys(await access.getVector()).length > 0) return false;
  return !(await tx.table<MetaEntry, string>('meta').get(ENROLLMENT_KEY));
}

/** Keeps what an applied import decided: the carried records, and (enforcing) the refused changes aside. */
export async function keepDecisions(tx: StoreTx, prepared: PreparedImportTrust, decided: ImportDecisions, enforce: boolean): Promise<void> {
  await putTrustRecords(tx, prepared.carried);
  if (!enforce) return;
  const aside = refusedTable(tx);
  if (decided.authorized.length > 0) await aside.bulkDelete(prepared.material.changes.filter((c) => decided.decisions?.get(c.hash)?.status === 'accepted').map((c) => c.hash));
  if (decided.refused.length > 0) {
    const before = new Map((await aside.bulkGet(decided.refused.map((r) => r.hash))).flatMap((r) => (r ? [[r.hash, r.arrived] as const] : [])));
    await aside.bulkPut(decided.refused.map((r) => ({ ...r, arrived: before.get(r.hash) ?? r.arrived })));
  }
}
