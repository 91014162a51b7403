import type { Org } from '../../../../shared/domain/org';
import type { StatReport } from '../../../../shared/domain/stats';
import { ORG_TABLE } from '../../../../shared/orgs/tables';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import { figureDisagreements, type Issue } from '../../../../shared/stats/validation';
import type { SyncAccess } from '../../../../shared/sync/access';
import { decodeBundle, encodeBundle, type BundleManifest, type BundleRefusal } from '../../../../shared/sync/bundle';
import type { Change } from '../../../../shared/sync/change';
import { applyImport, planImport, type ImportPlan, type ImportPreview } from '../../../../shared/sync/import';
import { isWithinScope } from '../../../../shared/sync/scope';
import { liveRows } from '../../../../shared/sync/validate';
import { believedPeerVector, changesMissingFrom } from '../../../../shared/sync/vector';
import type { OpenedFile } from '../../../../shared/bridge';
import type { MetaEntry, PeerEntry } from '../../store/db';
import { inSyncTransaction } from '../../store/dexieAccess';
import type { Store } from '../../store/store';
import { makeBackup } from '../../store/backups';
import { BLOB_STORE, blobsForBundle, storeReceivedBlobs } from '../../store/blobs';
import { encodeFullBundle } from '../../store/fullBundle';
import { readHomeCounty } from '../../store/county';
import { inTransaction } from '../../store/tx';
import { sealUnsealed } from '../../store/sealing';
import { joinDemoIfRestored } from '../../store/demo';
import { REFUSED_STORE, TRUST_STORE, trustRecordsFor } from '../../store/trustStore';
import { admittedChanges, decideImport, keepDecisions, prepareImportTrust, restoringHere, type PreparedImportTrust } from '../../store/importTrust';
import type { WriterTrust } from '../../../../shared/trust/summary';
import { carriedRecordProblem } from '../../../../shared/trust/carried';


export interface ExportedBundle {
  bytes: Uint8Array;
  fileName: string;
  changes: number;
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`;
}

/**
 * A bundle of everything this PC holds (`peer` absent: also the backup format), or of only what the
 * peer lacks by the vector it last reported in its own bundle — never by what we think we sent: a
 * file lost on the way must not make us believe the peer has it.
 */
export async function exportBundle(
  store: Store,
  options: { peer?: PeerEntry; onProgress?: (done: number, total: number) => void; now?: Date } = {},
): Promise<ExportedBundle> {
  const { db, identity } = store;
  const now = options.now ?? new Date();
  const sender = (county: Org) => ({ county: { code: county.code, name: county.name }, sender: { device: identity.device, account: identity.author, scope: county.code, name: identity.name } });
  if (!options.peer) {
    const full = await encodeFullBundle(store, { now, onProgress: options.onProgress });
    if (!full?.county) throw new SyncExportError('no-county');
    return { bytes: full.bytes, fileName: `${full.county.code}-${identity.device.slice(0, 6)}-full-${stamp(now)}.leaguesync`, changes: full.changes };
  }
  const peer = options.peer;
  await sealUnsealed(db, store.device);
  // A bundle for a peer carries only the photos its changes refer to (read in the same transaction,
  // so they match).
  const [county, changes, vector, blobs, trust] = await inSyncTransaction(
    db,
    'r',
    async (access, tx) => {
      const [home, all, held] = await Promise.all([readHomeCounty(tx), access.allChanges(), access.getVector()]);
      const picked: Change[] = changesMissingFrom(believedPeerVector(peer.vector, held, identity.device), all);
      return [home, picked, held, await blobsForBundle(tx, picked), await trustRecordsFor(tx, picked)] as const;
    },
    [BLOB_STORE, TRUST_STORE],
  );
  if (!county) throw new SyncExportError('no-county');
  const bytes = await encodeBundle(
    { ...sender(county), kind: 'changes', changes, vector, blobs, created: now.toISOString(), trust },
    { tables: db.syncTables, onProgress: options.onProgress, trustRecord: carriedRecordProblem },
  );
  return { bytes, fileName: `${county.code}-${identity.device.slice(0, 6)}-to-${peer.device.slice(0, 6)}-${stamp(now)}.leaguesync`, changes: changes.length };
}

export class SyncExportError extends Error {
  override readonly name = 'SyncExportError';
  constructor(readonly reason: 'no-county') {
    super(reason);
  }
}

export interface FileReview {
  name: string;
  refusal?: BundleRefusal;
  manifest?: BundleManifest;
  changes?: Change[];
  /** Attachments the file carries (photos), by sha-256; stored with the changes on import. */
  blobs?: ReadonlyMap<string, Uint8Array>;
  /** Changes authored by the sender outside the sender's own organisation scope. */
  outsideScope?: number;
  /** Trust records the file carries (format 3). */
  trust?: readonly object[];
}

/** A report the import would change whose figures disagree with one another (members above youth 14–28 …). */
export interface DisagreeingReport {
  id: string;
  period: string;
  /** Its organisation, from the files or this PC; absent when neither has it yet. */
  org?: Org;
  issues: Issue[];
}

export interface ImportReview {
  files: FileReview[];
  /** What importing every accepted file together would do; absent when no file was accepted. */
  preview?: ImportPreview;
  /**
   * Reports the files change whose figures break the statistics' rules. A file from another PC is
   * not refused for them (its PC decided, and refusing would stop sync); they are named so the
   * county checks them when it reviews.
   */
  disagreeing?: DisagreeingReport[];
  /**
   * Per PC that wrote the new changes: how many are authorized, refused (by reason) or unverified
   * (this PC has no county authority pinned). Changes kept aside by earlier imports are decided
   * again and counted here too.
   */
  trust?: WriterTrust[];
  /** The checked material, reused by applyReviewedImport (WebCrypto is not run twice). */
  prepared?: PreparedImportTrust;
}

/**
 * Reads and checks the chosen files, then works out what importing them would do, writing
 * nothing. Files can come in any order and overlap; a refused file is listed with its reason and
 * left out, the others are previewed together.
 */
export async function reviewImport(store: Store, files: OpenedFile[], now = Date.now()): Promise<ImportReview> {
  const county = await inTransaction(store.db, 'r', ['org'], readHomeCounty);
  const reviews: FileReview[] = [];
  for (const file of files) {
    const decoded = await decodeBundle(file.data, { tables: store.db.syncTables, expectedCounty: county?.code, trustRecord: carriedRecordProblem });
    if (!decoded.ok) {
      reviews.push({ name: file.name, refusal: decoded });
      continue;
    }
    const sender = decoded.manifest.sender;
    const outsideScope = sender.scope
      ? decoded.changes.filter((c) => c.author === sender.account && !isWithinScope(c.scope, sender.scope!)).length
      : 0;
    reviews.push({ name: file.name, manifest: decoded.manifest, changes: decoded.changes, blobs: decoded.blobs, outsideScope, trust: decoded.trust });
  }
  const accepted = reviews.filter((r) => r.changes);
  if (accepted.length === 0) return { files: reviews };
  const differentCounties = new Set(accepted.map((r) => r.manifest!.county.code));
  if (differentCounties.size > 1) {
    // Two counties in one import: refuse the ones that do not match the first, as "wrong county".
    const first = accepted[0]!.manifest!.county.code;
    for (const r of accepted.slice(1)) {
      if (r.manifest!.county.code !== first) {
        r.refusal = { ok: false, reason: 'wrong-county', detail: { problem: 'two counties in one import', expected: first, found: r.manifest!.county.code } };
        delete r.changes;
        delete r.blobs;
      }
    }
  }
  const records = reviews.flatMap((r) => r.changes ?? []);
  // Every signature is checked and every change hashed here, before the transaction.
  const prepared = await prepareImportTrust(store.db, records, reviews.flatMap((r) => r.trust ?? []), { sealing: store.device });
  return inSyncTransaction(store.db, 'r', async (access, tx) => {
    const decided = await decideImport(tx, access, prepared, store.db.registry.rules, new Date(now));
    const preview = await planImport(admittedChanges(records, decided, store.enforceTrust), access, { now, ownDevice: store.identity.device });
    return { files: reviews, preview, disagreeing: await disagreeingReports(preview, access), trust: decided.summary, prepared };
  }, [REFUSED_STORE]);
}

/** The reports a plan puts whose figures disagree (shared/stats/validation.ts), with their organisations. */
async function disagreeingReports(plan: ImportPlan, access: SyncAccess): Promise<DisagreeingReport[]> {
  const rowsOf = (table: string) => plan.rowsToPut.find((put) => put.table === table)?.rows ?? [];
  const found = liveRows<StatReport>(STAT_REPORT_TABLE, rowsOf(STAT_REPORT_TABLE.name))
    .map((report) => ({ report, issues: figureDisagreements(report) }))
    .filter((f) => f.issues.length > 0);
  if (found.length === 0) return [];
  const orgs = new Map(liveRows<Org>(ORG_TABLE, rowsOf(ORG_TABLE.name)).map((org) => [org.id, org]));
  const held = [...new Set(found.map((f) => f.report.orgId))].filter((id) => !orgs.has(id));
  const stored = liveRows<Org>(ORG_TABLE, (await access.getRows(ORG_TABLE.name, held)).filter((row) => row !== undefined));
  for (const org of stored) orgs.set(org.id, org);
  return found.map(({ report, issues }) => ({ id: report.id, period: report.period, org: orgs.get(report.orgId), issues }));
}

export interface ImportOutcome {
  applied: number;
  alreadyApplied: number;
  conflicts: number;
  /** New changes not authorized, kept aside (present when the store enforces trust). */
  refused?: number;
  /** Changes applied before and taken back out now (a revocation arrived that cuts them); present when any were. */
  takenBack?: number;
}

/**
 * Applies the reviewed files in one transaction: a full backup first (kept in the data folder),
 * then plan again inside the transaction (nothing can slip in between) and apply. If anything fails
 * — a full disk included — the transaction aborts and the database is as it was.
 */
export async function applyReviewedImport(store: Store, review: ImportReview, now = Date.now()): Promise<ImportOutcome> {
  const accepted = review.files.filter((f) => f.changes && f.manifest);
  const records = accepted.flatMap((f) => f.changes!);
  const prepared = review.prepared ?? (await prepareImportTrust(store.db, records, accepted.flatMap((f) => f.trust ?? []), { sealing: store.device }));
  await makeBackup(store, 'before-import');
  const { outcome, restored } = await inSyncTransaction(
    store.db,
    'rw',
    async (access, tx) => {
      const peers = tx.table<PeerEntry, string>('peers');
      const meta = tx.table<MetaEntry, string>('meta');
      const restored = await restoringHere(tx, access, prepared);
      // Decided again inside the transaction, against the rows as they are now.
      const decided = await decideImport(tx, access, prepared, store.db.registry.rules, new Date(now));
      const plan = await planImport(admittedChanges(records, decided, store.enforceTrust), access, { now, ownDevice: store.identity.device });
      await applyImport(plan, access);
      await keepDecisions(tx, access, prepared, decided, store.enforceTrust);
      // In the same transaction as the changes: a row never arrives without the photos it shows.
      // Only the photos some change of the files shows: a blob no change refers to is not kept. A
      // change kept aside keeps its photo too, so that it still shows one when it is let in later.
      for (const f of accepted) if (f.blobs) await storeReceivedBlobs(tx, f.blobs, records);
      for (const f of accepted) {
        const m = f.manifest!;
        if (m.sender.device === store.identity.device) continue;
        const known = await peers.get(m.sender.device);
        // Keep the newest vector the peer reported: files may be imported out of order.
        if (!known || known.lastSeen < m.created) {
          await peers.put({ device: m.sender.device, account: m.sender.account, scope: m.sender.scope, name: m.sender.name, vector: { ...m.vector }, lastSeen: m.created });
        }
      }
      if (!(await meta.get('setup'))) await meta.put({ key: 'setup', value: 'imported' });
      const outcome: ImportOutcome = { applied: plan.changesToAdd.length, alreadyApplied: plan.alreadyApplied, conflicts: plan.conflicts.length, ...(store.enforceTrust ? { refused: decided.refused.length } : {}), ...(store.enforceTrust && decided.takenBack?.length ? { takenBack: decided.takenBack.length } : {}) };
      return { outcome, restored };
    },
    ['peers', BLOB_STORE, TRUST_STORE, REFUSED_STORE],
  );
  // A fresh PC restoring a demo county's file joins the demo county.
  await joinDemoIfRestored(store, restored, prepared.carried);
  return outcome;
}
