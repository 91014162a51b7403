import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { APP_REGISTRY } from '../../../../shared/app/registry';
import { demoCounty } from '../../../../shared/trust/demo';
import { decideAll } from '../../../../shared/trust/decide';
import { checkAuthorityRecord, prepareMaterial } from '../../../../shared/trust/material';
import { changeHash, type Seal } from '../../../../shared/trust/seal';
import { recordId } from '../../../../shared/trust/signed';
import { allChanges } from '../../../../renderer/src/store/changeLog';
import { loadDemoCounty } from '../../../../renderer/src/store/demo';
import { loadIdentity } from '../../../../renderer/src/store/identity';
import { Repository } from '../../../../renderer/src/store/repository';
import { SEAL_IDLE_MS, sealUnsealed } from '../../../../renderer/src/store/sealing';
import { openStore } from '../../../../renderer/src/store/store';
import { DEVICE_KEY_STORE, pinHomeAuthority, readHomeAuthority, readTrustMaterial, type DeviceKeyEntry } from '../../../../renderer/src/store/trustStore';
import { makeCounty } from '../../trust/trustFixtures';
import { freshDb, readAll } from '../fakeDb';

const county = { code: 'LT', name: { zh: '共青团轮台县委员会' }, kind: 'county', parentId: null, archived: false };

async function heldSeals(db: Parameters<typeof readAll>[0]): Promise<Seal[]> {
  return (await readAll(db, readTrustMaterial)).seals as Seal[];
}

describe('this PC’s key pair', () => {
  it('is made on first open, kept as WebCrypto keys with the private half non-extractable, and the same after reopening', async () => {
    const factory = new IDBFactory();
    const first = await openStore(freshDb(Infinity, factory));
    expect(first.device.id).toBe(first.identity.device);
    expect(first.device.keys.privateKey).toBeInstanceOf(CryptoKey);
    expect((first.device.keys.privateKey as CryptoKey).extractable).toBe(false);
    first.db.close();
    const again = await openStore(freshDb(Infinity, factory));
    expect(again.device.keys.publicKey).toEqual(first.device.keys.publicKey);
    const stored = await readAll(again.db, (tx) => tx.table<DeviceKeyEntry, string>(DEVICE_KEY_STORE).toArray());
    expect(stored).toHaveLength(1);
    expect((stored[0]!.keys.privateKey as CryptoKey).extractable).toBe(false);
  });

  it('two windows opening a new database at once end with one key between them', async () => {
    const factory = new IDBFactory();
    const [a, b] = await Promise.all([openStore(freshDb(Infinity, factory)), openStore(freshDb(Infinity, factory))]);
    expect(a.device.keys.publicKey).toEqual(b.device.keys.publicKey);
  });
});

describe('the home authority', () => {
  it('is pinned once; the same record again is no change, another county’s authority is refused', async () => {
    const store = await openStore(freshDb());
    const lt = await makeCounty('LT');
    const other = await makeCounty('LT');
    expect(await pinHomeAuthority(store.db, lt.created.record)).toEqual({ ok: true, pinned: 'now' });
    expect(await pinHomeAuthority(store.db, lt.created.record)).toEqual({ ok: true, pinned: 'already' });
    expect(await pinHomeAuthority(store.db, other.created.record)).toEqual({ ok: false, reason: 'home-fixed' });
    expect(recordId((await readAll(store.db, readHomeAuthority))!)).toBe(lt.home.id);
  });

  it('a record with a broken signature is not pinned', async () => {
    const store = await openStore(freshDb());
    const lt = await makeCounty('LT');
    const forged = { ...lt.created.record, name: { zh: '假的县委' } };
    expect(await pinHomeAuthority(store.db, forged)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await readAll(store.db, readHomeAuthority)).toBeUndefined();
  });
});

describe('sealing what this PC writes', () => {
  it('each committed write is sealed by this PC’s key, listing exactly its changes’ hashes', async () => {
    const store = await openStore(freshDb());
    const one = await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    const two = await store.repo.write([
      { table: 'org', row: 'o1', fields: { secretaryName: '阿依古丽' }, scope: 'LT' },
      { table: 'org', row: 'o2', fields: { ...county, code: 'LT-01', kind: 'township', parentId: 'o1' }, scope: 'LT' },
    ]);
    await store.device.seals!.flush();
    const seals = await heldSeals(store.db);
    expect(seals.map((s) => s.hashes).sort((a, b) => a.length - b.length)).toEqual([one.map(changeHash), two.map(changeHash)]);
    for (const seal of seals) expect(seal.signer).toEqual(store.device.keys.publicKey);
  });

  it('a write’s seal, signed once it has committed, is stored by the next write’s own transaction', async () => {
    const store = await openStore(freshDb());
    const one = await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    expect(await heldSeals(store.db)).toEqual([]);
    expect(store.device.seals!.waiting().map((e) => (e.record as Seal).hashes)).toEqual([one.map(changeHash)]);
    const two = await store.repo.write([{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }]);
    expect((await heldSeals(store.db)).map((s) => s.hashes)).toEqual([one.map(changeHash)]);
    expect(store.device.seals!.waiting().map((e) => (e.record as Seal).hashes)).toEqual([two.map(changeHash)]);
  });

  it('the last write’s seal is stored on its own after a moment of quiet', async () => {
    const store = await openStore(freshDb());
    const one = await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    await vi.waitFor(async () => expect((await heldSeals(store.db)).map((s) => s.hashes)).toEqual([one.map(changeHash)]), { timeout: 10 * SEAL_IDLE_MS });
    expect(store.device.seals!.waiting()).toEqual([]);
  });

  it('a sweep (at start, before every export and hub push) stores the seals waiting instead of signing again', async () => {
    const store = await openStore(freshDb());
    const one = await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    expect(await sealUnsealed(store.db, store.device)).toBe(0);
    expect((await heldSeals(store.db)).map((s) => s.hashes)).toEqual([one.map(changeHash)]);
  });

  it('a window closed before its last seal was stored: the next start seals those changes, once', async () => {
    const factory = new IDBFactory();
    const first = await openStore(freshDb(Infinity, factory));
    const one = await first.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    const two = await first.repo.write([{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }]);
    first.db.close();
    const again = await openStore(freshDb(Infinity, factory));
    const seals = await heldSeals(again.db);
    expect(seals.flatMap((s) => s.hashes).sort()).toEqual([...one, ...two].map(changeHash).sort());
    expect(await sealUnsealed(again.db, again.device)).toBe(0);
  });

  it('own changes a crash left unsealed are sealed at the next start, once', async () => {
    const factory = new IDBFactory();
    const db = freshDb(Infinity, factory);
    await db.open();
    const identity = await loadIdentity(db);
    // A repository with no sealing step: the window closed between the write and its seal.
    const written = await new Repository(db, identity).write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    db.close();
    const store = await openStore(freshDb(Infinity, factory));
    const seals = await heldSeals(store.db);
    expect(seals.flatMap((s) => s.hashes)).toEqual(written.map(changeHash));
    expect(await sealUnsealed(store.db, store.device)).toBe(0);
    await store.repo.write([{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }]);
    expect(await sealUnsealed(store.db, store.device)).toBe(0);
    expect(await heldSeals(store.db)).toHaveLength(2);
  });
});

describe('the demo county', () => {
  it('pins the demo authority and gives this PC a demo county administrator’s certificate, so its demo writes are authorized', async () => {
    const store = await openStore(freshDb());
    await loadDemoCounty(store);
    // The demo's seal waits for the next write; a sweep stores it (every export sweeps first).
    await sealUnsealed(store.db, store.device);
    const demo = await demoCounty();
    const home = await readAll(store.db, readHomeAuthority);
    expect(home).toEqual(demo.authority);
    const held = await readAll(store.db, readTrustMaterial);
    const changes = await readAll(store.db, allChanges);
    const checked = await checkAuthorityRecord(home);
    if (!checked.ok) throw new Error(checked.problem);
    const decisions = decideAll(checked.value, await prepareMaterial({ ...held, changes }), APP_REGISTRY.rules);
    expect(decisions.size).toBe(changes.length);
    expect([...decisions.values()].filter((d) => d.status !== 'accepted')).toEqual([]);
  });

  it('on a PC pinned to a real county, loads the data without a demo certificate', async () => {
    const store = await openStore(freshDb());
    const lt = await makeCounty('LT');
    await pinHomeAuthority(store.db, lt.created.record);
    await loadDemoCounty(store);
    expect((await readAll(store.db, readTrustMaterial)).certificates).toEqual([]);
    expect(recordId((await readAll(store.db, readHomeAuthority))!)).toBe(lt.home.id);
  });
});

describe('upgrading a database of a build before trust (version 9)', () => {
  it('adds the trust stores, keeps the log, makes this PC’s key, and seals the PC’s own earlier changes once', async () => {
    const factory = new IDBFactory();
    const v9 = freshDb(9, factory);
    await v9.open();
    const identity = await loadIdentity(v9);
    const before = await new Repository(v9, identity).write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    v9.close();
    const store = await openStore(freshDb(Infinity, factory));
    expect(store.identity).toEqual(identity);
    expect(await readAll(store.db, allChanges)).toEqual(before);
    expect((await heldSeals(store.db)).flatMap((s) => s.hashes)).toEqual(before.map(changeHash));
  });
});
