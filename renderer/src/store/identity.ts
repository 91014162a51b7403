import { newDeviceId } from '../../../shared/sync/hlc';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inTransaction } from './tx';

/** Who writes: this PC's device id (made on first run) and the account the writes are made as. */
export interface Identity {
  device: string;
  author: string;
  /**
   * What people call this PC ("轮台镇团委 1号机"), given at first start or on the About page. Kept
   * here, on this PC only, and carried to others by the synced `device` table (store/pcName.ts)
   * and in the manifest of every file this PC exports. Absent until someone names the PC.
   */
  name?: string;
}

export const IDENTITY_KEY = 'identity';

export async function loadIdentity(db: LeagueDeskDb): Promise<Identity> {
  return inTransaction(db, 'rw', ['meta'], async (tx) => {
    const meta = tx.table<MetaEntry, string>('meta');
    const stored = (await meta.get(IDENTITY_KEY))?.value as Identity | undefined;
    if (stored) return stored;
    const device = newDeviceId();
    // Until accounts arrive, every PC writes as its own local account.
    const identity: Identity = { device, author: `local-${device}` };
    await meta.put({ key: IDENTITY_KEY, value: identity });
    return identity;
  });
}
