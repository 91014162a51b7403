import { describe, expect, it } from 'vitest';
import { lastUsbCopy, recordUsbCopy } from '../../../renderer/src/store/usbCopy';
import { openStore } from '../../../renderer/src/store/store';
import { freshDb } from './fakeDb';

describe('the last full copy on a USB drive', () => {
  it('moves forward with each copy and never back: an old backup saved out after a newer export leaves the newer date', async () => {
    const store = await openStore(freshDb());
    expect(await lastUsbCopy(store)).toBeUndefined();
    await recordUsbCopy(store, new Date('2026-12-01T08:00:00Z'));
    expect(await lastUsbCopy(store)).toBe('2026-12-01T08:00:00.000Z');
    await recordUsbCopy(store, new Date('2026-11-20T08:00:00Z'));
    expect(await lastUsbCopy(store)).toBe('2026-12-01T08:00:00.000Z');
    await recordUsbCopy(store, new Date('2026-12-05T08:00:00Z'));
    expect(await lastUsbCopy(store)).toBe('2026-12-05T08:00:00.000Z');
  });
});
