import { z } from 'zod';
import { LANGS, type Lang } from './i18n/lang';
import type { HubConfigInfo, HubConfigureRequest, HubConfigureResult, HubRequest, HubResponse } from './sync/hub/protocol';

/**
 * The one interface the renderer uses to reach the outside world (files, USB drives, PDF printing,
 * app info). Two implementations: Electron (`window.leagueDesk`, exposed by electron/preload.ts, each
 * call an IPC invoke validated in electron/ipc) and the browser (web APIs, renderer/src/platform).
 * The schemas here are the IPC edge: the main process parses every argument with them.
 */

export { BRIDGE_CHANNELS } from './bridgeChannels';

/** A file name offered to the person: no folders, no characters Windows refuses. */
export const suggestedFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/:*?"<>|\u0000-\u001f]/.test(name) && name !== '.' && name !== '..', {
    message: 'file-name-unsafe',
  });

export const fileFilterSchema = z.object({
  /** A key in `fileTypes.*` (locales/<lang>/menu.json for the shell's dialogs), translated by the side that shows the dialog. */
  nameKey: z.enum(['xlsx', 'pdf', 'csv', 'leaguesync', 'png', 'images', 'text', 'leaguejoin', 'leaguecert', 'leaguekey', 'all']),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$|^\*$/)).min(1),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** The file type of sync files and backups (`*.leaguesync`), for save and open dialogs. */
export const LEAGUESYNC_FILTERS: FileFilter[] = [{ nameKey: 'leaguesync', extensions: ['leaguesync'] }];

/** Enrolment files (docs/FORMATS.md): a PC's request, the county's answer, the county's authority on a USB drive. */
export const LEAGUEJOIN_FILTERS: FileFilter[] = [{ nameKey: 'leaguejoin', extensions: ['leaguejoin'] }];
export const LEAGUECERT_FILTERS: FileFilter[] = [{ nameKey: 'leaguecert', extensions: ['leaguecert'] }];
export const LEAGUEKEY_FILTERS: FileFilter[] = [{ nameKey: 'leaguekey', extensions: ['leaguekey'] }];

export const saveFileRequestSchema = z.object({
  suggestedName: suggestedFileNameSchema,
  // z.custom keeps the plain Uint8Array type (any backing buffer), which is what encoders return.
  data: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  filters: z.array(fileFilterSchema).max(10).optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const openFilesRequestSchema = z.object({
  multiple: z.boolean(),
  filters: z.array(fileFilterSchema).max(10).optional(),
});
export type OpenFilesRequest = z.infer<typeof openFilesRequestSchema>;

/** pickFiles takes the same request as openFiles: the dialog, not the bytes. */
export const pickFilesRequestSchema = openFilesRequestSchema;
export type PickFilesRequest = OpenFilesRequest;

/**
 * The handle pickFiles issues for one chosen file: random, opaque, meaningful only to the side that
 * issued it (never a path). The main process accepts it only from the window it was issued to.
 */
export const pickedFileTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** At most this many files in one pick (a whole USB drive selected by mistake is refused). */
export const MAX_PICKED_FILES = 5000;

export const printToPdfRequestSchema = z.object({
  suggestedName: suggestedFileNameSchema,
  landscape: z.boolean().optional(),
  pageSize: z.enum(['A4', 'A3']).optional(),
});
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export const setLanguageRequestSchema = z.enum(LANGS);

/** Reason codes a bridge call can fail with; the renderer maps each to a message in `errors.bridge.*`. */
export const BRIDGE_ERROR_CODES = [
  'invalid-request',
  'forbidden-sender',
  'disk-full',
  'no-permission',
  'write-failed',
  'read-failed',
  'file-too-large',
  /** The file read back after saving differs from what was written (a failing USB drive); it was removed. */
  'verify-failed',
  /** The file is open in another program (Excel or WPS holding a spreadsheet on Windows). */
  'file-in-use',
  'print-failed',
  'unsupported',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export type SaveResult =
  /** `verified`: the file was read back and matched. False only where the platform cannot read back (a browser download). */
  | { status: 'saved'; path: string; verified: boolean }
  | { status: 'cancelled' }
  | { status: 'error'; reason: BridgeErrorCode };

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}
export type OpenResult =
  | { status: 'opened'; files: OpenedFile[] }
  | { status: 'cancelled' }
  | { status: 'error'; reason: BridgeErrorCode };

export interface PickedFile {
  /** Pass to readPickedFile; good for one read. */
  token: string;
  name: string;
  /** Bytes, as the file system reported when it was chosen. */
  size: number;
}
export type PickResult =
  | { status: 'picked'; files: PickedFile[] }
  | { status: 'cancelled' }
  | { status: 'error'; reason: BridgeErrorCode };

/**
 * Why one picked file could not be read, beyond the general codes: it is no longer there (the USB
 * drive was pulled out, the file was moved), or the token is not one this window was given (or
 * was already used).
 */
export type PickedFileErrorCode = BridgeErrorCode | 'file-missing' | 'unknown-file';
export type ReadPickedResult = { status: 'read'; data: Uint8Array } | { status: 'error'; reason: PickedFileErrorCode };

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'browser';
  /** Operating system as the shell reports it (`win32`, `linux`, … or the browser's user agent platform). */
  platform: string;
  /** Where data lives; null in browser mode (the browser profile's IndexedDB). */
  dataFolder: string | null;
  /** True when a `portable` marker beside the executable keeps all data beside it (USB drive). */
  portable: boolean;
}

/** Why a backup was made (the backups table's `reason`). */
export const BACKUP_REASONS = ['daily', 'before-import', 'before-upgrade', 'manual'] as const;

/**
 * A backup, also written as a file into the data folder's `backups` folder (desktop app), so a
 * database that will not open can still be restored from there. The shell names the file from
 * `created` and `reason` and keeps the newest `keep` of them, as the app keeps its backups.
 */
export const writeBackupFileRequestSchema = z.strictObject({
  created: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS),
  data: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength > 0),
  keep: z.number().int().min(1).max(100),
});
export type WriteBackupFileRequest = z.infer<typeof writeBackupFileRequestSchema>;
/** `unsupported`: browser mode, which has no data folder. */
export type WriteBackupFileResult = { status: 'written'; path: string } | { status: 'error'; reason: BridgeErrorCode };

export type MenuCommand = { type: 'setLanguage'; lang: Lang } | { type: 'about' };

export interface Bridge {
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  openFiles(request: OpenFilesRequest): Promise<OpenResult>;
  /**
   * For many or large files: the person chooses, the answer is names, sizes and tokens only; each
   * file is then read on demand with readPickedFile (one token, one read), so memory holds only
   * the files being worked on. Optional: where absent, callers fall back to openFiles.
   */
  pickFiles?(request: PickFilesRequest): Promise<PickResult>;
  readPickedFile?(token: string): Promise<ReadPickedResult>;
  /** Prints what the window shows now (the print stylesheet applies) to a PDF the person saves. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  /** Rejects (message = the reason code) when refused; it has no other failure. */
  appInfo(): Promise<AppInfo>;
  /** Tells the shell the UI language changed, so the application menu follows. Rejects like appInfo. */
  setLanguage(lang: Lang): Promise<void>;
  /** Writes a backup as a file in the data folder and rotates the older ones; `unsupported` in a browser. Optional like pickFiles. */
  writeBackupFile?(request: WriteBackupFileRequest): Promise<WriteBackupFileResult>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The county hub (network sync). Absent where the shell offers none; then the UI says so. */
  hub?: HubBridge;
}

export { hubRequestSchema, hubConfigureRequestSchema, type HubConfigInfo, type HubConfigureRequest, type HubConfigureResult } from './sync/hub/protocol';

export interface HubBridge {
  /** One request to the county database; the shell adds the address and the credentials. */
  request(request: HubRequest): Promise<HubResponse>;
  config(): Promise<HubConfigInfo>;
  /** Saves the account (null forgets it). */
  configure(request: HubConfigureRequest | null): Promise<HubConfigureResult>;
}

/** Files larger than this are refused at the bridge; the biggest expected is a full backup bundle. */
export const MAX_BRIDGE_FILE_BYTES = 512 * 1024 * 1024;
