import { encodeBundle } from '../../../shared/sync/bundle';
import { countyCodeOf } from '../../../shared/sync/county';
import { blobTable } from './blobs';
import { dexieAccess, syncStores } from './dexieAccess';
import type { BackupEntry } from './db';
import type { Store } from './store';

export const DEFAULT_BACKUPS_KEPT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function backupsKept(store: Store): Promise<number> {
  const value = (await store.db.meta.get('backupsKept'))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_BACKUPS_KEPT;
}

/**
 * A full bundle of everything this PC holds, kept in the database (which lives in the data
 * folder), then older automatic backups beyond the number to keep are removed. Nothing to back up
 * (an empty PC) makes no backup.
 */
export async function makeBackup(store: Store, reason: BackupEntry['reason'], now = new Date()): Promise<BackupEntry | null> {
  const { db, identity } = store;
  const access = dexieAccess(db);
  // A backup is a full bundle, photos included: restoring it must bring back every blob.
  const { changes, vector, county, blobs } = await db.transaction('r', [...syncStores(db), blobTable(db)], async () => {
    const roots = await db.org.filter((r) => r.parentId === null && r.kind === 'county').toArray();
    const all = await blobTable(db).toArray();
    return { changes: await access.allChanges(), vector: await access.getVector(), county: roots[0], blobs: all.map((b) => b.bytes) };
  });
  if (changes.length === 0) return null;
  const code = typeof county?.code === 'string' ? county.code : countyCodeOf(changes)!;
  const bytes = await encodeBundle({
    county: { code },
    sender: { device: identity.device, account: identity.author, scope: code },
    kind: 'full',
    changes,
    vector,
    blobs,
    created: now.toISOString(),
  });
  const entry: BackupEntry = { id: `${now.toISOString()}-${reason}`, created: now.toISOString(), reason, bytes, changes: changes.length };
  const keep = await backupsKept(store);
  await db.transaction('rw', db.backups, async () => {
    await db.backups.put(entry);
    const all = await db.backups.orderBy('created').reverse().primaryKeys();
    if (all.length > keep) await db.backups.bulkDelete(all.slice(keep));
  });
  return entry;
}

/** The daily backup: made at start when the newest backup is a day old or older. */
export async function backupIfDue(store: Store, now = new Date()): Promise<BackupEntry | null> {
  const newest = await store.db.backups.orderBy('created').last();
  if (newest && now.getTime() - Date.parse(newest.created) < DAY_MS) return null;
  return makeBackup(store, 'daily', now);
}
