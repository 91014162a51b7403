import path from 'node:path';
import {
  MAX_BRIDGE_FILE_BYTES,
  openFilesRequestSchema,
  type OpenResult,
  type OpenedFile,
} from '../../shared/bridge';
import type { Lang } from '../../shared/i18n/lang';
import { menuLabelsFor } from '../menuLabels';
import { toDialogFilters } from './dialogFilters';
import { reasonForFsError } from './fsErrors';
import { isTrustedSender } from './senderCheck';
import type { BridgeDialogs, BridgeFs, BridgeInvokeEvent, TrustedFrameSource } from './types';

export interface OpenFilesDeps {
  trustedFrame: TrustedFrameSource;
  dialogs: BridgeDialogs;
  fs: BridgeFs;
  currentLang: () => Lang;
}

/**
 * The native open dialog, with the file-type names in the person's language: the chosen paths, or
 * none when cancelled. Shared by openFiles and pickFiles.
 */
export async function chooseFilePaths(
  deps: { dialogs: BridgeDialogs; currentLang: () => Lang },
  multiple: boolean | undefined,
  filters: Parameters<typeof toDialogFilters>[0],
): Promise<string[]> {
  const choice = await deps.dialogs.showOpenDialog({
    properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: toDialogFilters(filters, menuLabelsFor(deps.currentLang()).fileTypes),
  });
  return choice.canceled ? [] : choice.filePaths;
}

/**
 * bridge.openFiles: the person picks files, the renderer gets their bytes (never their paths to
 * reopen later; the renderer has no file-system access of its own). The size limit applies per file
 * and to the whole answer, because all of it travels back in one IPC message; sizes are checked
 * with stat before reading so a 4 GB video picked by mistake is refused without being loaded.
 */
export function createOpenFilesHandler(deps: OpenFilesDeps) {
  return async (event: BridgeInvokeEvent, rawRequest: unknown): Promise<OpenResult> => {
    if (!isTrustedSender(event, deps.trustedFrame)) return { status: 'error', reason: 'forbidden-sender' };
    const parsed = openFilesRequestSchema.safeParse(rawRequest);
    if (!parsed.success) return { status: 'error', reason: 'invalid-request' };
    const { multiple, filters } = parsed.data;

    const filePaths = await chooseFilePaths(deps, multiple, filters);
    if (filePaths.length === 0) return { status: 'cancelled' };

    try {
      let totalBytes = 0;
      for (const filePath of filePaths) {
        const stats = await deps.fs.stat(filePath);
        totalBytes += stats.size;
        if (totalBytes > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };
      }
      const files: OpenedFile[] = [];
      let readBytes = 0;
      for (const filePath of filePaths) {
        const data = await deps.fs.readFile(filePath);
        // A file can grow between stat and read (a backup still being copied onto the drive).
        readBytes += data.byteLength;
        if (readBytes > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };
        files.push({ name: path.basename(filePath), data: ownBuffer(data) });
      }
      return { status: 'opened', files };
    } catch (error) {
      return { status: 'error', reason: reasonForFsError(error, 'read') };
    }
  };
}

/**
 * IPC serializes a typed array together with its whole underlying ArrayBuffer. A Buffer that is a
 * slice of a larger (pooled) allocation would therefore carry unrelated process memory to the
 * renderer, so such views are copied into a buffer of their own first.
 */
export function ownBuffer(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
    ? new Uint8Array(data.buffer, 0, data.byteLength)
    : new Uint8Array(data);
}
