import type { Store } from './store';

/**
 * When this PC last saved a full copy of its data to a file (a USB drive, as people are asked to):
 * a full export, a backup saved out, or the storage banner's copy. Local to this PC (the meta table
 * is not synced). The storage banner reminds when it is old.
 */
export const USB_COPY_KEY = 'usbCopyAt';

export async function recordUsbCopy(store: Store, at: Date): Promise<void> {
  await store.db.meta.put({ key: USB_COPY_KEY, value: at.toISOString() });
}

export async function lastUsbCopy(store: Store): Promise<string | undefined> {
  return (await store.db.meta.get(USB_COPY_KEY))?.value as string | undefined;
}
