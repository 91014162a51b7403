import type { Change } from '../../../shared/sync/change';
import type { KeyPair } from '../../../shared/trust/keys';
import { changeHash, sealChanges, type Seal } from '../../../shared/trust/seal';
import type { LeagueDeskDb, MetaEntry } from './db';
import { LOG_STORE, type LogPage } from './logPages';
import { inTransaction } from './tx';
import { putTrustRecords, TRUST_STORE, trustEntry, trustTable } from './trustStore';

/*
 * Sealing what this PC writes (docs/FORMATS.md, "Change hash and seal"). A local write commits its
 * changes first; the seal is made after the transaction (WebCrypto may not be awaited inside one)
 * and stored in a transaction of its own. A crash, a closed window or a failed signature between
 * the two leaves own changes unsealed, so at start and before every export `sealUnsealed` seals
 * whatever own changes no seal lists yet.
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
