import type { SyncAccess } from '../access';
import type { Change } from '../change';
import { applyImport, planImport } from '../import';
import type { KnownSchema } from '../parking';
import { parseChange } from '../parseChange';
import { validateChangeIdentity, validateChangeValues } from '../validate';
import { EMPTY_VECTOR, includes, vectorOf, type VersionVector } from '../vector';

/** A content-addressed attachment (a contest photo): the local `blobs` table's row. */
export interface HubBlob {
  hash: string;
  bytes: Uint8Array;
  type: string;
}

/**
 * What this PC remembers about one hub, kept in the local database (never credentials).
 * `sent`: per origin device, a stamp up to which every change this PC holds from that device is on
 * the hub or is not this PC's to send (another organisation's, relayed here). `checkpoint`: the
 * hub's `_changes` sequence up to which everything has been applied here.
 */
export interface HubSyncState {
  hub: string;
  checkpoint: string;
  sent: VersionVector;
  blobsSent: string[];
  lastSuccess?: string;
}

export function freshState(hub: string): HubSyncState {
  return { hub, checkpoint: '0', sent: EMPTY_VECTOR, blobsSent: [] };
}

export interface PulledBatch {
  applied: number;
  alreadyHeld: number;
  parked: number;
  conflicts: number;
  /** Documents on the hub that are not valid changes, or reuse an id held here with other content. */
  rejected: number;
  futureStamped: number;
}

/** Where the hub client reads and writes on this PC. Dexie in the app, Maps in tests and the CLI. */
export interface HubLocal {
  readonly device: string;
  /** The organisation code the hub account may write. */
  readonly scope: string;
  readState(hub: string): Promise<HubSyncState>;
  saveState(state: HubSyncState): Promise<void>;
  /** Changes not covered by `sent`, in clock order. */
  unsent(sent: VersionVector): Promise<Change[]>;
  /**
   * Applies pulled records through the bundle import (planImport/applyImport), stores the blobs and
   * the new state — in one transaction, so an interruption keeps all or nothing of the batch.
   */
  applyPulled(records: readonly unknown[], blobs: readonly HubBlob[], state: HubSyncState, now: number): Promise<{ batch: PulledBatch; state: HubSyncState }>;
  blobHashes(): Promise<string[]>;
  readBlobs(hashes: readonly string[]): Promise<HubBlob[]>;
  missingBlobs(hashes: readonly string[]): Promise<string[]>;
}

/**
 * The shared body of `applyPulled`, run inside the caller's transaction. A document on the hub that
 * is not a valid change, or reuses an id this PC holds with other content, is left out and counted:
 * a bundle with one is refused whole, but a hub is shared by a county, and one bad document must
 * not stop every PC from syncing for ever. Everything else goes through planImport exactly as a
 * bundle's changes do (conflicts, future stamps, parking).
 *
 * Returns the state to store: `sent` moves up for an origin device only where this PC held nothing
 * unsent from it before the batch (then everything it holds from that device is on the hub), and
 * never for this PC's own device (`ownDevice`).
 */
export async function applyPulledRecords(
  access: SyncAccess,
  records: readonly unknown[],
  state: HubSyncState,
  now: number,
  known?: KnownSchema,
  ownDevice?: string,
): Promise<{ batch: PulledBatch; state: HubSyncState }> {
  let rejected = 0;
  const valid: Change[] = [];
  for (const record of records) {
    const parsed = parseChange(record);
    if (!parsed.success || validateChangeIdentity(parsed.data).length > 0 || validateChangeValues(parsed.data, access.tables).length > 0) {
      rejected += 1;
      continue;
    }
    valid.push(parsed.data);
  }
  const vectorBefore = await access.getVector();
  let plan = await planImport(valid, access, { now, known, ownDevice });
  if (plan.sameIdDifferentContent.length > 0) {
    const bad = new Set(plan.sameIdDifferentContent);
    const kept = valid.filter((c) => !bad.has(c.id));
    rejected += valid.length - kept.length;
    plan = await planImport(kept, access, { now, known, ownDevice });
  }
  await applyImport(plan, access);
  // This PC's own changes are marked sent by pushing them, never by pulling: a change pulled under
  // this PC's device is either one it pushed or one it never made (planImport leaves that out), and
  // letting the second move `sent` would hide every later edit of this PC from the hub.
  const pulledVector = vectorOf(valid.filter((c) => c.device !== ownDevice));
  const sent: Record<string, string> = { ...state.sent };
  for (const [device, stamp] of Object.entries(pulledVector)) {
    const heldBefore = vectorBefore[device];
    const allSent = heldBefore === undefined || includes(state.sent, { device, hlc: heldBefore });
    if (allSent && (sent[device] === undefined || sent[device]! < stamp)) sent[device] = stamp;
  }
  return {
    batch: {
      applied: plan.changesToAdd.length - plan.parked,
      alreadyHeld: plan.alreadyApplied,
      parked: plan.parked,
      conflicts: plan.conflicts.length,
      rejected,
      futureStamped: plan.futureStamped.reduce((n, s) => n + s.count, 0),
    },
    state: { ...state, sent },
  };
}
