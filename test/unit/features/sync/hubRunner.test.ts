import { describe, expect, it } from 'vitest';
import type { Bridge, HubBridge } from '../../../../shared/bridge';
import { HubRunner } from '../../../../renderer/src/features/sync/hubRunner';
import { openStore } from '../../../../renderer/src/store/store';
import { freshDb, readAll } from '../../store/fakeDb';
import { ORG_TABLE } from '../../../../shared/orgs/tables';
import { loadDemoCounty } from '../../../../renderer/src/store/demo';
import { requestToJoin } from '../../../../renderer/src/store/authorityStore';
import { readHomeAuthority } from '../../../../renderer/src/store/trustStore';
import { FakeHub } from '../../hub/fakeHub';

const county = { code: 'LT', name: { zh: '共青团轮台县委员会' }, kind: 'county', parentId: null, archived: false };

/** A shell whose hub is the fake one; `hold` keeps pushes (`_bulk_docs`) back until released. */
function shellWith(hub: FakeHub) {
  let held: Promise<void> | null = null;
  let release = () => {};
  let reached = () => {};
  let pushReached: Promise<void> = Promise.resolve();
  const bridgeHub: HubBridge = {
    async request(request) {
      if (held && request.path === '_bulk_docs') {
        reached();
        await held;
      }
      return hub.transport(request);
    },
    config: async () => ({ configured: true, address: 'http://hub.test/league-lt', user: 'lt', scope: 'LT', storage: 'memory' }),
    configure: async () => ({ status: 'saved' }),
  };
  return {
    bridge: { hub: bridgeHub } as unknown as Bridge,
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
      pushReached = new Promise<void>((resolve) => (reached = resolve));
    },
    /** Resolves when a push has reached the hub and is being held. */
    get pushHeld() {
      return pushReached;
    },
    release() {
      held = null;
      release();
    },
  };
}

describe('the hub runner', () => {
  it('counts the changes waiting to be sent: each local edit adds one, a sync sends them all', async () => {
    const hub = new FakeHub();
    const store = await openStore(freshDb());
    const runner = new HubRunner(store, shellWith(hub).bridge);
    await runner.refresh();
    expect(runner.current.waiting).toBe(0);
    await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    await store.repo.write([{ table: 'org', row: 'o2', fields: { ...county, code: 'LT-01', parentId: 'o1' }, scope: 'LT' }]);
    await runner.refresh();
    expect(runner.current.waiting).toBe(2);
    await runner.sync();
    expect(runner.current).toMatchObject({ waiting: 0, connected: true, lastOutcome: { pushed: 2 } });
  });

  it('a sync asked for while one runs runs after it, so an edit made meanwhile is sent; many asks make one more', async () => {
    const hub = new FakeHub();
    const store = await openStore(freshDb());
    const shell = shellWith(hub);
    const runner = new HubRunner(store, shell.bridge);
    await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    // The background sync reads what to send and sends it; an edit is made while the hub is slow to answer.
    shell.hold();
    const background = runner.sync();
    await shell.pushHeld;
    await store.repo.write([{ table: 'org', row: 'o2', fields: { ...county, code: 'LT-01', parentId: 'o1' }, scope: 'LT' }]);
    const clicked = runner.sync();
    const clickedAgain = runner.sync();
    expect(clickedAgain).toBe(clicked);
    shell.release();
    await background;
    await clicked;
    // Each push of a change goes after the seal that covers it (a trust document).
    const bulk = hub.requests.filter((r) => r.path === '_bulk_docs').map((r) => (r.body as { docs: { kind?: string }[] }).docs);
    expect(bulk.map((docs) => docs.map((d) => d.kind ?? 'change'))).toEqual([['trust'], ['change'], ['trust'], ['change']]);
    expect(runner.current.waiting).toBe(0);
  });

  it('a fresh PC whose first pull brings the demo county joins it, as after the demo file; one waiting for its county’s answer does not', async () => {
    const hub = new FakeHub();
    const demo = await openStore(freshDb());
    await loadDemoCounty(demo);
    await new HubRunner(demo, shellWith(hub).bridge).sync();
    const fresh = await openStore(freshDb());
    await new HubRunner(fresh, shellWith(hub).bridge).sync();
    expect((await readAll(fresh.db, readHomeAuthority))?.demo).toBe(true);
    // Its writes are then the demo county's administrator's: the demo PC applies them.
    const root = (await fresh.db.rows(ORG_TABLE).toArray()).find((row) => row['kind'] === 'county')!;
    const written = await fresh.repo.write([{ table: 'org', row: root.id, scope: 'LT', fields: { name: { zh: '共青团轮台县委员会（联网）' } } }]);
    await new HubRunner(fresh, shellWith(hub).bridge).sync();
    const pulled = new HubRunner(demo, shellWith(hub).bridge);
    await pulled.sync();
    expect(pulled.current.lastOutcome?.pulled).toMatchObject({ applied: written.length, refused: 0 });
    const waiting = await openStore(freshDb());
    await requestToJoin(waiting);
    await new HubRunner(waiting, shellWith(hub).bridge).sync();
    expect(await readAll(waiting.db, readHomeAuthority)).toBeUndefined();
  });
});

