import type { MergedRow } from '../../../shared/sync/row';
import type { AuthorityRecord } from '../../../shared/trust/authorityRecords';
import { trustView } from '../../../shared/trust/chain';
import { checkAuthorityRecord, prepareMaterial } from '../../../shared/trust/material';
import { recordId } from '../../../shared/trust/signed';
import { deviceStanding, type Standing, type StandingInputs } from '../../../shared/trust/standing';
import type { LeagueDeskDb } from './db';
import type { SealingDevice } from './sealing';
import { readHomeAuthority, TRUST_STORE, trustTable } from './trustStore';
import { inTransaction } from './tx';

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

/** The records this PC's standing is decided from, in one read transaction. */
export async function readStandingRecords(db: LeagueDeskDb, device: string): Promise<StandingRecords> {
  return inTransaction(db, 'r', ['meta', TRUST_STORE], async (tx) => {
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
  });
}

/**
 * Reads this PC's standing inputs, checking signatures only when the records changed since the
 * last read: a local write asks before each batch, so this is one small read transaction then.
 */
export class StandingReader {
  #last: { key: string; inputs: Promise<StandingInputs> } | undefined;
  #settled: StandingInputs | undefined;

  constructor(
    private readonly db: LeagueDeskDb,
    private readonly device: SealingDevice,
  ) {}

  async inputs(): Promise<StandingInputs> {
    return this.inputsFrom(await readStandingRecords(this.db, this.device.id));
  }

  /** The inputs for records already read (a live query's), reusing the last check when they are the same. */
  inputsFrom(records: StandingRecords): Promise<StandingInputs> {
    if (this.#last?.key !== records.key) {
      const inputs = checkStandingRecords(records, this.device);
      this.#last = { key: records.key, inputs };
      void inputs.then((settled) => {
        if (this.#last?.inputs === inputs) this.#settled = settled;
      });
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
