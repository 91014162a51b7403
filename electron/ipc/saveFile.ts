import { saveFileRequestSchema, type SaveResult } from '../../shared/bridge';
import { saveThroughDialog, type SaveDeps } from './saveFlow';
import { isTrustedSender } from './senderCheck';
import type { BridgeInvokeEvent, TrustedFrameSource } from './types';

export interface SaveFileDeps extends SaveDeps {
  trustedFrame: TrustedFrameSource;
}

/** bridge.saveFile: the renderer hands over finished bytes; the person picks where they go. */
export function createSaveFileHandler(deps: SaveFileDeps) {
  return async (event: BridgeInvokeEvent, rawRequest: unknown): Promise<SaveResult> => {
    if (!isTrustedSender(event, deps.trustedFrame)) return { status: 'error', reason: 'forbidden-sender' };
    const parsed = saveFileRequestSchema.safeParse(rawRequest);
    if (!parsed.success) return { status: 'error', reason: 'invalid-request' };
    return saveThroughDialog(deps, parsed.data);
  };
}
