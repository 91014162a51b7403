import { useLiveQuery } from 'dexie-react-hooks';
import { verifyBundle, type BundleRefusal, type VerifiedBundle } from '../../../../shared/sync/bundle';
import { useStore } from '../../app/context';
import { BACKUP_FILE_KEY, backupsKept, DEFAULT_BACKUPS_KEPT, type BackupFileRecord } from '../../store/backups';
import type { BackupEntry, PeerEntry } from '../../store/db';
import type { Store } from '../../store/store';
import { lastUsbCopy } from '../../store/usbCopy';

/*
 * What the Sync page reads and the few local settings it writes, by name: its cards never reach the
 * database themselves (the lint: scripts/lint-rules/storage.js). The import and export themselves
 * are syncService.ts.
 */

/** The PCs this one has received files from, the most recently heard first (what an export for a peer offers). */
export function usePeers(): PeerEntry[] {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.peers.toArray()).sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1)), [store]) ?? [];
}

export interface BackupsState {
  /** Newest first. */
  backups: BackupEntry[];
  /** How many automatic backups are kept. */
  kept: number;
  /** Where the last backup file was written, or why it could not be; undefined until read. */
  fileRecord: { value: BackupFileRecord | undefined } | undefined;
  /** When this PC last saved a full copy to a file (store/usbCopy.ts). */
  lastCopy: string | undefined;
}

/** The backups held in the data folder and what the Backups card says about them, kept live. */
export function useBackups(): BackupsState {
  const store = useStore();
  const backups = useLiveQuery(() => store.db.backups.orderBy('created').reverse().toArray(), [store]) ?? [];
  const kept = useLiveQuery(() => backupsKept(store), [store]) ?? DEFAULT_BACKUPS_KEPT;
  const fileRecord = useLiveQuery(async () => ({ value: (await store.db.meta.get(BACKUP_FILE_KEY))?.value as BackupFileRecord | undefined }), [store]);
  const lastCopy = useLiveQuery(() => lastUsbCopy(store), [store]);
  return { backups, kept, fileRecord, lastCopy };
}

/** The most automatic backups a person may ask to keep. */
export const MAX_BACKUPS_KEPT = 100;

/** Keeps this many automatic backups from the next one on (local to this PC); a number out of 1–100 changes nothing. */
export async function setBackupsKept(store: Store, value: number): Promise<void> {
  if (Number.isInteger(value) && value >= 1 && value <= MAX_BACKUPS_KEPT) await store.db.meta.put({ key: 'backupsKept', value });
}

/** Checks a backup (or any sync file) against this PC's tables without importing it. */
export function verifyBackupFile(store: Store, bytes: Uint8Array): Promise<VerifiedBundle | BundleRefusal> {
  return verifyBundle(bytes, { tables: store.db.syncTables });
}

/** The synced tables this PC knows, in the registry's order: the rows of an import preview. */
export function useSyncedTableNames(): readonly string[] {
  return useStore().db.syncTables.names;
}
