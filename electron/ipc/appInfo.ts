import type { AppInfo } from '../../shared/bridge';
import { BridgeRefusal, isTrustedSender } from './senderCheck';
import type { BridgeInvokeEvent, TrustedFrameSource } from './types';

export interface AppInfoDeps {
  trustedFrame: TrustedFrameSource;
  appInfo: AppInfo;
}

/** bridge.appInfo. AppInfo has no error branch, so a foreign sender gets a rejected call instead. */
export function createAppInfoHandler(deps: AppInfoDeps) {
  return (event: BridgeInvokeEvent): AppInfo => {
    if (!isTrustedSender(event, deps.trustedFrame)) throw new BridgeRefusal('forbidden-sender');
    return { ...deps.appInfo };
  };
}
