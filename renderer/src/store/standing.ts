import type { MergedRow } from '../../../shared/sync/row';
import type { AuthorityRecord } from '../../../shared/trust/authorityRecords';
import { trustView } from '../../../shared/trust/chain';
import { checkAuthorityRecord, prepareMaterial } from '../../../shared/trust/material';
import { recordId } from '../../../shared/trust/signed';
import { deviceStanding, type Standing, type StandingInputs } from '../../../shared/trust/standing';
import type { LeagueDeskDb } from './db';
import type { SealingDevice } from './sealing';
import { readHomeAuthority, TRUST_STORE, trustTable } from './trustStore';
import { inTransaction, type StoreTx } from './tx';

/*
 * This PC's standing (shared/trust/standing.ts) from what it holds: the pinned home authority, the
 * county's successions, and this PC's certificates and revocations. Reading them is plain
 * IndexedDB (so a live query can watch it); checking their signatures is WebCrypto, done after the
 * read, outside any transaction, and only when the records changed (`key`).
 */

export interface StandingRecords {
  /** What the records are, as one string: the same records, the same key. */
  key: string;
  home: AuthorityRecord | undefined;
  successions: unknown[];
  certificates: unknown[];
  revocations: unknown[];
}

/** The stores this PC's standing is read from. */
export const STANDING_STORES = ['meta', TRUST_STORE] as const;

/** The records this PC's standing is decided from, in one read transaction. */
export async function readStandingRecords(db: LeagueDeskDb, device: string): Promise<StandingRecords> {
  return inTransaction(db, 'r', STANDING_STORES, (tx) => standingRecordsIn(tx, device));
}

/** The records this PC's standing is decided from, within a transaction spanning STANDING_STORES. */
async function standingRecordsIn(tx: StoreTx, device: string): Promise<StandingRecords> {
  const table = trustTable(tx);
  const [home, successions, certificates, revocations] = await Promise.all([
    readHomeAuthority(tx),
    table.where('kind').equals('succession').toArray(),
    table.where('[kind+device]').equals(['certificate', device]).toArray(),
    table.where('[kind+device]').equals(['revocation', device]).toArray(),
  ]);
  const ids = [...successions, ...certificates, ...revocations].map((e) => e.id).sort();
  const key = [home === undefined ? '' : recordId(home), ...ids].join(',');
  const records = (list: { record: unknown }[]) => list.map((e) => e.record);
  return { key, home, successions: records(successions), certificates: records(certificates), revocations: records(revocations) };
}

/**
 * This PC's standing as a write's own transaction finds it: the inputs, when the records it holds
 * are ones already checked; else `check`, the signature work (WebCrypto) to do outside the
 * transaction before the write tries again.
 */
export type StandingInTransaction = { inputs: StandingInputs } | { check: () => Promise<unknown> };

/**
 * Reads this PC's standing inputs, checking signatures only for records not checked before: a
 * local write reads the records in its own transaction before each batch (`inTransaction`), which
 * is a few small reads when nothing changed.
 */
export class StandingReader {
  #last: { key: string; inputs: Promise<StandingInputs> } | undefined;
  #settled: StandingInputs | undefined;
  /**
   * Inputs checked, by their records' key (the few latest). The same records always check the same,
   * so a key found here needs no signature checked again — whichever window or import wrote them.
   */
  readonly #checked = new Map<string, StandingInputs>();

  constructor(
    private readonly db: LeagueDeskDb,
    private readonly device: SealingDevice,
  ) {}

  async inputs(): Promise<StandingInputs> {
    return this.inputsFrom(await readStandingRecords(this.db, this.device.id));
  }

  /**
   * Within a write's transaction (spanning STANDING_STORES): the records held now, and their inputs
   * if already checked. Read in the write's own transaction, not before it, so a revocation or a
   * certificate stored a moment earlier — by an import, the hub, another window of this profile —
   * governs this very write, with no gap between reading the standing and writing under it.
   */
  async inTransaction(tx: StoreTx): Promise<StandingInTransaction> {
    const records = await standingRecordsIn(tx, this.device.id);
    const inputs = this.#checked.get(records.key);
    return inputs ? { inputs } : { check: () => this.inputsFrom(records) };
  }

  /** The inputs for records already read (a live query's), reusing the last check when they are the same. */
  inputsFrom(records: StandingRecords): Promise<StandingInputs> {
    const known = this.#checked.get(records.key);
    if (known) {
      this.#settled = known;
      return Promise.resolve(known);
    }
    if (this.#last?.key !== records.key) {
      const inputs = checkStandingRecords(records, this.device);
      const key = records.key;
      this.#last = { key, inputs };
      void inputs.then((settled) => {
        this.#checked.set(key, settled);
        if (this.#checked.size > CHECKED_KEPT) this.#checked.delete(this.#checked.keys().next().value!);
        if (this.#last?.inputs === inputs) this.#settled = settled;
      }, () => undefined);
    }
    return this.#last.inputs;
  }

  /** The inputs last checked, at once (a screen opening shows what the PC was last known to be). */
  latest(): StandingInputs | undefined {
    return this.#settled;
  }

  async standing(now: number = Date.now()): Promise<Standing> {
    return deviceStanding(await this.inputs(), now);
  }
}

/** How many checked record sets a reader keeps (a write's, the screens', one arriving). */
const CHECKED_KEPT = 4;

async function checkStandingRecords(records: StandingRecords, device: SealingDevice): Promise<StandingInputs> {
  const base = { device: device.id, key: device.keys.publicKey };
  if (records.home === undefined) return { ...base, trust: undefined };
  const [home, material] = await Promise.all([checkAuthorityRecord(records.home), prepareMaterial(records)]);
  if (!home.ok || home.value.signature !== 'valid') return { ...base, trust: undefined, homeUnverified: true };
  return { ...base, trust: trustView(home.value, material) };
}

/** The organisations as held, by id: what the rules place a row by (its organisation's code). */
export async function readOrgRows(db: LeagueDeskDb): Promise<ReadonlyMap<string, MergedRow>> {
  const rows = await inTransaction(db, 'r', ['org'], (tx) => tx.table<MergedRow, string>('org').toArray());
  return new Map(rows.map((row) => [row.id, row]));
}
