import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Contest } from '../../../../shared/contests/rows';
import { CONTEST_TABLE } from '../../../../shared/contests/tables';
import type { Org } from '../../../../shared/domain/org';
import { liveRows } from '../../../../shared/sync/validate';
import { homeCounty } from '../../../../shared/orgs/home';
import { ORG_TABLE } from '../../../../shared/orgs/tables';
import { isWithinScope } from '../../../../shared/sync/scope';
import { rowValues } from '../../../../shared/sync/row';
import { useStore } from '../../app/context';
import { holdsCountyAuthority, judgeEnrolledPcs, readPcsHeld, type EnrolledPc } from '../../store/authorityStore';

/** Whether this PC holds the county's authority (the PCs page is for it alone). */
export function useHoldsAuthority(): boolean | undefined {
  const store = useStore();
  return useLiveQuery(() => holdsCountyAuthority(store.db), [store]);
}

/**
 * The county's PCs, re-read on every change of the trust records or the vector; signatures are
 * checked after the live read, outside it (WebCrypto is no part of a live query).
 */
export function useEnrolledPcs(): EnrolledPc[] | undefined {
  const store = useStore();
  const held = useLiveQuery(() => readPcsHeld(store), [store]);
  const [pcs, setPcs] = useState<EnrolledPc[] | undefined>();
  useEffect(() => {
    if (!held) return;
    let current = true;
    void judgeEnrolledPcs(store, held).then((list) => {
      if (current) setPcs(list);
    });
    return () => {
      current = false;
    };
  }, [store, held]);
  return pcs;
}

/** The organisations of the home county (not archived), by code: what a certificate's scope may name. */
export function useCountyOrgs(): Org[] | undefined {
  const { db } = useStore();
  return useLiveQuery(async () => {
    const orgs = (await db.rows(ORG_TABLE).toArray()).filter((r) => r._deleted !== true).map((r) => rowValues<Org>(r));
    const county = homeCounty(orgs);
    if (!county) return [];
    return orgs.filter((o) => !o.archived && isWithinScope(o.code, county.code)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }, [db]);
}

/** The county's contests with their judges, newest first: what a judge's certificate may assign it to. */
export function useContestsToJudge(): Contest[] | undefined {
  const { db } = useStore();
  return useLiveQuery(async () => liveRows<Contest>(CONTEST_TABLE, await db.rows(CONTEST_TABLE).toArray()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)), [db]);
}
