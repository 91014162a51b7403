import type { HubBlob, HubLocal, HubSyncState } from '../../../shared/sync/hub/local';
import { applyPulledRecords, freshState } from '../../../shared/sync/hub/local';
import { BLOB_STORE, blobTable } from './blobs';
import { unsentChanges } from './changeLog';
import { LOG_STORE } from './logPages';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inSyncTransaction, readVector } from './dexieAccess';
import { inTransaction } from './tx';

/** The meta key the hub sync state lives under (local only: never synced, never credentials). */
export const HUB_STATE_KEY = 'hubSync';

/**
 * The hub client's view of this PC's database. A pulled batch, its blobs and the new checkpoint
 * are written in one read-write transaction over the sync stores, planned and applied by the same
 * code as a bundle import, so a batch lands whole with its checkpoint or not at all.
 */
export function dexieHubLocal(db: LeagueDeskDb, identity: { device: string; scope: string }): HubLocal {
  const blobs = blobTable(db);
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
    async applyPulled(records, pulledBlobs, state, now) {
      return inSyncTransaction(
        db,
        'rw',
        async (access, tx) => {
          const meta = tx.table<MetaEntry, string>('meta');
          const result = await applyPulledRecords(access, records, state, now, undefined, identity.device);
          if (pulledBlobs.length > 0) await blobTable(tx).bulkPut(pulledBlobs.map((b) => ({ hash: b.hash, bytes: b.bytes, type: b.type })));
          await meta.put({ key: HUB_STATE_KEY, value: result.state });
          if (!(await meta.get('setup'))) await meta.put({ key: 'setup', value: 'imported' });
          return result;
        },
        [BLOB_STORE],
      );
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
