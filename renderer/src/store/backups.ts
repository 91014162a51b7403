import type { Bridge, BridgeErrorCode } from '../../../shared/bridge';
import type { BackupEntry } from './db';
import { decodeBundle, encodeBundle } from '../../../shared/sync/bundle';
import { BLOB_STORE, blobsByHash } from './blobs';
import { encodeFullBundle } from './fullBundle';
import type { Store } from './store';
import { inTransaction } from './tx';
import { getBridge } from '../platform/bridge';

export const DEFAULT_BACKUPS_KEPT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Local to this PC (meta): where the last backup file was written, or why it could not be. */
export const BACKUP_FILE_KEY = 'backupFile';
export type BackupFileRecord = { at: string; path: string } | { at: string; reason: BridgeErrorCode };

/** The shell's bridge where there is a window (the app); none in unit tests of the store. */
function shellBridge(): Pick<Bridge, 'writeBackupFile'> | undefined {
  return typeof window === 'undefined' ? undefined : getBridge(window);
}

export async function backupsKept(store: Store): Promise<number> {
  const value = (await store.db.meta.get('backupsKept'))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_BACKUPS_KEPT;
}

/**
 * A full bundle of everything this PC holds, kept in the database (which lives in the data
 * folder), then older automatic backups beyond the number to keep are removed. Nothing to back up
 * (an empty PC) makes no backup. The desktop app also writes it as a file into the data folder
 * (bridge.writeBackupFile), because a backup inside the database is lost with the database.
 */
export async function makeBackup(
  store: Store,
  reason: BackupEntry['reason'],
  now = new Date(),
  bridge: Pick<Bridge, 'writeBackupFile'> | undefined = shellBridge(),
): Promise<BackupEntry | null> {
  // A backup is a full bundle whose photos are named, not copied: each is held once in the blobs
  // table however many backups need it, and `backupBundle` puts them back when it leaves the PC.
  const full = await encodeFullBundle(store, { now, blobs: 'refer' });
  if (!full) return null;
  const { bytes, changes, blobHashes } = full;
  const entry: BackupEntry = { id: `${now.toISOString()}-${reason}`, created: now.toISOString(), reason, bytes, changes, blobs: blobHashes };
  const keep = await backupsKept(store);
  await inTransaction(store.db, 'rw', ['backups'], async (tx) => {
    const backups = tx.table<BackupEntry, string>('backups');
    await backups.put(entry);
    const all = await backups.orderBy('created').reverse().primaryKeys();
    if (all.length > keep) await backups.bulkDelete(all.slice(keep));
  });
  // After the transaction, never inside it: the bridge is not IndexedDB.
  await writeBackupFile(store, bridge, entry, keep);
  return entry;
}

/**
 * The file copy of a backup. Its failure does not undo the backup in the database; it is recorded
 * for the Sync page, which says where the files are or why the last one was not written.
 */
async function writeBackupFile(store: Store, bridge: Pick<Bridge, 'writeBackupFile'> | undefined, entry: BackupEntry, keep: number): Promise<void> {
  if (!bridge?.writeBackupFile) return;
  // The file stands for the database when the database is lost, so it carries its photos.
  const result = await backupBundle(store, entry)
    .then((data) => bridge.writeBackupFile!({ created: entry.created, reason: entry.reason, data, keep }))
    .catch(() => ({ status: 'error' as const, reason: 'write-failed' as const }));
  if (result.status === 'error' && result.reason === 'unsupported') return;
  const record: BackupFileRecord = result.status === 'written' ? { at: entry.created, path: result.path } : { at: entry.created, reason: result.reason };
  await store.db.meta.put({ key: BACKUP_FILE_KEY, value: record });
}

/**
 * A backup as a whole bundle, photos included: what is saved to a USB drive or written as a file,
 * and what a restore imports. A backup that names its blobs (`entry.blobs`) gets them back from
 * the blobs table; one that carries them is returned as it is.
 */
export async function backupBundle(store: Store, entry: BackupEntry): Promise<Uint8Array> {
  if (entry.blobs === undefined || entry.blobs.length === 0) return entry.bytes;
  const decoded = await decodeBundle(entry.bytes, { tables: store.db.syncTables });
  if (!decoded.ok) throw new Error(`backup ${entry.id} does not decode: ${decoded.reason}`);
  const blobs = await inTransaction(store.db, 'r', [BLOB_STORE], (tx) => blobsByHash(tx, entry.blobs!));
  const { county, sender, kind, vector, created } = decoded.manifest;
  return encodeBundle({ county, sender, kind, changes: decoded.changes, vector, blobs, created, trust: decoded.trust }, { tables: store.db.syncTables });
}

/** The daily backup: made at start when the newest backup is a day old or older. */
export async function backupIfDue(store: Store, now = new Date(), bridge = shellBridge()): Promise<BackupEntry | null> {
  const newest = await store.db.backups.orderBy('created').last();
  if (newest && now.getTime() - Date.parse(newest.created) < DAY_MS) return null;
  return makeBackup(store, 'daily', now, bridge);
}
