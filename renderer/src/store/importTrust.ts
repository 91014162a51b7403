import type { SyncAccess } from '../../../shared/sync/access';
import { applyImport, planImport } from '../../../shared/sync/import';
import type { Change } from '../../../shared/sync/change';
import { applyChangeToRow, canonicalRowId, type MergedRow } from '../../../shared/sync/row';
import { includes, type VersionVector } from '../../../shared/sync/vector';
import type { AuthorityRecord } from '../../../shared/trust/authorityRecords';
import { carriedMaterial, carriedRecordProblem } from '../../../shared/trust/carried';
import { AcceptedRows, byStampThenHash, decideInOrder, decisionInputs, sameDecision, type Decision } from '../../../shared/trust/decide';
import { checkAuthorityRecord, prepareMaterial, type Checked, type HashedChange, type PreparedMaterial } from '../../../shared/trust/material';
import type { ChangeReason } from '../../../shared/trust/reasons';
import type { RuleRegistry } from '../../../shared/trust/rules';
import { changeHash } from '../../../shared/trust/seal';
import { summarizeDecisions, type WriterTrust } from '../../../shared/trust/summary';
import { allChanges, changesOfRow } from './changeLog';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inSyncTransaction, readVector } from './dexieAccess';
import { IDENTITY_KEY, type Identity } from './identity';
import type { SealingDevice } from './sealing';
import { rowKey } from './logPages';
import { inTransaction, type StoreTx } from './tx';
import { covering, ENROLLMENT_KEY, putTrustRecords, readHomeAuthority, REFUSED_STORE, refusedTable, TRUST_STORE, trustEntries, trustTable, type RefusedEntry, type TrustEntry } from './trustStore';

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
  /**
   * The files bring records that can change what was decided for changes held here (reachesHeld):
   * the whole log is decided again with them, and what is refused now is taken back out. `own` is
   * this PC's device: its own changes passed its gate when written and are never taken back.
   */
  redecide?: { own: string | undefined };
  /**
   * How many of the carried records this PC does not hold yet and that change something here: every
   * revocation, succession and checkpoint (they bear on what is decided), a certificate or seal only
   * when it bears on changes kept aside. A file bringing only these is still something to apply: a
   * revocation sent to a PC that already has every change must be kept. (A peer's own certificate
   * or the seals of changes held already are kept with any import, but alone they change nothing.)
   */
  unheld: number;
}

export async function prepareImportTrust(
  db: LeagueDeskDb,
  incoming: readonly Change[],
  carried: readonly object[],
  options: { redecide?: boolean; sealing?: SealingDevice | undefined } = {},
): Promise<PreparedImportTrust> {
  // This PC's seals still waiting to be stored (sealing.ts SealQueue) are stored first: deciding the
  // held log reads own changes' seals from the store, and an own change it finds unsealed would be
  // left out of the rows the other changes are decided against.
  await options.sealing?.seals?.flush();
  const [homeRecord, held, aside, vector, identity] = await inTransaction(db, 'r', ['meta', 'vector', TRUST_STORE, REFUSED_STORE], async (tx) => [
    await readHomeAuthority(tx),
    await trustTable(tx).toArray(),
    await refusedTable(tx).toArray(),
    await readVector(tx),
    (await tx.table<MetaEntry, string>('meta').get(IDENTITY_KEY))?.value as Identity | undefined,
  ] as const);
  const candidates = [...incoming, ...aside.map((r) => r.change)];
  const readable = carried.filter((r) => carriedRecordProblem(r as Record<string, unknown>) === null);
  const entries = trustEntries(readable);
  const holding = Object.keys(vector).length > 0 || aside.length > 0;
  const redecide =
    homeRecord !== undefined && ((options.redecide === true && holding) || reachesHeld(entries, held, vector, aside) || (holding && (await arrivesBeforeHeld(db, incoming, vector))));
  // Deciding the held log again needs the seals of all of it: every record held is checked then.
  const records = carriedMaterial([...(redecide ? held : covering(held, candidates)).map((e) => e.record as object), ...readable]);
  const [home, material] = await Promise.all([homeRecord ? checkAuthorityRecord(homeRecord) : undefined, prepareMaterial({ ...records, changes: candidates })]);
  const verified = home?.ok && home.value.signature === 'valid' ? home.value : undefined;
  return {
    home: verified,
    ...(homeRecord && !verified ? { homeUnverified: true as const } : {}),
    material,
    carried: entries,
    unheld: unheldCount(entries, held, aside),
    ...(redecide && verified ? { redecide: { own: identity?.device } } : {}),
  };
}

/** The carried records this PC does not hold, each once. */
function unheldCount(carried: readonly TrustEntry[], held: readonly TrustEntry[], aside: readonly RefusedEntry[]): number {
  const known = new Set(held.map((e) => e.id));
  const waiting = new Set(aside.map((r) => r.device));
  const waitingHashes = new Set(aside.map((r) => r.hash));
  const matters = (e: TrustEntry) => {
    if (e.kind === 'certificate') return e.device !== undefined && waiting.has(e.device);
    if (e.kind === 'seal') {
      const hashes = (e.record as { hashes?: unknown }).hashes;
      return Array.isArray(hashes) && hashes.some((h) => typeof h === 'string' && waitingHashes.has(h));
    }
    return true;
  };
  return new Set(carried.filter((e) => !known.has(e.id) && matters(e)).map((e) => e.id)).size;
}

/**
 * Whether a new change is stamped before something held on the row it writes: the rows as held are
 * then not the rows at its stamp (a township's offline edit reaching a PC after the county's later
 * approval of that report), and deciding it against them — or keeping the later changes decided
 * without it — would end differently from a PC that received the two the other way round. The log
 * is then decided again from the first stamp, as for a late certificate. Changes arriving in stamp
 * order, the common case, read only the rows they write.
 */
async function arrivesBeforeHeld(db: LeagueDeskDb, incoming: readonly Change[], vector: VersionVector): Promise<boolean> {
  const fresh = incoming.filter((c) => !includes(vector, c) && db.syncTables.get(c.table) !== undefined);
  if (fresh.length === 0) return false;
  const rowOf = (c: Change) => canonicalRowId(db.syncTables.rowIds, c.table, c.row);
  const byTable = new Map<string, Set<string>>();
  for (const c of fresh) byTable.set(c.table, (byTable.get(c.table) ?? new Set()).add(rowOf(c)));
  const latest = await inTransaction(db, 'r', [...byTable.keys()], async (tx) => {
    const out = new Map<string, string>();
    for (const [table, ids] of byTable) {
      const list = [...ids];
      const rows = await tx.table<MergedRow, string>(table).bulkGet(list);
      rows.forEach((row, i) => {
        if (row) out.set(rowKey(table, list[i]!), Object.values(row._clock).reduce((max, hlc) => (hlc > max ? hlc : max), ''));
      });
    }
    return out;
  });
  return fresh.some((c) => (latest.get(rowKey(c.table, rowOf(c))) ?? '') > c.hlc);
}

/**
 * Whether records new here can change a decision this PC holds (ledger.ts's rule): a certificate or
 * revocation of a device with changes in the log or kept aside; a succession or a checkpoint while
 * the log holds anything. Seals only let changes in, and changes kept aside are decided again on
 * every import anyway. An import of changes with trust records held already — the common case —
 * never re-reads the log.
 */
function reachesHeld(carried: readonly TrustEntry[], held: readonly TrustEntry[], vector: VersionVector, aside: readonly RefusedEntry[]): boolean {
  const known = new Set(held.map((e) => e.id));
  const logged = Object.keys(vector).length > 0;
  return carried.some((e) => {
    if (known.has(e.id) || e.kind === 'seal') return false;
    if (e.kind === 'certificate' || e.kind === 'revocation') return e.device !== undefined && (vector[e.device] !== undefined || aside.some((r) => r.device === e.device));
    return logged;
  });
}

export interface ImportDecisions {
  /** New changes to apply: the authorized ones (every new one while nothing is decided). */
  authorized: Change[];
  /** New changes refused, as the refused store keeps them. */
  refused: RefusedEntry[];
  /** Per writing PC, what the new changes came to (and what was taken back). */
  summary: WriterTrust[];
  /** Every decided change's decision by hash; undefined without a home authority. */
  decisions: ReadonlyMap<string, Decision> | undefined;
  /** Held changes refused now (the log decided again): taken out of the rows, kept aside with the reason. */
  takenBack?: RefusedEntry[];
  /** Held changes taken back earlier and authorized now: put back into the rows. */
  putBack?: Change[];
  /** Held changes taken back earlier and refused now for another reason: their entries, updated. */
  stillOut?: RefusedEntry[];
}

export async function decideImport(tx: StoreTx, access: SyncAccess, prepared: PreparedImportTrust, rules: RuleRegistry, now: Date): Promise<ImportDecisions> {
  const candidates = prepared.material.changes;
  const vector = await access.getVector();
  const mayBeHeld = candidates.filter((c) => includes(vector, c.change)).map((c) => c.change.id);
  const held = mayBeHeld.length > 0 ? await access.existingChanges(mayBeHeld) : new Map<string, Change>();
  const fresh = candidates.filter((c) => !held.has(c.change.id));
  if (prepared.homeUnverified) return refuseAll(fresh, 'home-unverified', now);
  if (prepared.home === undefined) return { authorized: fresh.map((c) => c.change), refused: [], summary: summarizeDecisions(fresh, undefined), decisions: undefined };
  if (prepared.redecide) return redecideHeld(tx, prepared.home, prepared, fresh, rules, now);

  const rows = await heldRows(tx, access, fresh);
  const ordered: HashedChange[] = [...fresh].sort(byStampThenHash);
  const decisions = new Map<string, Decision>();
  decideInOrder(ordered, 0, new AcceptedRows((table, id) => rows.get(table)?.get(id)), decisionInputs(prepared.home, prepared.material, rules), decisions);
  return { ...splitFresh(ordered, decisions, now), summary: summarizeDecisions(fresh, decisions), decisions };
}

/**
 * The whole log decided again with the new records, together with the new changes, from the first
 * stamp — decideAll of everything held, as every PC decides it whatever order the material came
 * in. Held changes refused now are taken back; those taken back earlier and authorized now are put
 * back. Plain computation over what the transaction reads: the seals were checked in prepare.
 */
async function redecideHeld(tx: StoreTx, home: Checked<AuthorityRecord>, prepared: PreparedImportTrust, fresh: readonly HashedChange[], rules: RuleRegistry, now: Date): Promise<ImportDecisions> {
  const own = prepared.redecide?.own;
  const logged: HashedChange[] = (await allChanges(tx)).map((change) => ({ change, hash: changeHash(change) }));
  const inLog = new Set(logged.map((c) => c.hash));
  const newHere = fresh.filter((c) => !inLog.has(c.hash));
  const decisions = new Map<string, Decision>();
  decideInOrder([...logged, ...newHere].sort(byStampThenHash), 0, new AcceptedRows(), decisionInputs(home, prepared.material, rules), decisions);
  const aside = new Map((await refusedTable(tx).toArray()).map((r) => [r.hash, r]));
  const arrived = now.toISOString();
  const takenBack: RefusedEntry[] = [];
  const putBack: Change[] = [];
  const stillOut: RefusedEntry[] = [];
  for (const { change, hash } of logged) {
    if (change.device === own) continue;
    const decision = decisions.get(hash)!;
    const before = aside.get(hash);
    if (decision.status === 'accepted') {
      if (before) putBack.push(change);
    } else if (!before) takenBack.push({ ...refusedEntry(change, hash, decision, arrived), takenBack: true });
    else if (!sameDecision(decision, { status: 'refused', reason: before.reason, ...(before.detail ? { detail: before.detail } : {}) })) {
      // Out already, for another reason than now (unknown-device then, revoked now): the reason is kept up to date.
      stillOut.push({ ...refusedEntry(change, hash, decision, before.arrived), takenBack: true });
    }
  }
  const ordered = [...newHere].sort(byStampThenHash);
  return { ...splitFresh(ordered, decisions, now), summary: summarizeDecisions(newHere, decisions, takenBack), decisions, takenBack, putBack, stillOut };
}

function refusedEntry(change: Change, hash: string, decision: Extract<Decision, { status: 'refused' }>, arrived: string): RefusedEntry {
  return { hash, change, device: change.device, reason: decision.reason, ...(decision.detail ? { detail: decision.detail } : {}), arrived };
}

/** New changes (in stamp order) split by their decisions. */
function splitFresh(ordered: readonly HashedChange[], decisions: ReadonlyMap<string, Decision>, now: Date): Pick<ImportDecisions, 'authorized' | 'refused'> {
  const authorized: Change[] = [];
  const refused: RefusedEntry[] = [];
  const arrived = now.toISOString();
  for (const { change, hash } of ordered) {
    const decision = decisions.get(hash)!;
    if (decision.status === 'accepted') authorized.push(change);
    else refused.push(refusedEntry(change, hash, decision, arrived));
  }
  return { authorized, refused };
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
 * Decides every change held here once, as an import bringing new trust records does (redecideHeld),
 * and takes back what is refused: for a PC whose home was just pinned (its enrolment answer taken,
 * or made the county's PC), which applied what it imported before without deciding anything.
 * Returns how many changes were taken back.
 */
export async function decideHeldLog(db: LeagueDeskDb, enforce: boolean, now = new Date(), sealing?: SealingDevice): Promise<number> {
  const prepared = await prepareImportTrust(db, [], [], { redecide: true, sealing });
  if (!prepared.redecide) return 0;
  return inSyncTransaction(
    db,
    'rw',
    async (access, tx) => {
      const decided = await decideImport(tx, access, prepared, db.registry.rules, now);
      // Changes kept aside and authorized now are applied before they leave the refused store
      // (keepDecisions drops them from it): none is lost between the two.
      await applyImport(await planImport(admittedChanges([], decided, enforce), access, { now: now.getTime(), ...(prepared.redecide?.own ? { ownDevice: prepared.redecide.own } : {}) }), access);
      await keepDecisions(tx, access, prepared, decided, enforce);
      return enforce ? (decided.takenBack?.length ?? 0) : 0;
    },
    [TRUST_STORE, REFUSED_STORE],
  );
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

/**
 * Keeps what an applied import decided: the carried records, and (enforcing) the refused changes
 * aside; held changes taken back are kept aside too, and every row they (or changes put back)
 * touch is rebuilt from the log. After the import's changes are applied.
 */
export async function keepDecisions(tx: StoreTx, access: SyncAccess, prepared: PreparedImportTrust, decided: ImportDecisions, enforce: boolean): Promise<void> {
  await putTrustRecords(tx, prepared.carried);
  if (!enforce) return;
  const aside = refusedTable(tx);
  if (decided.authorized.length > 0) await aside.bulkDelete(prepared.material.changes.filter((c) => decided.decisions?.get(c.hash)?.status === 'accepted').map((c) => c.hash));
  if (decided.refused.length > 0) {
    const before = new Map((await aside.bulkGet(decided.refused.map((r) => r.hash))).flatMap((r) => (r ? [[r.hash, r.arrived] as const] : [])));
    await aside.bulkPut(decided.refused.map((r) => ({ ...r, arrived: before.get(r.hash) ?? r.arrived })));
  }
  if (decided.stillOut?.length) await aside.bulkPut(decided.stillOut);
  const takenBack = decided.takenBack ?? [];
  const putBack = decided.putBack ?? [];
  if (takenBack.length === 0 && putBack.length === 0) return;
  await aside.bulkPut(takenBack);
  await aside.bulkDelete(putBack.map(changeHash));
  await rebuildRows(tx, access, [...takenBack.map((r) => r.change), ...putBack]);
}

/**
 * Every row these changes touch, made again from the log's changes of that row less those kept
 * aside (taken back) and those parked: the merge's own per-field rule (applyChangeToRow) in stamp
 * order. A row no remaining change writes is removed. Conflicts recorded meanwhile are left as
 * they are (a person may still read them).
 */
async function rebuildRows(tx: StoreTx, access: SyncAccess, changes: readonly Change[]): Promise<void> {
  const rowIds = access.tables.rowIds;
  const rows = new Map<string, { table: string; row: string }>();
  for (const change of changes) {
    if (!access.tables.get(change.table)) continue;
    const row = canonicalRowId(rowIds, change.table, change.row);
    rows.set(rowKey(change.table, row), { table: change.table, row });
  }
  if (rows.size === 0) return;
  const out = new Set(await refusedTable(tx).toCollection().primaryKeys());
  const parked = new Set((await access.getParked()).map((c) => c.id));
  for (const { table, row } of rows.values()) {
    let rebuilt: MergedRow | undefined;
    for (const change of await changesOfRow(tx, rowIds, table, row)) {
      if (parked.has(change.id) || out.has(changeHash(change))) continue;
      rebuilt = applyChangeToRow(rebuilt, change.row === row ? change : { ...change, row }).row;
    }
    if (rebuilt) await access.putRows(table, [rebuilt]);
    else await tx.table<MergedRow, string>(table).delete(row);
  }
}
