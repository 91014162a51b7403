import type { BackupEntry } from './db';
import { encodeFullBundle } from './fullBundle';
import type { Store } from './store';
import { inTransaction } from './tx';

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
  // A backup is a full bundle, photos included: restoring it must bring back every blob.
  const full = await encodeFullBundle(store, { now });
  if (!full) return null;
  const { bytes, changes } = full;
  const entry: BackupEntry = { id: `${now.toISOString()}-${reason}`, created: now.toISOString(), reason, bytes, changes };
  const keep = await backupsKept(store);
  await inTransaction(store.db, 'rw', ['backups'], async (tx) => {
    const backups = tx.table<BackupEntry, string>('backups');
    await backups.put(entry);
    const all = await backups.orderBy('created').reverse().primaryKeys();
    if (all.length > keep) await backups.bulkDelete(all.slice(keep));
  });
  return entry;
}

/** The daily backup: made at start when the newest backup is a day old or older. */
export async function backupIfDue(store: Store, now = new Date()): Promise<BackupEntry | null> {
  const newest = await store.db.backups.orderBy('created').last();
  if (newest && now.getTime() - Date.parse(newest.created) < DAY_MS) return null;
  return makeBackup(store, 'daily', now);
}
