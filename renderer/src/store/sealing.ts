import type { Change } from '../../../shared/sync/change';
import type { KeyPair } from '../../../shared/trust/keys';
import { changeHash, sealChanges, type Seal } from '../../../shared/trust/seal';
import type { LeagueDeskDb, MetaEntry } from './db';
import { LOG_STORE, type LogPage } from './logPages';
import { inTransaction } from './tx';
import { putTrustRecords, TRUST_STORE, trustEntry, trustTable, type TrustEntry } from './trustStore';

/*
 * Sealing what this PC writes (docs/FORMATS.md, "Change hash and seal"). A local write commits its
 * changes first; the seal is signed after the transaction (WebCrypto may not be awaited inside one)
 * and waits in memory (`SealQueue`) until the next write's transaction stores it with its own
 * changes, or a second of quiet, or a sweep. A crash, a closed window or a failed signature in
 * between leaves own changes unsealed, so at start and before every export and hub push
 * `sealUnsealed` stores what waits and then seals whatever own changes no seal lists yet.
 *
 * To keep that sweep small it starts from a mark (`meta.sealedThroughPage`): the change-log page
 * (pages are numbered in the order they are written and never rewritten) up to which every own
 * change is known sealed. Only a sweep moves the mark, since seals of concurrent writes may be
 * stored out of order; a page written while a sweep runs has a greater number than any it read.
 */

export const SEALED_THROUGH_KEY = 'sealedThroughPage';

export interface SealingDevice {
  id: string;
  keys: KeyPair;
  /** The seals this window signed and has not stored yet; a sweep stores them before it looks. */
  seals?: SealQueue;
}

/** How long a signed seal may wait for the next write before it is stored on its own. */
export const SEAL_IDLE_MS = 1000;

/**
 * Seals of this PC's own writes, signed and waiting to be stored. Storing each in a transaction of
 * its own cost a typed cell a fifth of its time; a write's transaction stores the seals waiting
 * (Repository) at the cost of one more request, and the last write's seal is stored after a second
 * of quiet. Nothing is at stake while a seal waits: its changes are committed, and a seal lost with
 * a closed window is made again by the next start's sweep (`sealUnsealed`). A seal stored twice is
 * one record (its id is its hash).
 */
export class SealQueue {
  #waiting: TrustEntry[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: LeagueDeskDb,
    private readonly device: Omit<SealingDevice, 'seals'>,
    private readonly idleMs = SEAL_IDLE_MS,
  ) {}

  /** Signs own changes just committed (others' changes are not this PC's to seal); the seal waits. */
  async seal(changes: readonly Change[]): Promise<Seal | undefined> {
    const own = changes.filter((c) => c.device === this.device.id);
    if (own.length === 0) return undefined;
    const seal = await sealChanges(own, this.device);
    this.#waiting.push(trustEntry('seal', seal));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush().catch(() => undefined), this.idleMs);
    return seal;
  }

  /** The seals waiting, for a write's transaction to store with its changes (then `stored`). */
  waiting(): readonly TrustEntry[] {
    return [...this.#waiting];
  }

  /** These seals are stored (their transaction committed): they wait no more. */
  stored(entries: readonly TrustEntry[]): void {
    if (entries.length === 0) return;
    const done = new Set(entries.map((e) => e.id));
    this.#waiting = this.#waiting.filter((e) => !done.has(e.id));
    if (this.#waiting.length === 0) clearTimeout(this.#timer);
  }

  /** Stores every seal waiting, in a transaction of its own. */
  async flush(): Promise<void> {
    const entries = this.waiting();
    if (entries.length === 0) return;
    await inTransaction(this.db, 'rw', [TRUST_STORE], (tx) => putTrustRecords(tx, entries));
    this.stored(entries);
  }
}

/** Seals own changes just written and stores the seal. Changes of other devices are not this PC's to seal. */
export async function sealWritten(db: LeagueDeskDb, device: SealingDevice, changes: readonly Change[]): Promise<Seal | undefined> {
  const own = changes.filter((c) => c.device === device.id);
  if (own.length === 0) return undefined;
  const seal = await sealChanges(own, device);
  await inTransaction(db, 'rw', [TRUST_STORE], (tx) => putTrustRecords(tx, [trustEntry('seal', seal)]));
  return seal;
}

/** Seals every own change no held seal lists; returns how many it sealed. */
export async function sealUnsealed(db: LeagueDeskDb, device: SealingDevice): Promise<number> {
  await device.seals?.flush();
  const { read, own, sealed } = await inTransaction(db, 'r', ['meta', LOG_STORE, TRUST_STORE], async (tx) => {
    const mark = ((await tx.table<MetaEntry, string>('meta').get(SEALED_THROUGH_KEY))?.value as number | undefined) ?? 0;
    // A range of the primary key: pages written after the mark.
    const pages = await tx.table<LogPage, number>(LOG_STORE).where(':id').above(mark).toArray();
    const read = pages.reduce((max, p) => Math.max(max, p.seq ?? 0), mark);
    const own = pages.flatMap((p) => p.changes).filter((c) => c.device === device.id);
    if (own.length === 0) return { read, own, sealed: new Set<string>() };
    const earliest = own.reduce((min, c) => (c.hlc < min ? c.hlc : min), own[0]!.hlc);
    const seals = await trustTable(tx).where('[kind+device]').equals(['seal', device.id]).toArray();
    const sealed = new Set(seals.filter((e) => (e.last ?? '') >= earliest).flatMap((e) => (e.record as Seal).hashes));
    return { read, own, sealed };
  });
  const unsealed = own.filter((c) => !sealed.has(changeHash(c)));
  if (unsealed.length > 0) await sealWritten(db, device, unsealed);
  await inTransaction(db, 'rw', ['meta'], async (tx) => {
    const meta = tx.table<MetaEntry, string>('meta');
    const now = ((await meta.get(SEALED_THROUGH_KEY))?.value as number | undefined) ?? 0;
    if (read > now) await meta.put({ key: SEALED_THROUGH_KEY, value: read });
  });
  return unsealed.length;
}
