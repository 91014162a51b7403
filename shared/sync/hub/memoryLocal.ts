import { byStamp } from '../change';
import type { MemorySyncStore } from '../memoryAccess';
import { includes, type VersionVector } from '../vector';
import { applyPulledRecords, freshState, type HubBlob, type HubLocal, type HubSyncState } from './local';

export interface MemoryHubLocal extends HubLocal {
  readonly store: MemorySyncStore;
  readonly blobs: Map<string, HubBlob>;
}

/**
 * HubLocal over the in-memory store (tests, the command line). "Transactions" are trivially whole:
 * nothing else runs between the awaits of one applyPulled in a test.
 */
export function memoryHubLocal(store: MemorySyncStore, identity: { device: string; scope: string }): MemoryHubLocal {
  const states = new Map<string, HubSyncState>();
  const blobs = new Map<string, HubBlob>();
  return {
    store,
    blobs,
    device: identity.device,
    scope: identity.scope,
    async readState(hub) {
      return states.get(hub) ?? freshState(hub);
    },
    async saveState(state) {
      states.set(state.hub, structuredCopy(state));
    },
    async unsent(sent: VersionVector) {
      return (await store.allChanges()).filter((c) => !includes(sent, c)).sort(byStamp);
    },
    // The in-memory store keeps no trust records: it pushes none and decides nothing (the store
    // that does is the app's, renderer/src/store/hubStore.ts).
    async trustFor() {
      return [];
    },
    async applyPulled(records, pulledBlobs, _trust, state, now) {
      const result = await applyPulledRecords(store, records, state, now, undefined, identity.device);
      for (const blob of pulledBlobs) blobs.set(blob.hash, blob);
      states.set(result.state.hub, structuredCopy(result.state));
      return result;
    },
    async blobHashes() {
      return [...blobs.keys()];
    },
    async readBlobs(hashes) {
      return hashes.flatMap((h) => (blobs.has(h) ? [blobs.get(h)!] : []));
    },
    async missingBlobs(hashes) {
      return [...new Set(hashes)].filter((h) => !blobs.has(h));
    },
  };
}

function structuredCopy(state: HubSyncState): HubSyncState {
  return { ...state, sent: { ...state.sent }, blobsSent: [...state.blobsSent], ...(state.trustSent ? { trustSent: [...state.trustSent] } : {}) };
}
