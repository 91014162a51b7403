import type { Store } from './store';

/**
 * When this PC last saved a full copy of its data to a file (a USB drive, as people are asked to):
 * a full export, a backup saved out, or the storage banner's copy. Local to this PC (the meta table
 * is not synced). The storage banner reminds when it is old.
 */
export const USB_COPY_KEY = 'usbCopyAt';

/** After this many days without a copy the storage banner asks again, as a warning. */
export const USB_COPY_DUE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records a copy of the data as it was at `at`. Never moves the record back in time: saving out an
 * old backup after a newer full export leaves the newer date.
 */
export async function recordUsbCopy(store: Store, at: Date): Promise<void> {
  const last = await lastUsbCopy(store);
  const iso = at.toISOString();
  if (last !== undefined && !Number.isNaN(Date.parse(last)) && Date.parse(last) >= at.getTime()) return;
  await store.db.meta.put({ key: USB_COPY_KEY, value: iso });
}

export async function lastUsbCopy(store: Store): Promise<string | undefined> {
  return (await store.db.meta.get(USB_COPY_KEY))?.value as string | undefined;
}

/** Whole days since the last copy, or null when none was made; a clock set back counts as 0. */
export function daysSinceCopy(lastCopy: string | undefined, now: number): number | null {
  const at = lastCopy === undefined ? NaN : Date.parse(lastCopy);
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / DAY_MS));
}
