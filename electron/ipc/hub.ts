import type { HubConfigInfo, HubConfigureResult } from '../../shared/bridge';
import type { FetchLike } from '../../shared/sync/hub/fetchTransport';
import type { HubResponse } from '../../shared/sync/hub/protocol';
import { accountFromRequest, accountInfo, HubRelayRefusal, relayHubRequest } from '../../shared/sync/hub/relay';
import type { HubAccountStore } from '../hubAccount';
import { BridgeRefusal, isTrustedSender } from './senderCheck';
import type { BridgeInvokeEvent, TrustedFrameSource } from './types';

export interface HubDeps {
  trustedFrame: TrustedFrameSource;
  hubAccounts: HubAccountStore;
  /** fetch with a timeout; the main process's network stack. */
  hubFetch: FetchLike;
}

function refuse(event: BridgeInvokeEvent, deps: HubDeps): void {
  if (!isTrustedSender(event, deps.trustedFrame)) throw new BridgeRefusal('forbidden-sender');
}

/** bridge.hub.request: the renderer names a path in the county database; credentials are added here. */
export function createHubRequestHandler(deps: HubDeps) {
  return async (event: BridgeInvokeEvent, raw: unknown): Promise<HubResponse> => {
    refuse(event, deps);
    try {
      return await relayHubRequest(await deps.hubAccounts.load(), raw, deps.hubFetch);
    } catch (error) {
      if (error instanceof HubRelayRefusal) throw new BridgeRefusal('invalid-request');
      throw error;
    }
  };
}

/** bridge.hub.config: the saved account without its password. */
export function createHubConfigHandler(deps: HubDeps) {
  return async (event: BridgeInvokeEvent): Promise<HubConfigInfo> => {
    refuse(event, deps);
    return accountInfo(await deps.hubAccounts.load(), 'safe-storage');
  };
}

/** bridge.hub.configure: saves (or, with null, forgets) the account. */
export function createHubConfigureHandler(deps: HubDeps) {
  return async (event: BridgeInvokeEvent, raw: unknown): Promise<HubConfigureResult> => {
    refuse(event, deps);
    if (raw === null) {
      await deps.hubAccounts.forget();
      return { status: 'forgotten' };
    }
    let account;
    try {
      account = accountFromRequest(raw);
    } catch {
      return { status: 'error', reason: 'invalid-request' };
    }
    const saved = await deps.hubAccounts.save(account);
    return saved === 'saved' ? { status: 'saved' } : { status: 'error', reason: saved };
  };
}
