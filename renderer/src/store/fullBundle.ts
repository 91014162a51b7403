import type { Org } from '../../../shared/domain/org';
import { encodeBundle } from '../../../shared/sync/bundle';
import type { Change } from '../../../shared/sync/change';
import { countyCodeOf } from '../../../shared/sync/county';
import { BLOB_STORE, blobTable, blobsWithHashes } from './blobs';
import { readHomeCounty } from './county';
import { readChangeLog } from './dexieAccess';
import type { Store } from './store';
import { inTransaction } from './tx';
import { carriedRecordProblem } from '../../../shared/trust/carried';
import { sealUnsealed } from './sealing';
import { TRUST_STORE, trustRecordsFor } from './trustStore';

export interface FullBundle {
  bytes: Uint8Array;
  /** Changes in it. */
  changes: number;
  /** The county the PC keeps; absent while its tree has no root yet (a backup is still made). */
  county: Org | undefined;
  /** Every blob held when it was made, by sha-256: carried in `bytes`, or only named (`blobs: 'refer'`). */
  blobHashes: string[];
}

/**
 * Everything this PC holds as one bundle: the sync page's full export, every backup, the copy the
 * storage banner saves. The log's pages and the vector are read in one transaction (readChangeLog)
 * and handed to the encoder in batches, so its progress moves; photos travel with it, read after the
 * log, so every blob a change in it refers to is already stored. Null when the PC holds nothing.
 * A backup kept in the database leaves the photos out (`blobs: 'refer'`) and records their hashes
 * instead (backups.ts, `backupBundle` puts them back), so ten backups do not hold ten copies of each.
 */
export async function encodeFullBundle(
  store: Store,
  options: { now: Date; onProgress?: (done: number, total: number) => void; blobs?: 'carry' | 'refer' },
): Promise<FullBundle | null> {
  const { db, identity } = store;
  // Own changes a crash left unsealed are sealed first, so the file vouches for all of them.
  await sealUnsealed(db, store.device);
  const [county, trust] = await inTransaction(db, 'r', ['org', TRUST_STORE], async (tx) => [await readHomeCounty(tx), await trustRecordsFor(tx, 'all')] as const);
  const log = readChangeLog(db);
  const vector = await log.vector;
  if (Object.keys(vector).length === 0) return null;
  const refer = options.blobs === 'refer';
  const [blobs, blobHashes] = await inTransaction(db, 'r', [BLOB_STORE], async (tx) =>
    refer ? [[], (await blobTable(tx).toCollection().primaryKeys()) as string[]] : blobsWithHashes(tx),
  );
  let count = 0;
  let code = county?.code;
  const counted: AsyncIterable<readonly Change[]> = {
    async *[Symbol.asyncIterator]() {
      for await (const batch of log.batches) {
        count += batch.length;
        yield batch;
      }
    },
  };
  if (code === undefined) {
    // A tree without its root yet: the county's code is the first segment of any change's scope.
    for await (const batch of log.batches) {
      code = countyCodeOf(batch);
      break;
    }
  }
  const bytes = await encodeBundle(
    {
      county: county ? { code: county.code, name: county.name } : { code: code! },
      sender: { device: identity.device, account: identity.author, scope: code!, name: identity.name },
      kind: 'full',
      changes: counted,
      vector,
      blobs,
      created: options.now.toISOString(),
      trust,
    },
    { tables: db.syncTables, onProgress: options.onProgress, trustRecord: carriedRecordProblem },
  );
  return { bytes, changes: count, county, blobHashes: [...blobHashes].sort() };
}
