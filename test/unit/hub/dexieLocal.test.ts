/** The app's HubLocal over IndexedDB (fake-indexeddb) syncs exactly like the in-memory one. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { applyImport, planImport } from '../../../shared/sync/import';
import { arbChangeSet } from '../sync/mergeFixtures';
import { canonicalState } from '../../../shared/sync/canonical';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { syncWithHub } from '../../../shared/sync/hub/client';
import type { HubLocal } from '../../../shared/sync/hub/local';
import { memoryHubLocal } from '../../../shared/sync/hub/memoryLocal';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { blobTable } from '../../../renderer/src/store/blobs';
import { dexieHubLocal, HUB_STATE_KEY } from '../../../renderer/src/store/hubStore';
import { freshDb, readAll, withAccess } from '../store/fakeDb';
import { FakeHub } from './fakeHub';
import { changeCount } from '../../../renderer/src/store/changeLog';
import { edit, orgWrite, T0 } from './hubFixtures';
import { APP_TABLES } from '../../../shared/app/registry';

// Real servers and databases: generous limits for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

const A = '00000000000000a1';
const B = '00000000000000b2';

describe('dexieHubLocal', () => {
  it('pulls pages with their checkpoint and blobs in one transaction, and matches the memory client', async () => {
    const hub = new FakeHub();
    const county = memoryHubLocal(memoryAccess({ tables: APP_TABLES, now: () => T0 }), { device: A, scope: 'LT' });
    await edit(county.store, A, Array.from({ length: 30 }, (_, i) => orgWrite(`o${i}`, 'LT-03', `支部${i}`)), T0);
    const bytes = new TextEncoder().encode('photo');
    const hash = await sha256Hex(bytes);
    county.blobs.set(hash, { hash, bytes, type: 'image/png' });
    await syncWithHub(hub.transport, county, { hub: 'h', now: () => T0 });

    const db = freshDb();
    await db.open();
    const local: HubLocal = dexieHubLocal(db, { device: B, scope: 'LT-03' });
    // Cut after the first page: that page is kept with its checkpoint, and the next sync resumes there.
    let failOnce = true;
    const flaky: typeof hub.transport = async (r) => {
      const answer = await hub.transport(r);
      if (r.path === '_changes' && r.query?.['since'] === '10' && failOnce) {
        failOnce = false;
        return { ok: false, failure: 'unreachable' };
      }
      return answer;
    };
    await expect(syncWithHub(flaky, local, { hub: 'h', now: () => T0, pullLimit: 10 })).rejects.toMatchObject({ reason: 'unreachable' });
    const halfway = (await db.meta.get(HUB_STATE_KEY))?.value as { checkpoint: string };
    expect(halfway.checkpoint).toBe('10');
    expect(await readAll(db, changeCount)).toBe(9); // seq 1 is the design document
    const outcome = await syncWithHub(flaky, local, { hub: 'h', now: () => T0, pullLimit: 10 });
    expect(outcome.pulled.applied).toBe(21);
    expect(outcome.blobsPulled).toBe(1);
    expect(await blobTable(db).get(hash)).toEqual({ hash, bytes, type: 'image/png' });
    expect(await withAccess(db, 'r', canonicalState)).toBe(await canonicalState(county.store));
    // Nothing pulled is sent back.
    expect((await local.unsent((await local.readState('h')).sent)).length).toBe(0);
    db.close();
  });

  it('finds exactly the changes a sent vector does not cover, like the memory client, in clock order', async () => {
    await fc.assert(
      fc.asyncProperty(arbChangeSet, fc.array(fc.nat(), { maxLength: 4 }), async (changes, picks) => {
        const memory = memoryAccess({ tables: APP_TABLES, now: () => T0 });
        await memory.applyChanges(changes, { now: T0 });
        const db = freshDb();
        await db.open();
        await withAccess(db, 'rw', async (access) => applyImport(await planImport(changes, access, { now: T0 }), access));
        // A sent vector made of stamps that exist, so it cuts each device's log somewhere.
        const sent: Record<string, string> = {};
        for (const pick of picks) {
          const c = changes[pick % Math.max(1, changes.length)];
          if (c) sent[c.device] = c.hlc;
        }
        const fromDexie = await dexieHubLocal(db, { device: A, scope: 'LT' }).unsent(sent);
        const fromMemory = await memoryHubLocal(memory, { device: A, scope: 'LT' }).unsent(sent);
        expect(fromDexie.map((c) => c.id)).toEqual(fromMemory.map((c) => c.id));
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});
