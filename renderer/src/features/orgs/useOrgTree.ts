import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import type { Org } from '../../../../shared/domain/org';
import { childrenByParent } from '../../../../shared/orgs/tree';
import { rowValues } from '../../../../shared/sync/row';
import { buildOrgSearchIndex, type OrgSearchIndex } from '../../../../shared/text/search';
import { useStore } from '../../app/context';
import { ORG_TABLE } from '../../../../shared/orgs/tables';

export interface OrgTreeData {
  /** Every organisation that is not deleted, archived ones included. */
  orgs: Org[];
  byId: Map<string, Org>;
  /** Children in code order; the root under `null`. */
  children: Map<string | null, Org[]>;
  index: OrgSearchIndex;
}

/**
 * The organisation tree, re-read on every change (a write here, an import, a merge). The search
 * index is rebuilt from the previous one, so after a write only the changed organisations are
 * keyed again.
 */
export function useOrgTree(): OrgTreeData | undefined {
  const { db } = useStore();
  const orgs = useLiveQuery(async () => (await db.rows(ORG_TABLE).toArray()).filter((r) => r._deleted !== true).map((r) => rowValues<Org>(r)), [db]);
  const previous = useRef<OrgSearchIndex | undefined>(undefined);
  const data = useMemo(() => {
    if (!orgs) return undefined;
    return { orgs, byId: new Map(orgs.map((o) => [o.id, o])), children: childrenByParent(orgs), index: buildOrgSearchIndex(orgs, previous.current) };
  }, [orgs]);
  useEffect(() => {
    previous.current = data?.index;
  }, [data]);
  return data;
}
