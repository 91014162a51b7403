import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { deviceStanding, mayWrite, mayWriteTable, type Standing, type WriteIntent } from '../../../shared/trust/standing';
import { readOrgRows, readStandingRecords } from '../store/standing';
import { useStore } from './context';

export interface Permissions {
  /** This PC's standing; undefined while it is first read. */
  standing: Standing | undefined;
  /** Whether this PC may make this write: the rule the local write gate runs (shared/trust/standing.ts `mayWrite`). */
  can(intent: WriteIntent): boolean;
  /** Whether this PC's role may write the table at all (a "new …" action, before a row is chosen). */
  canWriteTable(table: string): boolean;
}

/**
 * This PC's standing and what it may write, live: read again when its trust records change (an
 * import brings its certificate, the county's revocation arrives). Screens offer an action only
 * when `can` says the write would be authorized — absent, not disabled — so no one is shown a
 * button the gate would refuse. Until the standing is first read (milliseconds at start; a screen
 * opened later starts from the last one read) actions are offered as before: the local write gate
 * refuses whatever the role may not write, whatever a screen showed.
 */
export function useStanding(): Permissions {
  const store = useStore();
  const records = useLiveQuery(() => readStandingRecords(store.db, store.device.id), [store]);
  const orgs = useLiveQuery(() => readOrgRows(store.db), [store]);
  const [standing, setStanding] = useState<Standing | undefined>(() => {
    const latest = store.standing.latest();
    return latest && deviceStanding(latest, Date.now());
  });
  useEffect(() => {
    if (records === undefined) return;
    let live = true;
    void store.standing.inputsFrom(records).then((inputs) => {
      if (live) setStanding(deviceStanding(inputs, Date.now()));
    });
    return () => {
      live = false;
    };
  }, [store, records]);
  const rules = store.db.registry.rules;
  const device = store.device.id;
  const can = useCallback(
    (intent: WriteIntent) => standing === undefined || orgs === undefined || mayWrite(standing, rules, intent, device, (table, id) => (table === 'org' ? orgs.get(id) : undefined)) === undefined,
    [standing, orgs, rules, device],
  );
  const canWriteTable = useCallback((table: string) => standing === undefined || mayWriteTable(standing, rules, table) === undefined, [standing, rules]);
  return useMemo(() => ({ standing, can, canWriteTable }), [standing, can, canWriteTable]);
}
