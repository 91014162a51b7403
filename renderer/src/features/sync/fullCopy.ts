import { LEAGUESYNC_FILTERS, type Bridge, type SaveResult } from '../../../../shared/bridge';
import type { Store } from '../../store/store';
import { recordUsbCopy } from '../../store/usbCopy';
import { exportBundle } from './syncService';

/**
 * Saves everything this PC holds as one `.leaguesync` file where the person chooses (a USB drive),
 * and remembers when, so the reminder to keep a copy knows. The sync page's full export and the
 * storage banner's one-click copy are this.
 */
export async function saveFullCopy(store: Store, bridge: Bridge, onProgress?: (done: number, total: number) => void): Promise<SaveResult> {
  const now = new Date();
  const exported = await exportBundle(store, { now, onProgress });
  const result = await bridge.saveFile({ suggestedName: exported.fileName, data: exported.bytes, filters: LEAGUESYNC_FILTERS });
  if (result.status === 'saved') await recordUsbCopy(store, now);
  return result;
}
