import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  MAX_BRIDGE_FILE_BYTES,
  MAX_PICKED_FILES,
  pickFilesRequestSchema,
  pickedFileTokenSchema,
  type PickResult,
  type PickedFile,
  type ReadPickedResult,
} from '../../shared/bridge';
import type { Lang } from '../../shared/i18n/lang';
import { reasonForFsError } from './fsErrors';
import { chooseFilePaths, ownBuffer } from './openFiles';
import { isTrustedSender } from './senderCheck';
import type { BridgeDialogs, BridgeFs, BridgeInvokeEvent, SenderFrame, TrustedFrameSource } from './types';

export interface PickedFilesDeps {
  trustedFrame: TrustedFrameSource;
  dialogs: BridgeDialogs;
  fs: BridgeFs;
  currentLang: () => Lang;
  /** Random token source; tests pass a predictable one. */
  newToken?: () => string;
}

interface Picked {
  path: string;
  /** The frame (document) the token was given to; no other frame may redeem it. */
  processId: number;
  frameToken: string;
}

/**
 * The files the person chose in this window, by token. The renderer never sees a path and cannot
 * name one: it can only redeem a token this map holds. A new pick replaces the previous one
 * (unread files of an abandoned import are forgotten), and each token is good for one read.
 */
export class PickedFileRegistry {
  private readonly byToken = new Map<string, Picked>();

  replace(entries: ReadonlyArray<[string, Picked]>): void {
    this.byToken.clear();
    for (const [token, picked] of entries) this.byToken.set(token, picked);
  }

  /** Takes a token out (whether or not the read then succeeds); undefined when unknown or for another frame. */
  take(token: string, frame: SenderFrame): string | undefined {
    const picked = this.byToken.get(token);
    if (picked === undefined || picked.processId !== frame.processId || picked.frameToken !== frame.frameToken) return undefined;
    this.byToken.delete(token);
    return picked.path;
  }

  get size(): number {
    return this.byToken.size;
  }
}

const randomToken = () => randomBytes(18).toString('base64url');

/**
 * bridge.pickFiles: the dialog only. Sizes come from stat, so nothing is read and a 500-photo pick
 * answers at once; files over the per-file limit are refused here, before any reading.
 */
export function createPickFilesHandler(deps: PickedFilesDeps, registry: PickedFileRegistry) {
  return async (event: BridgeInvokeEvent, rawRequest: unknown): Promise<PickResult> => {
    if (!isTrustedSender(event, deps.trustedFrame)) return { status: 'error', reason: 'forbidden-sender' };
    const sender = event.senderFrame!;
    const parsed = pickFilesRequestSchema.safeParse(rawRequest);
    if (!parsed.success) return { status: 'error', reason: 'invalid-request' };
    const { multiple, filters } = parsed.data;

    const filePaths = await chooseFilePaths(deps, multiple, filters);
    if (filePaths.length === 0) return { status: 'cancelled' };
    if (filePaths.length > MAX_PICKED_FILES) return { status: 'error', reason: 'invalid-request' };

    try {
      const files: PickedFile[] = [];
      const entries: [string, Picked][] = [];
      const newToken = deps.newToken ?? randomToken;
      for (const filePath of filePaths) {
        const stats = await deps.fs.stat(filePath);
        if (stats.size > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };
        const token = newToken();
        entries.push([token, { path: filePath, processId: sender.processId, frameToken: sender.frameToken }]);
        files.push({ token, name: path.basename(filePath), size: stats.size });
      }
      registry.replace(entries);
      return { status: 'picked', files };
    } catch (error) {
      return { status: 'error', reason: reasonForFsError(error, 'read') };
    }
  };
}

/**
 * bridge.readPickedFile: the bytes of one file chosen through pickFiles, one IPC message per file.
 * An unknown, forged, spent or foreign token is refused without touching the disk; a file that is
 * gone since it was chosen is `file-missing`; the size limit is checked again (files grow).
 */
export function createReadPickedFileHandler(deps: PickedFilesDeps, registry: PickedFileRegistry) {
  return async (event: BridgeInvokeEvent, rawToken: unknown): Promise<ReadPickedResult> => {
    if (!isTrustedSender(event, deps.trustedFrame)) return { status: 'error', reason: 'forbidden-sender' };
    const parsed = pickedFileTokenSchema.safeParse(rawToken);
    if (!parsed.success) return { status: 'error', reason: 'invalid-request' };
    const filePath = registry.take(parsed.data, event.senderFrame!);
    if (filePath === undefined) return { status: 'error', reason: 'unknown-file' };
    try {
      const stats = await deps.fs.stat(filePath);
      if (!stats.isFile()) return { status: 'error', reason: 'read-failed' };
      if (stats.size > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };
      const data = await deps.fs.readFile(filePath);
      if (data.byteLength > MAX_BRIDGE_FILE_BYTES) return { status: 'error', reason: 'file-too-large' };
      return { status: 'read', data: ownBuffer(data) };
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'error', reason: 'file-missing' };
      return { status: 'error', reason: reasonForFsError(error, 'read') };
    }
  };
}
