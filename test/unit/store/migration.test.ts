import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/sync/hlc';
import type { Change } from '../../../shared/sync/change';
import { decodeBundle } from '../../../shared/sync/bundle';
import { storeErrorKey } from '../../../renderer/src/store/errors';
import { NewerDatabaseError, openStore } from '../../../renderer/src/store/store';
import { allChanges, appendChanges, changeCount, changesByIds, changesOfRow } from '../../../renderer/src/store/changeLog';
import { freshDb, readAll } from './fakeDb';
import { inTransaction } from '../../../renderer/src/store/tx';
import { APP_REGISTRY, APP_TABLES } from '../../../shared/app/registry';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { composeRegistry } from '../../../shared/feature/registry';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { countyTable } from '../../../shared/trust/ruleParts';

function change(device: string, wall: number, row: string): Change {
  const hlc = formatStamp(wall, 0, device);
  return { id: hlc, hlc, device, author: `local-${device}`, table: 'org', row, fields: { archived: false }, base: { archived: '' }, scope: 'LT', schema: 1 };
}

describe('database schema versions', () => {
  it('opens a version-1 database with data, upgrades it, and loses nothing', async () => {
    const factory = new IDBFactory();
    const v1 = freshDb(1, factory);
    await v1.open();
    expect(v1.verno).toBe(1);
    const a = '00000000000000a1';
    const b = '00000000000000b2';
    const changes = [change(a, 1_000, 'o1'), change(a, 3_000, 'o2'), change(b, 2_000, 'o3')];
    await v1.table('changes').bulkAdd(changes);
    await v1.table('org').put({ id: 'o1', code: 'LT', _clock: {} });
    await v1.table('meta').put({ key: 'setup', value: 'demo' });
    v1.close();

    const latest = freshDb(Infinity, factory);
    await latest.open();
    expect(latest.verno).toBe(latest.versions.at(-1)!.version);
    // Version 6 moved the log into pages (one here: three changes), with its count; 7 dropped the old store.
    expect(await readAll(latest, allChanges)).toEqual([...changes].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(await readAll(latest, changeCount)).toBe(3);
    expect(await latest.log.count()).toBe(1);
    expect(latest.tables.map((t) => t.name)).not.toContain('changes');
    expect(await latest.rows(ORG_TABLE).get('o1')).toEqual({ id: 'o1', code: 'LT', _clock: {} });
    expect(await latest.meta.get('setup')).toEqual({ key: 'setup', value: 'demo' });
    // The version vector is backfilled from the log: per device, its greatest stamp.
    expect(await latest.vector.orderBy('device').toArray()).toEqual([
      { device: a, hlc: changes[1]!.hlc },
      { device: b, hlc: changes[2]!.hlc },
    ]);
    expect(await readAll(latest, (tx) => changesOfRow(tx, APP_TABLES.rowIds, 'org', 'o2'))).toEqual([changes[1]]);
    expect((await readAll(latest, (tx) => changesByIds(tx, [changes[2]!.id, 'unknown']))).get(changes[2]!.id)).toEqual(changes[2]);
  });

  it('opens a version-7 database with the PC-name table (version 8) added and the log and rows kept', async () => {
    const factory = new IDBFactory();
    const v7 = freshDb(7, factory);
    await v7.open();
    const a = '00000000000000a1';
    const changes = [change(a, 1_000, 'o1')];
    await inTransaction(v7, 'rw', ['log', 'meta'], (tx) => appendChanges(tx, changes));
    await v7.table('org').put({ id: 'o1', code: 'LT', _clock: {} });
    v7.close();

    // The store opens at the latest version: it needs the trust stores of version 10 (this PC's key).
    const store = await openStore(freshDb(Infinity, factory));
    expect(store.db.verno).toBe(store.db.versions.at(-1)!.version);
    expect(await store.db.table('device').count()).toBe(0);
    expect(await readAll(store.db, allChanges)).toEqual(changes);
    expect(await store.db.rows(ORG_TABLE).get('o1')).toEqual({ id: 'o1', code: 'LT', _clock: {} });
    // A PC's name is written like any other row once the table exists.
    await store.repo.write([{ table: 'device', row: store.identity.device, fields: { name: '县团委 1号机' }, scope: 'LT' }]);
    expect(await store.db.table('device').get(store.identity.device)).toMatchObject({ name: '县团委 1号机' });
    store.db.close();
  });

  it('lists versions in increasing order, so every old database has a path forward', () => {
    const versions = freshDb().versions.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('refuses to open a database written by a newer build, leaving it untouched', async () => {
    const factory = new IDBFactory();
    const newer = freshDb(Infinity, factory);
    newer.version(newer.versions.at(-1)!.version + 1).stores({ extra: 'id' });
    await newer.open();
    await newer.table('meta').put({ key: 'setup', value: 'demo' });
    newer.close();
    await expect(openStore(freshDb(Infinity, factory))).rejects.toBeInstanceOf(NewerDatabaseError);
    expect(storeErrorKey(new NewerDatabaseError(3, 2))).toBe('errors:store.newerDatabase');
    await newer.open();
    expect(await newer.table('meta').get('setup')).toEqual({ key: 'setup', value: 'demo' });
  });
});

describe('backup before a schema upgrade', () => {
  it('keeps a full bundle of the old database, readable and complete, once the upgrade is done', async () => {
    const factory = new IDBFactory();
    const v1 = freshDb(1, factory);
    await v1.open();
    const a = '00000000000000a1';
    const changes = [change(a, 1_000, 'o1'), change(a, 2_000, 'o2')];
    await v1.table('changes').bulkAdd(changes);
    v1.close();

    const store = await openStore(freshDb(Infinity, factory));
    const backups = await store.db.backups.toArray();
    expect(backups.map((b) => [b.reason, b.changes])).toEqual([['before-upgrade', 2]]);
    const decoded = await decodeBundle(backups[0]!.bytes, { tables: APP_TABLES });
    expect(decoded.ok && decoded.changes).toEqual(changes);
  });

  it('carries the photos (blobs) of a database that has them', async () => {
    const factory = new IDBFactory();
    const before = freshDb(Infinity, factory);
    const latest = before.versions.at(-1)!.version;
    await before.open();
    const a = '00000000000000a1';
    const changes = [change(a, 1_000, 'o1')];
    await inTransaction(before, 'rw', ['log', 'meta'], (tx) => appendChanges(tx, changes));
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await before.table('blobs').put({ hash: 'h', bytes: photo, type: 'image/jpeg' });
    before.close();

    // A later build registers a feature whose table comes with a new version; its upgrade must
    // keep the photos in the snapshot.
    const later = composeRegistry([
      ...APP_REGISTRY.features,
      { name: 'later', tables: [{ name: 'laterTable', row: z.object({ id: z.string() }), indexes: { [latest + 1]: 'id' }, rule: countyTable }] },
    ]);
    const store = await openStore(new LeagueDeskDb(later, 'league-desk-test', { indexedDB: factory, IDBKeyRange }));
    expect(store.db.verno).toBe(latest + 1);
    const [backup] = await store.db.backups.toArray();
    expect(backup?.reason).toBe('before-upgrade');
    const decoded = await decodeBundle(backup!.bytes, { tables: APP_TABLES });
    expect(decoded.ok && [...decoded.blobs.values()]).toEqual([photo]);
    expect(decoded.ok && decoded.changes).toEqual(changes);
    store.db.close();
  });

  it('makes none for a new database or one already at the latest version', async () => {
    const factory = new IDBFactory();
    const first = await openStore(freshDb(Infinity, factory));
    await first.repo.write([{ table: 'org', row: 'o1', fields: { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false }, scope: 'LT' }]);
    first.db.close();
    const again = await openStore(freshDb(Infinity, factory));
    expect(await again.db.backups.count()).toBe(0);
  });
});
