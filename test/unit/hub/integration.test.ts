/**
 * Against the real embedded hub (scripts/hub.ts: pouchdb-server's engine on 127.0.0.1, data on
 * disk), started by the test on a free port: setup and add-device, the hub's own refusals through
 * its HTTP API, and sync between PCs with connections cut at random points.
 */
import { APP_HUB_POLICY } from '../../../shared/app/hub';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { syncWithHub } from '../../../shared/sync/hub/client';
import { HubError } from '../../../shared/sync/hub/errors';
import { fetchTransport } from '../../../shared/sync/hub/fetchTransport';
import { memoryHubLocal, type MemoryHubLocal } from '../../../shared/sync/hub/memoryLocal';
import type { HubTransport } from '../../../shared/sync/hub/protocol';
import { addDevice, setupHub } from '../../../shared/sync/hub/setup';
import { edit, orgWrite } from './hubFixtures';
import { ADMIN, dbTransport, prepareCounty, serverAccess, startTestHub, type DeviceLogin, type TestHub } from './hubServer';
import { APP_TABLES } from '../../../shared/app/registry';

// Real servers and databases: generous limits for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

/** The hub checks this PC's clock against its own, so these tests run at the real time. */
const T0 = Date.now();

const COUNTY: DeviceLogin = { name: 'county-pc', password: 'county-pass-1', scope: 'LT' };
const TOWN3: DeviceLogin = { name: 'town03-pc', password: 'town03-pass-1', scope: 'LT-03' };
const TOWN4: DeviceLogin = { name: 'town04-pc', password: 'town04-pass-1', scope: 'LT-04' };
const DEVICE = { county: '00000000000000c0', town3: '0000000000000003', town4: '0000000000000004' };

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await prepareCounty(hub.url, 'league-lt', [COUNTY, TOWN3, TOWN4]);
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

function pc(device: string, scope: string): MemoryHubLocal {
  return memoryHubLocal(memoryAccess({ tables: APP_TABLES, now: () => T0 }), { device, scope });
}

function as(login: DeviceLogin, db = 'league-lt'): HubTransport {
  return dbTransport(hub.url, db, login.name, login.password);
}

async function allDocIds(db: string): Promise<string[]> {
  const answer = await serverAccess(hub.url).admin({ method: 'GET', path: `${db}/_all_docs` });
  if (!answer.ok) throw new Error('no answer');
  return (answer.body as { rows: { id: string }[] }).rows.map((r) => r.id).filter((id) => !id.startsWith('_design/'));
}

describe('league-desk hub setup / add-device against the embedded hub', () => {
  it('is idempotent: a second run changes nothing', async () => {
    const again = await setupHub(serverAccess(hub.url), 'league-lt', APP_HUB_POLICY);
    expect(again).toEqual({ admin: 'unchanged', users: 'unchanged', database: 'unchanged', security: 'unchanged', design: 'unchanged' });
    const login = fetchTransport({ base: hub.url, user: TOWN3.name, password: TOWN3.password }, fetch);
    expect(await addDevice(serverAccess(hub.url), 'league-lt', TOWN3, login)).toBe('unchanged');
  });

  it('a fresh hub gets its admin from the URL, once', async () => {
    const fresh = await startTestHub();
    try {
      const first = await setupHub(serverAccess(fresh.url), 'league-x', APP_HUB_POLICY);
      expect(first).toMatchObject({ admin: 'created', database: 'created', security: 'created', design: 'created' });
      // Anonymous requests are no longer admin.
      const anon = await fetchTransport({ base: fresh.url }, fetch)({ method: 'PUT', path: 'league-y' });
      expect(anon).toMatchObject({ ok: true, status: 401 });
      const wrong = { ...serverAccess(fresh.url), admin: fetchTransport({ base: fresh.url, user: ADMIN.name, password: 'nope' }, fetch) };
      await expect(setupHub(wrong, 'league-x', APP_HUB_POLICY)).rejects.toMatchObject({ reason: 'wrong-password' });
    } finally {
      await fresh.stop();
    }
  }, 60_000);
});

describe('the hub enforces its rules through the HTTP API', () => {
  it('refuses an update or a delete of a change document, and a change outside the writer scope', async () => {
    const town = pc(DEVICE.town3, 'LT-03');
    const [made] = await edit(town.store, DEVICE.town3, [orgWrite('rule-o1', 'LT-03-001', '一支部')], T0);
    const t = as(TOWN3);
    const created = await t({ method: 'PUT', path: encodeURIComponent(made!.id), body: { ...made, _id: made!.id } });
    expect(created).toMatchObject({ ok: true, status: 201 });
    const rev = ((created as { body: { rev: string } }).body).rev;
    const update = await t({ method: 'PUT', path: encodeURIComponent(made!.id), body: { ...made, _id: made!.id, _rev: rev, fields: { code: 'LT-03-999' } } });
    expect(update).toMatchObject({ ok: true, status: 403, body: { error: 'forbidden', reason: 'immutable' } });
    const del = await t({ method: 'POST', path: '_bulk_docs', body: { docs: [{ _id: made!.id, _rev: rev, _deleted: true }] } });
    expect(del).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'immutable' }] });
    // Not even the server admin can rewrite history.
    const adminUpdate = await dbTransport(hub.url, 'league-lt', ADMIN.name, ADMIN.password)({
      method: 'PUT',
      path: encodeURIComponent(made!.id),
      body: { ...made, _id: made!.id, _rev: rev, author: 'someone-else' },
    });
    expect(adminUpdate).toMatchObject({ ok: true, status: 403 });

    const [outside] = await edit(town.store, DEVICE.town3, [orgWrite('rule-o2', 'LT-04-001', '别的乡')], T0 + 1);
    const refused = await t({ method: 'POST', path: '_bulk_docs', body: { docs: [{ ...outside, _id: outside!.id }] } });
    expect(refused).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'outside-scope' }] });
    // A change whose _id is not its id is refused too.
    const forged = await t({ method: 'POST', path: '_bulk_docs', body: { docs: [{ ...made, _id: `${made!.id}x` }] } });
    expect(forged).toMatchObject({ ok: true, body: [{ error: 'forbidden', reason: 'id-mismatch' }] });
    // The county's account may write anywhere in the county.
    const county = await as(COUNTY)({ method: 'POST', path: '_bulk_docs', body: { docs: [{ ...outside, _id: outside!.id }] } });
    expect(county).toMatchObject({ ok: true, body: [{ ok: true }] });
    // Through the client, the refusal of this PC's own change outside its scope is "no right".
    await edit(town.store, DEVICE.town3, [orgWrite('rule-o3', 'LT-04-002', '别的乡二')], T0 + 2);
    await expect(syncWithHub(t, town, { hub: 'rules', now: () => T0 })).rejects.toMatchObject({ reason: 'no-right' });
  });

  it('answers a wrong password and a stranger account with their reasons', async () => {
    const town = pc(DEVICE.town3, 'LT-03');
    await expect(syncWithHub(as({ ...TOWN3, password: 'wrong-one' }), town, { hub: 'x', now: () => T0 })).rejects.toMatchObject({ reason: 'wrong-password' });
    await prepareCounty(hub.url, 'league-other', []);
    await expect(syncWithHub(as(TOWN3, 'league-other'), town, { hub: 'y', now: () => T0 })).rejects.toMatchObject({ reason: 'no-right' });
    await expect(syncWithHub(as(TOWN3, 'league-none'), town, { hub: 'z', now: () => T0 })).rejects.toMatchObject({ reason: 'wrong-address' });
    const dead = fetchTransport({ base: 'http://127.0.0.1:9/league-lt/' }, fetch);
    await expect(syncWithHub(dead, town, { hub: 'w', now: () => T0 })).rejects.toMatchObject({ reason: 'unreachable' });
  });
});

/** A transport that stops answering after `budget` requests; with `lateCut`, the last one reaches the hub first. */
function cutAfter(inner: HubTransport, budget: number, lateCut: boolean): HubTransport {
  let left = budget;
  return async (request) => {
    if (left <= 0) return { ok: false, failure: 'unreachable' };
    left -= 1;
    if (left === 0 && lateCut) {
      await inner(request);
      return { ok: false, failure: 'unreachable' };
    }
    return inner(request);
  };
}

let dbCounter = 0;

describe('sync through the hub', () => {
  it('two PCs converge, to the same state as exchanging the same edits by files', async () => {
    const db = 'league-conv';
    await prepareCounty(hub.url, db, [COUNTY, TOWN3]);
    const county = pc(DEVICE.county, 'LT');
    const town = pc(DEVICE.town3, 'LT-03');
    await edit(county.store, DEVICE.county, [orgWrite('c-o1', 'LT', '团县委'), orgWrite('shared', 'LT-03', '乡团委')], T0);
    await edit(town.store, DEVICE.town3, [orgWrite('t-o1', 'LT-03-001', '一支部')], T0 + 5);
    await syncWithHub(as(COUNTY, db), county, { hub: db, now: () => T0 });
    await syncWithHub(as(TOWN3, db), town, { hub: db, now: () => T0 });
    await edit(town.store, DEVICE.town3, [{ table: 'org', row: 'shared', scope: 'LT-03', fields: { secretaryName: '阿依古丽' } }], T0 + 10);
    await edit(county.store, DEVICE.county, [{ table: 'org', row: 'shared', scope: 'LT-03', fields: { secretaryName: '李明' } }], T0 + 11);
    for (let round = 0; round < 2; round++) {
      await syncWithHub(as(TOWN3, db), town, { hub: db, now: () => T0 });
      await syncWithHub(as(COUNTY, db), county, { hub: db, now: () => T0 });
    }
    expect(await canonicalState(town.store)).toBe(await canonicalState(county.store));
    // The same edits exchanged as files (every change, through the same import) give the same state.
    const byFile = memoryAccess({ tables: APP_TABLES, now: () => T0 });
    await byFile.applyChanges([...(await county.store.allChanges())], { now: T0 });
    expect(await canonicalState(byFile)).toBe(await canonicalState(county.store));
    const ids = await allDocIds(db);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe((await county.store.allChanges()).length);
  });

  it('cut at any request, the next sync finishes the job: same state as without cuts, nothing twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.constantFrom<'county' | 'town'>('county', 'town'), cut: fc.integer({ min: 1, max: 12 }), late: fc.boolean(), edits: fc.integer({ min: 0, max: 7 }) }), {
          minLength: 2,
          maxLength: 5,
        }),
        async (steps) => {
          dbCounter += 1;
          const db = `league-cut${dbCounter}`;
          const ref = `league-ref${dbCounter}`;
          await prepareCounty(hub.url, db, [COUNTY, TOWN3]);
          await prepareCounty(hub.url, ref, [COUNTY, TOWN3]);
          const pcs = { county: pc(DEVICE.county, 'LT'), town: pc(DEVICE.town3, 'LT-03') };
          const refs = { county: pc(DEVICE.county, 'LT'), town: pc(DEVICE.town3, 'LT-03') };
          const login = { county: COUNTY, town: TOWN3 };
          let n = 0;
          for (const step of steps) {
            const specs = Array.from({ length: step.edits }, () => {
              n += 1;
              return step.who === 'county' ? orgWrite(`c${n}`, 'LT', `组织${n}`) : orgWrite(`t${n}`, 'LT-03-001', `支部${n}`);
            });
            const device = step.who === 'county' ? DEVICE.county : DEVICE.town3;
            // The same edits on the reference PCs, synced without cuts.
            if (specs.length > 0) {
              await edit(pcs[step.who].store, device, specs, T0 + n);
              await edit(refs[step.who].store, device, specs, T0 + n);
            }
            const cut = cutAfter(as(login[step.who], db), step.cut, step.late);
            await syncWithHub(cut, pcs[step.who], { hub: db, now: () => T0 + n, chunkSize: 3, pullLimit: 4 }).catch((e: unknown) => {
              if (!(e instanceof HubError)) throw e;
            });
            await syncWithHub(as(login[step.who], ref), refs[step.who], { hub: ref, now: () => T0 + n, chunkSize: 3, pullLimit: 4 });
          }
          // Connections come back: everyone finishes.
          for (const who of ['county', 'town', 'county'] as const) {
            await syncWithHub(as(login[who], db), pcs[who], { hub: db, now: () => T0 + n + 1, chunkSize: 3, pullLimit: 4 });
            await syncWithHub(as(login[who], ref), refs[who], { hub: ref, now: () => T0 + n + 1, chunkSize: 3, pullLimit: 4 });
          }
          const state = await canonicalState(pcs.county.store);
          expect(await canonicalState(pcs.town.store)).toBe(state);
          expect(await canonicalState(refs.county.store)).toBe(state);
          const ids = await allDocIds(db);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.sort()).toEqual((await allDocIds(ref)).sort());
          expect(ids.length).toBe((await pcs.county.store.allChanges()).length);
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
