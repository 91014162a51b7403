import path from 'node:path';
import { MAX_BRIDGE_FILE_BYTES, type FileFilter, type SaveResult } from '../../shared/bridge';
import type { Lang } from '../../shared/i18n/lang';
import { menuLabelsFor } from '../menuLabels';
import { writeFileAtomically } from './atomicWrite';
import { toDialogFilters } from './dialogFilters';
import { reasonForFsError } from './fsErrors';
import type { BridgeDialogs, BridgeFs } from './types';

export interface SaveDeps {
  dialogs: BridgeDialogs;
  fs: BridgeFs;
  /** The language the renderer last reported, for the file-type names in the dialog. */
  currentLang: () => Lang;
  /** Where the dialog opens first (the person's Documents folder). */
  defaultDirectory: () => string;
}

export interface SaveRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: readonly FileFilter[] | undefined;
}

/** Asks where to save, then writes atomically. Shared by saveFile and printToPdf. */
export async function saveThroughDialog(deps: SaveDeps, request: SaveRequest): Promise<SaveResult> {
  if (request.data.byteLength > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };

  const choice = await deps.dialogs.showSaveDialog({
    defaultPath: path.join(deps.defaultDirectory(), request.suggestedName),
    filters: toDialogFilters(request.filters, menuLabelsFor(deps.currentLang()).fileTypes),
    // Windows always asks before overwriting; on Linux (GTK) it only does when told to.
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (choice.canceled || !choice.filePath) {
    return { status: 'cancelled' };
  }

  try {
    await writeFileAtomically(deps.fs, choice.filePath, request.data);
  } catch (error) {
    return { status: 'error', reason: reasonForFsError(error, 'write') };
  }
  // USB sticks fail silently: read the file back and compare before telling the person it is done.
  // A copy that does not match is removed, so nobody carries a damaged file to the next office.
  let readBack: Uint8Array;
  try {
    readBack = await deps.fs.readFile(choice.filePath);
  } catch (error) {
    return { status: 'error', reason: reasonForFsError(error, 'read') };
  }
  if (!sameBytes(readBack, request.data)) {
    await deps.fs.rm(choice.filePath, { force: true }).catch(() => undefined);
    return { status: 'error', reason: 'verify-failed' };
  }
  return { status: 'saved', path: choice.filePath, verified: true };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
