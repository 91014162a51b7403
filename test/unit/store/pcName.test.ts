/**
 * A PC's name is kept on the PC at once, written to the synced `device` table once the PC has
 * changes of its own, under the scope of its latest one, and from there travels like any change:
 * in full and peer files, relayed through a third PC, and through the hub — where a township
 * account may only write its own township's scope.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deviceNames } from '../../../shared/devices/names';
import { decodeBundle } from '../../../shared/sync/bundle';
import { syncWithHub } from '../../../shared/sync/hub/client';
import type { Org } from '../../../shared/domain/org';
import type { MergedRow } from '../../../shared/sync/row';
import { applyReviewedImport, exportBundle, reviewImport, type ExportedBundle } from '../../../renderer/src/features/sync/syncService';
import { loadDemoCounty } from '../../../renderer/src/store/demo';
import { dexieHubLocal } from '../../../renderer/src/store/hubStore';
import { nameThisPc, writePcNameIfDue } from '../../../renderer/src/store/pcName';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { dbTransport, prepareCounty, startTestHub, type DeviceLogin, type TestHub } from '../hub/hubServer';
import { freshDb } from './fakeDb';
import { APP_TABLES } from '../../../shared/app/registry';
import { ORG_TABLE } from '../../../shared/orgs/tables';

vi.setConfig({ testTimeout: 60_000 });

const newPc = () => openStore(freshDb());
const namesOn = async (store: Store) => deviceNames(await store.db.table<MergedRow, string>('device').toArray());
const deviceRow = (store: Store) => store.db.table<MergedRow, string>('device').get(store.identity.device);

async function receive(store: Store, ...files: ExportedBundle[]): Promise<void> {
  const review = await reviewImport(store, files.map((f) => ({ name: f.fileName, data: f.bytes })));
  await applyReviewedImport(store, review);
}

/** A branch of the demo county under a township, to write as a township PC would. */
async function branchUnder(store: Store, township: string): Promise<Org> {
  const org = (await store.db.rows(ORG_TABLE).toArray()).find((o) => String(o['code']).startsWith(`${township}-`));
  return org as unknown as Org;
}

const renameBranchSecretary = (store: Store, org: Org, name: string) =>
  store.repo.write([{ table: 'org', row: org.id, scope: org.code, fields: { secretaryName: name } }]);

describe('naming this PC', () => {
  it('keeps the name on the PC at once, and refuses a name it cannot keep, keeping nothing', async () => {
    const pc = await newPc();
    expect(await nameThisPc(pc, '  县团委   1号机 ')).toEqual({ ok: true, name: '县团委 1号机' });
    expect(pc.identity.name).toBe('县团委 1号机');
    expect(await nameThisPc(pc, '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(await nameThisPc(pc, '县团委\u202E')).toEqual({ ok: false, reason: 'control-characters' });
    // Reopened, the PC still has its name (and its device id).
    pc.db.close();
    const again = await openStore(pc.db);
    expect(again.identity).toEqual({ device: pc.identity.device, author: pc.identity.author, name: '县团委 1号机' });
  });

  it('writes nothing to the synced table until the PC has a change of its own, then writes it under that change\'s scope', async () => {
    const county = await newPc();
    await loadDemoCounty(county);
    const file = await exportBundle(county);
    const township = await newPc();
    await receive(township, file);
    await nameThisPc(township, '轮台镇团委 1号机');
    expect(await deviceRow(township)).toBeUndefined();
    expect(await writePcNameIfDue(township)).toBe(false);

    const branch = await branchUnder(township, 'LT-01');
    await renameBranchSecretary(township, branch, '阿依古丽');
    expect(await writePcNameIfDue(township)).toBe(true);
    expect(await deviceRow(township)).toMatchObject({ name: '轮台镇团委 1号机' });
    const [written] = (await township.db.log.toArray()).flatMap((p) => p.changes).filter((c) => c.table === 'device');
    expect(written).toMatchObject({ row: township.identity.device, scope: branch.code, fields: { name: '轮台镇团委 1号机' } });
    // Due once: a second call writes nothing.
    expect(await writePcNameIfDue(township)).toBe(false);
  });

  it('writes a new name when the PC is renamed, and never writes for a PC nobody named', async () => {
    const county = await newPc();
    await loadDemoCounty(county);
    expect(await writePcNameIfDue(county)).toBe(false);
    expect(await deviceRow(county)).toBeUndefined();
    await nameThisPc(county, '县团委 1号机');
    expect(await deviceRow(county)).toMatchObject({ name: '县团委 1号机' });
    await nameThisPc(county, '县团委 2号机');
    expect((await namesOn(county)).get(county.identity.device)).toBe('县团委 2号机');
  });

  it('puts the name in the manifest of every file the PC exports from then on', async () => {
    const county = await newPc();
    await loadDemoCounty(county);
    const before = await decodeBundle((await exportBundle(county)).bytes, { tables: APP_TABLES });
    expect(before.ok && before.manifest).toMatchObject({ version: 3, sender: { device: county.identity.device } });
    expect(before.ok && before.manifest.sender.name).toBeUndefined();
    await nameThisPc(county, '县团委 1号机');
    const after = await decodeBundle((await exportBundle(county)).bytes, { tables: APP_TABLES });
    expect(after.ok && after.manifest).toMatchObject({ version: 3, sender: { name: '县团委 1号机' } });
    const peer = { device: '00000000000000b2', account: 'local-00000000000000b2', vector: {}, lastSeen: '2026-01-01T00:00:00.000Z' };
    const forPeer = await decodeBundle((await exportBundle(county, { peer })).bytes, { tables: APP_TABLES });
    expect(forPeer.ok && forPeer.manifest.sender.name).toBe('县团委 1号机');
  });
});

/**
 * The county's PC, named, with the demo; and a township PC that restored its file, was named, and
 * changed a branch of its township — so its name is written.
 */
async function countyAndTownship(): Promise<{ county: Store; township: Store }> {
  const county = await newPc();
  await loadDemoCounty(county);
  await nameThisPc(county, '县团委 1号机');
  const township = await newPc();
  await receive(township, await exportBundle(county));
  await nameThisPc(township, '轮台镇团委 1号机');
  await renameBranchSecretary(township, await branchUnder(township, 'LT-01'), '阿依古丽');
  await writePcNameIfDue(township);
  return { county, township };
}

describe('a PC name travels like any change', () => {
  it('reaches a third PC that only restored a relayed full file, and a peer file carries it too', async () => {
    const { county: a, township: b } = await countyAndTownship();
    // B's file reaches A; C gets B's change only through A's full file.
    await receive(a, await exportBundle(b));
    const c = await newPc();
    await receive(c, await exportBundle(a));
    expect(await namesOn(c)).toEqual(
      new Map([
        [a.identity.device, '县团委 1号机'],
        [b.identity.device, '轮台镇团委 1号机'],
      ]),
    );
    // A renames itself; a file for C alone (what C lacks) carries the new name.
    await nameThisPc(a, '县团委 3号机');
    const cAsPeer = { device: c.identity.device, account: c.identity.author, vector: Object.fromEntries((await c.db.vector.toArray()).map((v) => [v.device, v.hlc])), lastSeen: '2026-01-01T00:00:00.000Z' };
    const forC = await exportBundle(a, { peer: cAsPeer });
    expect(forC.changes).toBe(1);
    await receive(c, forC);
    expect((await namesOn(c)).get(a.identity.device)).toBe('县团委 3号机');
  });

  describe('through the hub, where a township account may write only its own township', () => {
    const COUNTY: DeviceLogin = { name: 'county-pc', password: 'county-pass-1', scope: 'LT' };
    const TOWN: DeviceLogin = { name: 'town01-pc', password: 'town01-pass-1', scope: 'LT-01' };
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub();
      await prepareCounty(hub.url, 'league-lt', [COUNTY, TOWN]);
    }, 60_000);
    afterAll(async () => {
      await hub?.stop();
    });

    const sync = (store: Store, login: DeviceLogin) =>
      syncWithHub(dbTransport(hub.url, 'league-lt', login.name, login.password), dexieHubLocal(store.db, { device: store.identity.device, scope: login.scope }, { sealing: store.device }), { hub: 'h' });

    it("a township PC named after a USB restore sends its name with its edits, and the county's PC shows it", async () => {
      const { county, township } = await countyAndTownship();

      await sync(county, COUNTY);
      const sent = await sync(township, TOWN);
      expect(sent.pushed).toBe(2);
      await sync(county, COUNTY);
      expect((await namesOn(county)).get(township.identity.device)).toBe('轮台镇团委 1号机');
      expect((await namesOn(township)).get(county.identity.device)).toBe('县团委 1号机');
    });
  });
});
