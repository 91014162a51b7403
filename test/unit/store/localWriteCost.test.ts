import { describe, expect, it } from 'vitest';
import { writeLocally } from '../../../shared/sync/localWrite';
import type { WriteSpec } from '../../../shared/sync/write';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { holdTrustRecords, pinHomeAuthority } from '../../../renderer/src/store/trustStore';
import { makeCounty } from '../trust/trustFixtures';
import { freshDb, withAccess } from './fakeDb';
import { recordRequests, requestCount, type StoreRequest } from './requests';
import { certificateFor, enrolledPc, fullFile, importFiles, report, writeSmallCounty } from './trust/trustPcs';

/*
 * What one local write costs, in the unit IndexedDB charges by: requests (each a round trip to the
 * browser's storage process, whatever the record's size). Typing a cell must not cost more on a PC
 * that holds the county's year — twenty PCs' changes, a long log — than on a new one; the time
 * itself is measured by `npm run bench -- trust`, never asserted here.
 */

const county = { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false };
const NOW = Date.UTC(2026, 10, 22);

/** A PC (not enrolled: no county pinned) holding the county root and one organisation from each of `others` PCs. */
async function pcHolding(others: number): Promise<{ store: Store; during: ReturnType<typeof recordRequests>['during'] }> {
  const db = freshDb();
  const { during } = recordRequests(db);
  const store = await openStore(db);
  await store.repo.write([{ table: 'org', row: 'org-LT', scope: 'LT', fields: county }]);
  for (let i = 0; i < others; i++) {
    const device = (0xa000 + i).toString(16).padStart(16, '0');
    const spec: WriteSpec = { table: 'org', row: `org-LT-${i}`, scope: `LT-${i}`, fields: { ...county, code: `LT-${i}`, kind: 'township', parentId: 'org-LT' } };
    await withAccess(db, 'rw', (access) => writeLocally(access, [spec], { device, author: `pc-${i}` }, NOW - 1000));
  }
  return { store, during };
}

const typeSecretary = (store: Store, name: string) => store.repo.write([{ table: 'org', row: 'org-LT', scope: 'LT', fields: { secretaryName: name } }]);
const writesTo = (requests: readonly StoreRequest[], table: string) => requests.filter((r) => r.table === table && r.kind === 'write').flatMap((r) => r.keys ?? []);

describe('the cost of one local write', () => {
  it('stores only this PC’s entry of the version vector, however many PCs the vector names', async () => {
    const { store, during } = await pcHolding(20);
    const { requests } = await during(() => typeSecretary(store, '阿依古丽'));
    expect(writesTo(requests, 'vector')).toEqual([store.identity.device]);
    expect(await store.db.vector.count()).toBe(21);
  });

  it('makes as many requests on a PC holding forty PCs’ changes as on one holding two', async () => {
    const small = await pcHolding(2);
    const large = await pcHolding(40);
    const cost = async ({ store, during }: typeof small) => requestCount((await during(() => typeSecretary(store, '阿依古丽'))).requests);
    expect(await cost(large)).toBe(await cost(small));
  });

  it('on an enrolled township PC, a typed cell — its standing read, the gate, the write, the last write’s seal stored — costs at most 20 requests', async () => {
    const county = await makeCounty('LT');
    const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
    await writeSmallCounty(countyPc);
    const db = freshDb();
    const { during } = recordRequests(db);
    const township = await openStore(db, { enforceTrust: true });
    await pinHomeAuthority(db, county.created.record);
    await importFiles(township, await fullFile(countyPc));
    await holdTrustRecords(db, [await certificateFor(county, township, { role: 'townshipOfficer', scope: 'LT-03' })]);
    const members = (n: number) => township.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: n } }]);
    await members(33);
    const { requests } = await during(() => members(34));
    expect(requestCount(requests)).toBeLessThanOrEqual(20);
    expect(requests.filter((r) => r.table === 'trust' && r.kind === 'write')).toHaveLength(1);
  });
});
