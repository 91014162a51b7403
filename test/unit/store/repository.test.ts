import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import { changeSchema, DATA_SCHEMA_VERSION, type Change } from '../../../shared/sync/change';
import { applyChangeToRow, rowValues, type MergedRow } from '../../../shared/sync/row';
import { loadIdentity } from '../../../renderer/src/store/identity';
import { Repository, WriteRefusedError } from '../../../renderer/src/store/repository';
import { openStore } from '../../../renderer/src/store/store';
import { allChanges, changeCount } from '../../../renderer/src/store/changeLog';
import { freshDb, readAll } from './fakeDb';
import { ORG_TABLE } from '../../../shared/orgs/tables';

const county: Omit<Org, 'id'> = { code: 'LT', name: { zh: '共青团轮台县委员会' }, kind: 'county', parentId: null, archived: false };

describe('repository', () => {
  it('turns a write into a complete change record and applies it to the row in one go', async () => {
    const store = await openStore(freshDb());
    const [made] = await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    expect(changeSchema.parse(made)).toEqual(made);
    expect(made).toMatchObject({
      device: store.identity.device,
      author: store.identity.author,
      table: 'org',
      row: 'o1',
      scope: 'LT',
      schema: DATA_SCHEMA_VERSION,
      base: { code: '', name: '', kind: '', parentId: '', archived: '' },
    });
    expect(made!.id).toBe(made!.hlc);
    expect(made!.hlc.endsWith(store.identity.device)).toBe(true);
    const row = (await store.db.rows(ORG_TABLE).get('o1'))!;
    expect(rowValues<Org>(row)).toEqual({ id: 'o1', ...county });
    expect(Object.values(row._clock)).toEqual(Array(5).fill(made!.hlc));
    expect(await readAll(store.db, allChanges)).toEqual([made]);
  });

  it('records, per field, the stamp of the value the author saw', async () => {
    const store = await openStore(freshDb());
    const [first] = await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    const [second] = await store.repo.write([{ table: 'org', row: 'o1', fields: { secretaryName: '阿依古丽', name: { zh: '团县委', ug: 'x' } }, scope: 'LT' }]);
    expect(second!.base).toEqual({ secretaryName: '', name: first!.hlc });
    expect(second!.hlc > first!.hlc).toBe(true);
  });

  it('keeps the log ordered and the clock monotonic across restarts, even when the wall clock goes back', async () => {
    const factory = new IDBFactory();
    const db1 = freshDb(Infinity, factory);
    await db1.open();
    const identity = await loadIdentity(db1);
    const [a] = await new Repository(db1, identity, () => Date.UTC(2026, 10, 22)).write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    db1.close();
    const db2 = freshDb(Infinity, factory);
    await db2.open();
    expect(await loadIdentity(db2)).toEqual(identity);
    const [b] = await new Repository(db2, identity, () => Date.UTC(2020, 0, 1)).write([{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }]);
    expect(b!.hlc > a!.hlc).toBe(true);
    expect((await db2.vector.get(identity.device))?.hlc).toBe(b!.hlc);
  });

  it('refuses a batch with an invalid row as a whole: nothing of it is stored', async () => {
    const store = await openStore(freshDb());
    await expect(
      store.repo.write([
        { table: 'org', row: 'o1', fields: county, scope: 'LT' },
        { table: 'org', row: 'o2', fields: { ...county, code: 'not a code!' }, scope: 'LT' },
      ]),
    ).rejects.toBeInstanceOf(WriteRefusedError);
    expect(await store.db.rows(ORG_TABLE).count()).toBe(0);
    expect(await readAll(store.db, changeCount)).toBe(0);
    expect(await store.db.meta.get('clock')).toBeUndefined();
  });

  it('stores exactly the row the pure merge computes from the change log', async () => {
    const store = await openStore(freshDb());
    await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    await store.repo.write([{ table: 'org', row: 'o1', fields: { secretaryName: '李明' }, scope: 'LT' }]);
    await store.repo.write([{ table: 'org', row: 'o1', fields: { secretaryName: '王芳', archived: true }, scope: 'LT' }]);
    const log: Change[] = await readAll(store.db, allChanges);
    let pure: MergedRow | undefined;
    for (const c of log) pure = applyChangeToRow(pure, c).row;
    expect(await store.db.rows(ORG_TABLE).get('o1')).toEqual(pure);
  });

  it('drops undefined fields rather than writing them', async () => {
    const store = await openStore(freshDb());
    const [made] = await store.repo.write([{ table: 'org', row: 'o1', fields: { ...county, secretaryPhone: undefined }, scope: 'LT' }]);
    expect('secretaryPhone' in made!.fields).toBe(false);
  });
});
