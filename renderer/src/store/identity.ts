import { newDeviceId } from '../../../shared/sync/hlc';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inTransaction } from './tx';

/** Who writes: this PC's device id (made on first run) and the account the writes are made as. */
export interface Identity {
  device: string;
  author: string;
}

export async function loadIdentity(db: LeagueDeskDb): Promise<Identity> {
  return inTransaction(db, 'rw', ['meta'], async (tx) => {
    const meta = tx.table<MetaEntry, string>('meta');
    const stored = (await meta.get('identity'))?.value as Identity | undefined;
    if (stored) return stored;
    const device = newDeviceId();
    // Until accounts arrive, every PC writes as its own local account.
    const identity: Identity = { device, author: `local-${device}` };
    await meta.put({ key: 'identity', value: identity });
    return identity;
  });
}
