import type { Bridge, HubConfigInfo } from '../../../../shared/bridge';
import { pushable, syncWithHub, type HubProgress, type HubSyncOutcome } from '../../../../shared/sync/hub/client';
import { hubErrorReason, type HubErrorReason } from '../../../../shared/sync/hub/errors';
import { joinDemoIfRestored } from '../../store/demo';
import { dexieHubLocal } from '../../store/hubStore';
import type { Store } from '../../store/store';

export interface HubStatus {
  config?: HubConfigInfo;
  running: boolean;
  progress?: HubProgress;
  /** Whether the last attempt reached the hub (undefined before any). */
  connected?: boolean;
  error?: HubErrorReason;
  lastOutcome?: HubSyncOutcome;
  lastSuccess?: string;
  /** Changes this PC still has to send. */
  waiting?: number;
}

/** How often the app syncs while the hub answers. */
export const HUB_INTERVAL_MS = 3 * 60 * 1000;

/**
 * One per open database: runs one sync at a time and tells its listeners. A sync asked for while
 * one runs (a "Sync now" during the background sync) runs once that one ends: the running one may
 * have read what to send before the latest edit. Any number of such asks make one more sync. The
 * transport is the bridge: the shell adds the address and credentials.
 */
export class HubRunner {
  private status: HubStatus = { running: false };
  private readonly listeners = new Set<(status: HubStatus) => void>();
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly bridge: Bridge,
  ) {}

  get current(): HubStatus {
    return this.status;
  }

  subscribe(listener: (status: HubStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private set(patch: Partial<HubStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }

  async refresh(): Promise<HubConfigInfo | undefined> {
    const hub = this.bridge.hub;
    if (!hub) return undefined;
    const config = await hub.config();
    const patch: Partial<HubStatus> = { config };
    if (config.configured && config.address && config.scope) {
      const local = dexieHubLocal(this.store.db, { device: this.store.identity.device, scope: config.scope });
      const state = await local.readState(stateKey(config.address, config.scope));
      patch.lastSuccess = state.lastSuccess;
      patch.waiting = (await local.unsent(state.sent)).filter((c) => pushable(local, c)).length;
    }
    this.set(patch);
    return config;
  }

  /** Syncs if an account is saved; resolves when done (errors end up in the status). */
  sync(): Promise<void> {
    if (this.running) {
      this.next ??= this.running.then(() => {
        this.next = null;
        return this.sync();
      });
      return this.next;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const hub = this.bridge.hub;
    if (!hub) return;
    const config = await this.refresh();
    if (!config?.configured || !config.address || !config.scope) return;
    this.set({ running: true, progress: { phase: 'check', done: 0 }, error: undefined });
    let finished: Partial<HubStatus>;
    try {
      const local = dexieHubLocal(
        this.store.db,
        { device: this.store.identity.device, scope: config.scope },
        {
          sealing: this.store.device,
          enforceTrust: this.store.enforceTrust,
          onRestored: (carried) => joinDemoIfRestored(this.store, true, carried),
        },
      );
      const outcome = await syncWithHub((request) => hub.request(request), local, {
        hub: stateKey(config.address, config.scope),
        onProgress: (progress) => this.set({ progress }),
      });
      finished = { connected: true, lastOutcome: outcome, lastSuccess: outcome.finishedAt };
    } catch (error) {
      finished = { connected: false, error: hubErrorReason(error) };
    }
    // What still waits to be sent is counted before the sync shows as ended, so "done" never
    // appears beside the count from before it.
    await this.refresh().catch(() => undefined);
    this.set({ running: false, progress: undefined, ...finished });
  }
}

/** Sync state is kept per hub address and account scope. */
function stateKey(address: string, scope: string): string {
  return `${address}#${scope}`;
}

const runners = new WeakMap<Store, HubRunner>();

export function hubRunner(store: Store, bridge: Bridge): HubRunner {
  let runner = runners.get(store);
  if (!runner) runners.set(store, (runner = new HubRunner(store, bridge)));
  return runner;
}
