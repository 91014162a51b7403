import path from 'node:path';
import { MAX_BRIDGE_FILE_BYTES, writeBackupFileRequestSchema, type WriteBackupFileRequest, type WriteBackupFileResult } from '../../shared/bridge';
import { writeFileAtomically } from './atomicWrite';
import { reasonForFsError } from './fsErrors';
import { isTrustedSender } from './senderCheck';
import type { BridgeFs, BridgeInvokeEvent, TrustedFrameSource } from './types';

/** BridgeFs plus listing and making the backups folder; node:fs/promises satisfies it. */
export interface BackupFs extends BridgeFs {
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export interface BackupFileDeps {
  trustedFrame: TrustedFrameSource;
  fs: BackupFs;
  /** `<data folder>/backups`. */
  backupFolder: string;
}

/** Only files this handler wrote are ever rotated away: `league-desk-backup-<time>-<reason>.leaguesync`. */
const BACKUP_FILE = /^league-desk-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[a-z-]+\.leaguesync$/;

export function backupFileName(request: Pick<WriteBackupFileRequest, 'created' | 'reason'>): string {
  // `:` is not allowed in Windows file names; the time still sorts as text.
  const time = new Date(request.created).toISOString().replace(/:/g, '-');
  return `league-desk-backup-${time}-${request.reason}.leaguesync`;
}

/**
 * bridge.writeBackupFile: the backup the renderer just stored in IndexedDB, also as a file in the
 * data folder, so a database that no longer opens (a full disk, a broken profile) can be restored
 * from the folder with "restore a backup". Written atomically and read back; then the oldest files
 * beyond `keep` are removed (a failure there leaves an extra file, not a lost backup).
 */
export function createWriteBackupFileHandler(deps: BackupFileDeps) {
  return async (event: BridgeInvokeEvent, raw: unknown): Promise<WriteBackupFileResult> => {
    if (!isTrustedSender(event, deps.trustedFrame)) return { status: 'error', reason: 'forbidden-sender' };
    const parsed = writeBackupFileRequestSchema.safeParse(raw);
    if (!parsed.success) return { status: 'error', reason: 'invalid-request' };
    const request = parsed.data;
    if (request.data.byteLength > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };
    const target = path.join(deps.backupFolder, backupFileName(request));
    try {
      await deps.fs.mkdir(deps.backupFolder, { recursive: true });
      await writeFileAtomically(deps.fs, target, request.data);
    } catch (error) {
      return { status: 'error', reason: reasonForFsError(error, 'write') };
    }
    let readBack: Uint8Array;
    try {
      readBack = await deps.fs.readFile(target);
    } catch (error) {
      return { status: 'error', reason: reasonForFsError(error, 'read') };
    }
    if (Buffer.compare(Buffer.from(readBack), Buffer.from(request.data)) !== 0) {
      await deps.fs.rm(target, { force: true }).catch(() => undefined);
      return { status: 'error', reason: 'verify-failed' };
    }
    try {
      const older = (await deps.fs.readdir(deps.backupFolder)).filter((name) => BACKUP_FILE.test(name)).sort().reverse();
      for (const name of older.slice(request.keep)) await deps.fs.rm(path.join(deps.backupFolder, name), { force: true });
    } catch {
      // The backup is written; an old one left over is harmless and goes next time.
    }
    return { status: 'written', path: target };
  };
}
