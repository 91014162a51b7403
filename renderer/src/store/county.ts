import type { Org } from '../../../shared/domain/org';
import { homeCounty } from '../../../shared/orgs/home';
import type { MergedRow } from '../../../shared/sync/row';
import { liveRows } from '../../../shared/sync/validate';
import type { StoreTx } from './tx';
import { ORG_TABLE } from '../../../shared/orgs/tables';

/** The county this PC keeps (shared/orgs/home.ts), read within a transaction that spans `org`. */
export async function readHomeCounty(tx: StoreTx): Promise<Org | undefined> {
  return homeCounty(liveRows<Org>(ORG_TABLE, await tx.table<MergedRow, string>('org').filter((r) => r.parentId === null).toArray()));
}
