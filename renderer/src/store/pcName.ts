import { liveQuery } from 'dexie';
import { checkDeviceName, type DeviceNameProblem } from '../../../shared/sync/pcName';
import type { MergedRow } from '../../../shared/sync/row';
import type { WriteSpec } from '../../../shared/sync/write';
import { changesByIds } from './changeLog';
import { LOG_STORE } from './logPages';
import type { MetaEntry, VectorEntry } from './db';
import { IDENTITY_KEY, type Identity } from './identity';
import type { Store } from './store';
import { inTransaction } from './tx';

/**
 * Names this PC. The name is kept on this PC at once (and goes into the manifest of every file it
 * exports from now on); it reaches the synced `device` table through `writePcNameIfDue`.
 */
export async function nameThisPc(store: Store, typed: string): Promise<{ ok: true; name: string } | { ok: false; reason: DeviceNameProblem }> {
  const checked = checkDeviceName(typed);
  if (!checked.ok) return checked;
  const identity: Identity = { ...store.identity, name: checked.name };
  await inTransaction(store.db, 'rw', ['meta'], (tx) => tx.table<MetaEntry, string>('meta').put({ key: IDENTITY_KEY, value: identity }));
  // The same object the repository and the exports read: later files carry the new name.
  store.identity.name = checked.name;
  await writePcNameIfDue(store);
  return checked;
}

/**
 * The write that puts this PC's name in the synced `device` table, or null when none is due: the
 * PC has no name, the table already holds it, or the PC has no changes of its own yet.
 *
 * Why wait for a change of its own: a change needs a scope, and a hub accepts a PC's changes only
 * within its account's scope (shared/sync/hub/design.ts), which this PC does not know — a township
 * PC whose name were written under the county's code could then send nothing to the hub. So the
 * name is written under the scope of the PC's latest own change: whatever the PC can send, it can
 * send its name with. Until then nobody needs the name — there is no change of this PC to name
 * (the files it sends say who sent them in their manifest).
 */
async function dueWrite(store: Store): Promise<WriteSpec | null> {
  const { device } = store.identity;
  return inTransaction(store.db, 'r', ['meta', 'vector', 'device', LOG_STORE], async (tx) => {
    const name = ((await tx.table<MetaEntry, string>('meta').get(IDENTITY_KEY))?.value as Identity | undefined)?.name;
    if (!name) return null;
    const row = await tx.table<MergedRow, string>('device').get(device);
    if (row?.['name'] === name && row._clock['name']?.endsWith(`-${device}`)) return null;
    const latest = (await tx.table<VectorEntry, string>('vector').get(device))?.hlc;
    if (!latest) return null;
    const change = (await changesByIds(tx, [latest])).get(latest);
    if (!change) return null;
    return { table: 'device', row: device, fields: { name }, scope: change.scope };
  });
}

/** One write at a time per store: two triggers close together must not write the name twice. */
const writing = new WeakMap<Store, Promise<boolean>>();

/** Writes this PC's name to the synced table when it is due (see dueWrite). True when it wrote. */
export function writePcNameIfDue(store: Store): Promise<boolean> {
  const previous = writing.get(store) ?? Promise.resolve(false);
  const next = previous
    .catch(() => false)
    .then(async () => {
      const spec = await dueWrite(store);
      if (!spec) return false;
      await store.repo.write([spec]);
      return true;
    });
  writing.set(store, next);
  return next;
}

/**
 * Keeps the synced table in step with this PC's name for as long as the app runs: whenever the
 * name, this PC's own changes or the table change (a first edit, a restore, a rename), the name is
 * written if due. Returns the function that stops it.
 */
export function keepPcNameWritten(store: Store, onError: (error: unknown) => void): () => void {
  const { device } = store.identity;
  const watched = liveQuery(() =>
    Promise.all([store.db.meta.get(IDENTITY_KEY), store.db.vector.get(device), store.db.table<MergedRow, string>('device').get(device)]),
  );
  const subscription = watched.subscribe({
    next: () => void writePcNameIfDue(store).catch(onError),
    error: onError,
  });
  return () => subscription.unsubscribe();
}
