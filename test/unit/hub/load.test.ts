/**
 * Load: 200 simulated devices (each its own store and device id, sharing a few township accounts
 * as PCs of one office do) push and pull concurrently through the embedded hub on loopback. Zero
 * lost or duplicated changes; throughput is printed for the report, not asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { syncWithHub } from '../../../shared/sync/hub/client';
import { memoryHubLocal, type MemoryHubLocal } from '../../../shared/sync/hub/memoryLocal';
import { edit, orgWrite } from './hubFixtures';
import { dbTransport, prepareCounty, serverAccess, startTestHub, type DeviceLogin, type TestHub } from './hubServer';
import { APP_TABLES } from '../../../shared/app/registry';

const DEVICES = 200;
const EDITS_EACH = 5;
const CONCURRENCY = 25;
const TOWNS: DeviceLogin[] = ['01', '02', '03', '04'].map((n) => ({ name: `town${n}-pcs`, password: `town${n}-pass-1`, scope: `LT-${n}` }));

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await prepareCounty(hub.url, 'league-load', TOWNS);
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

/** Runs the tasks with at most `limit` at a time. */
async function bounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

describe('200 devices on one hub', () => {
  it('push and pull concurrently with nothing lost or duplicated', async () => {
    const now = Date.now();
    const pcs: { local: MemoryHubLocal; login: DeviceLogin }[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const login = TOWNS[i % TOWNS.length]!;
      const device = (0x1000 + i).toString(16).padStart(16, '0');
      const local = memoryHubLocal(memoryAccess({ tables: APP_TABLES, now: () => now }), { device, scope: login.scope });
      await edit(local.store, device, Array.from({ length: EDITS_EACH }, (_, k) => orgWrite(`d${i}-o${k}`, `${login.scope}-${k + 1}`, `支部${i}-${k}`)), now);
      pcs.push({ local, login });
    }
    const total = DEVICES * EDITS_EACH;
    const sync = (p: (typeof pcs)[number]) => syncWithHub(dbTransport(hub.url, 'league-load', p.login.name, p.login.password), p.local, { hub: 'load', now: () => now });

    // Everyone at once (bounded): each pushes its own and pulls whatever is there so far.
    let started = performance.now();
    await bounded(pcs, CONCURRENCY, async (p) => {
      await sync(p);
    });
    const firstRound = performance.now() - started;
    // A second round: everyone pulls what the others sent after its first sync.
    started = performance.now();
    let pulled = 0;
    await bounded(pcs, CONCURRENCY, async (p) => {
      pulled += (await sync(p)).pulled.applied;
    });
    const secondRound = performance.now() - started;

    const all = await serverAccess(hub.url).admin({ method: 'GET', path: 'league-load/_all_docs' });
    const ids = (all.ok ? (all.body as { rows: { id: string }[] }).rows.map((r) => r.id) : []).filter((id) => !id.startsWith('_design/'));
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    const reference = await canonicalState(pcs[0]!.local.store);
    for (const p of pcs) {
      expect((await p.local.store.allChanges()).length).toBe(total);
      expect(await canonicalState(p.local.store)).toBe(reference);
    }
    console.log(
      `hub load: ${DEVICES} devices, ${total} changes; round 1 (push + pull) ${Math.round(firstRound)} ms, ` +
        `round 2 (pull ${pulled} changes) ${Math.round(secondRound)} ms, ${Math.round((pulled / secondRound) * 1000)} changes/s pulled`,
    );
  }, 300_000);
});
