import type { SyncAccess } from '../access';
import type { Change } from '../change';
import { applyImport, planImport } from '../import';
import type { KnownSchema } from '../parking';
import { parseChange } from '../parseChange';
import type { SyncTables } from '../tables';
import { validateChangeIdentity, validateChangeValues } from '../validate';
import { EMPTY_VECTOR, includes, vectorOf, type VersionVector } from '../vector';

/** A content-addressed attachment (a contest photo): the local `blobs` table's row. */
export interface HubBlob {
  hash: string;
  bytes: Uint8Array;
  type: string;
}

/**
 * A trust record as the hub carries it (design.ts, trust documents). The hub client does not read
 * trust records: it moves them, and the PC's store checks that `id` is the record's id and every
 * signature before keeping any (docs/HUB.md).
 */
export interface HubTrustDoc {
  id: string;
  record: object;
}

/** A trust record to push: `once` (certificates, successions, revocations) goes once per hub; a seal goes with the changes it covers. */
export interface HubTrustToPush extends HubTrustDoc {
  once: boolean;
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
  /** Ids of the `once` trust records on the hub (absent in a state kept before hub documents carried trust). */
  trustSent?: string[];
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
  /** Changes not authorized by the trust rules: kept aside with their reason, not applied. */
  refused: number;
  /** Changes held here and applied before, taken back out now (a revocation pulled that cuts them). */
  takenBack?: number;
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
  /** The trust records a push of `changes` carries: what an export of them to a peer carries. */
  trustFor(changes: readonly Change[]): Promise<HubTrustToPush[]>;
  /**
   * Applies pulled records as a bundle import does — trust decided, then planImport/applyImport —
   * and keeps the pulled trust records, the changes refused, the blobs and the new state, in one
   * transaction, so an interruption keeps all or nothing of the batch.
   */
  applyPulled(records: readonly unknown[], blobs: readonly HubBlob[], trust: readonly HubTrustDoc[], state: HubSyncState, now: number): Promise<{ batch: PulledBatch; state: HubSyncState }>;
  blobHashes(): Promise<string[]>;
  readBlobs(hashes: readonly string[]): Promise<HubBlob[]>;
  missingBlobs(hashes: readonly string[]): Promise<string[]>;
}

/**
 * Pulled documents that are valid changes; the others are counted. A document on the hub that is
 * not a valid change is left out rather than refused whole as a bundle would be: a hub is shared
 * by a county, and one bad document must not stop every PC from syncing for ever. Pure, so a store
 * can read the changes before its transaction (their trust is checked with WebCrypto, which may
 * not be awaited inside one).
 */
export function parsePulled(records: readonly unknown[], tables: SyncTables): { valid: Change[]; rejected: number } {
  let rejected = 0;
  const valid: Change[] = [];
  for (const record of records) {
    const parsed = parseChange(record);
    if (!parsed.success || validateChangeIdentity(parsed.data).length > 0 || validateChangeValues(parsed.data, tables).length > 0) {
      rejected += 1;
      continue;
    }
    valid.push(parsed.data);
  }
  return { valid, rejected };
}

/** `applyPulledChanges` for a store that decides no trust (the in-memory one): every valid change goes on. */
export async function applyPulledRecords(
  access: SyncAccess,
  records: readonly unknown[],
  state: HubSyncState,
  now: number,
  known?: KnownSchema,
  ownDevice?: string,
): Promise<{ batch: PulledBatch; state: HubSyncState }> {
  const { valid, rejected } = parsePulled(records, access.tables);
  return applyPulledChanges(access, { pulled: valid, admitted: valid, rejected, refused: 0 }, state, now, known, ownDevice);
}

/**
 * The shared body of `applyPulled`, run inside the caller's transaction. `admitted`: the pulled
 * changes the trust decision let through, with changes kept aside earlier that it lets in now; they
 * go through planImport exactly as a bundle's changes do (conflicts, future stamps, parking). A
 * change that reuses an id this PC holds with other content is left out and counted.
 *
 * Returns the state to store: `sent` moves up for an origin device only where this PC held nothing
 * unsent from it before the batch (then everything it holds from that device is on the hub), and
 * never for this PC's own device (`ownDevice`).
 */
export async function applyPulledChanges(
  access: SyncAccess,
  changes: { pulled: readonly Change[]; admitted: readonly Change[]; rejected: number; refused: number },
  state: HubSyncState,
  now: number,
  known?: KnownSchema,
  ownDevice?: string,
): Promise<{ batch: PulledBatch; state: HubSyncState }> {
  let rejected = changes.rejected;
  const vectorBefore = await access.getVector();
  let plan = await planImport(changes.admitted, access, { now, known, ownDevice });
  if (plan.sameIdDifferentContent.length > 0) {
    const bad = new Set(plan.sameIdDifferentContent);
    const kept = changes.admitted.filter((c) => !bad.has(c.id));
    rejected += changes.admitted.length - kept.length;
    plan = await planImport(kept, access, { now, known, ownDevice });
  }
  await applyImport(plan, access);
  // This PC's own changes are marked sent by pushing them, never by pulling: a change pulled under
  // this PC's device is either one it pushed or one it never made (planImport leaves that out), and
  // letting the second move `sent` would hide every later edit of this PC from the hub. A refused
  // change counts like an applied one here: it is on the hub, and this PC does not hold it to send.
  const pulledVector = vectorOf(changes.pulled.filter((c) => c.device !== ownDevice));
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
      refused: changes.refused,
    },
    state: { ...state, sent },
  };
}
