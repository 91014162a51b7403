import type { HubBlob, HubLocal, HubSyncState, HubTrustDoc } from '../../../shared/sync/hub/local';
import { applyPulledChanges, freshState, parsePulled } from '../../../shared/sync/hub/local';
import { recordId } from '../../../shared/trust/signed';
import { BLOB_STORE, blobTable } from './blobs';
import { unsentChanges } from './changeLog';
import { LOG_STORE } from './logPages';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inSyncTransaction, readVector } from './dexieAccess';
import { admittedChanges, decideImport, keepDecisions, prepareImportTrust, restoringHere } from './importTrust';
import { sealUnsealed, type SealingDevice } from './sealing';
import { inTransaction } from './tx';
import { covering, REFUSED_STORE, TRUST_STORE, trustTable, type TrustEntry } from './trustStore';

/** The meta key the hub sync state lives under (local only: never synced, never credentials). */
export const HUB_STATE_KEY = 'hubSync';

export interface HubTrustOptions {
  /** This PC as it signs: its own changes are sealed before they are pushed (a crash may have left some unsealed). */
  sealing?: SealingDevice;
  /** Refused changes are kept aside, not applied (Store.enforceTrust; on unless said). */
  enforceTrust?: boolean;
  /**
   * Called after a pull that restored a fresh PC (importTrust.ts `restoringHere`), with the trust
   * records it carried: the app joins the demo county there, as after a file (store/demo.ts).
   */
  onRestored?: (carried: readonly TrustEntry[]) => Promise<void>;
}

/**
 * The hub client's view of this PC's database. A pulled batch is decided exactly as a USB import
 * is (store/importTrust.ts): the pulled trust records and every signature are checked before the
 * transaction; inside one read-write transaction the changes are decided against the rows as held,
 * the authorized ones planned and applied by the bundle import's code, the pulled trust records
 * and the refused changes kept (the county's refused page lists them), with the blobs and the new
 * checkpoint — so a batch lands whole with its checkpoint or not at all, and the checkpoint moves
 * past refused changes, which are kept aside, not lost.
 */
export function dexieHubLocal(db: LeagueDeskDb, identity: { device: string; scope: string }, options: HubTrustOptions = {}): HubLocal {
  const blobs = blobTable(db);
  const enforce = options.enforceTrust ?? true;
  return {
    device: identity.device,
    scope: identity.scope,
    async readState(hub) {
      const stored = (await db.meta.get(HUB_STATE_KEY))?.value as HubSyncState | undefined;
      return stored && stored.hub === hub ? stored : freshState(hub);
    },
    async saveState(state) {
      await db.meta.put({ key: HUB_STATE_KEY, value: state });
    },
    async unsent(sent) {
      // The vector names every device in the log with its latest stamp: devices the hub is known
      // to hold everything of are skipped, and only pages above the others' marks are read.
      return inTransaction(db, 'r', [LOG_STORE, 'vector'], async (tx) => unsentChanges(tx, sent, await readVector(tx)));
    },
    async trustFor(changes) {
      if (options.sealing) await sealUnsealed(db, options.sealing);
      const entries = await inTransaction(db, 'r', [TRUST_STORE], async (tx) => covering(await trustTable(tx).toArray(), changes));
      return entries.map((e) => ({ id: e.id, record: e.record as object, once: e.kind !== 'seal' }));
    },
    async applyPulled(records, pulledBlobs, pulledTrust, state, now) {
      // Before the transaction: parsing, and the trust material's signatures and hashes (WebCrypto).
      const { valid, rejected } = parsePulled(records, db.syncTables);
      const carried = pulledTrust.filter(isWhatItsIdSays);
      // A pull that brought neither changes nor trust records (the hub had nothing new) changes no
      // decision: the changes kept aside are not checked again every few minutes for nothing.
      const prepared = valid.length > 0 || carried.length > 0 ? await prepareImportTrust(db, valid, carried.map((t) => t.record), { sealing: options.sealing }) : undefined;
      const { result, restored } = await inSyncTransaction(
        db,
        'rw',
        async (access, tx) => {
          const meta = tx.table<MetaEntry, string>('meta');
          const restored = prepared !== undefined && (await restoringHere(tx, access, prepared));
          const decided = prepared && (await decideImport(tx, access, prepared, db.registry.rules, new Date(now)));
          const admitted = decided ? admittedChanges(valid, decided, enforce) : valid;
          // What this pull set aside; changes set aside before and refused again are not counted twice.
          const pulledIds = new Set(valid.map((c) => c.id));
          const refused = enforce && decided ? decided.refused.filter((r) => pulledIds.has(r.change.id)).length : 0;
          const result = await applyPulledChanges(access, { pulled: valid, admitted, rejected: rejected + pulledTrust.length - carried.length, refused }, state, now, undefined, identity.device);
          const takenBack = enforce ? (decided?.takenBack?.length ?? 0) : 0;
          if (takenBack > 0) result.batch.takenBack = takenBack;
          if (prepared && decided) await keepDecisions(tx, access, prepared, decided, enforce);
          if (pulledBlobs.length > 0) await blobTable(tx).bulkPut(pulledBlobs.map((b) => ({ hash: b.hash, bytes: b.bytes, type: b.type })));
          await meta.put({ key: HUB_STATE_KEY, value: result.state });
          if (!(await meta.get('setup'))) await meta.put({ key: 'setup', value: 'imported' });
          return { result, restored };
        },
        [BLOB_STORE, TRUST_STORE, REFUSED_STORE],
      );
      if (restored && prepared && options.onRestored) await options.onRestored(prepared.carried);
      return result;
    },
    async blobHashes() {
      return (await blobs.toCollection().primaryKeys()) as string[];
    },
    async readBlobs(hashes): Promise<HubBlob[]> {
      return (await blobs.bulkGet([...hashes])).flatMap((b) => (b ? [{ hash: b.hash, bytes: b.bytes, type: b.type }] : []));
    },
    async missingBlobs(hashes) {
      const unique = [...new Set(hashes)];
      const held = await blobs.bulkGet(unique);
      return unique.filter((_, i) => held[i] === undefined);
    },
  };
}

/**
 * A trust document whose id is not its record's: the hub cannot hash, so anyone may have posted
 * it. Left out and counted as rejected; its signatures are checked as every carried record's are.
 */
function isWhatItsIdSays(doc: HubTrustDoc): boolean {
  try {
    return recordId(doc.record) === doc.id;
  } catch {
    return false;
  }
}
