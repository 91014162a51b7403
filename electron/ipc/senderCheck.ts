import { isAppUrl } from '../appOrigin';
import type { BridgeInvokeEvent, TrustedFrameSource } from './types';

/**
 * Only our window's main frame, showing our own page, may use the bridge. A subframe or a page that
 * somehow navigated elsewhere gets nothing, even though it shares the preload. Frames are compared
 * by process and frame token rather than object identity: Electron may hand out distinct wrapper
 * objects for the same frame.
 */
export function isTrustedSender(event: BridgeInvokeEvent, trustedFrame: TrustedFrameSource): boolean {
  const sender = event.senderFrame;
  const main = trustedFrame();
  if (sender === null || main === null) return false;
  return (
    sender.processId === main.processId &&
    sender.frameToken === main.frameToken &&
    isAppUrl(sender.url)
  );
}

/**
 * Thrown by the calls whose result type has no error branch (appInfo, setLanguage). The message is
 * the reason code, which is what reaches the renderer's rejected promise.
 */
export class BridgeRefusal extends Error {
  constructor(readonly reason: 'forbidden-sender' | 'invalid-request') {
    super(reason);
    this.name = 'BridgeRefusal';
  }
}
