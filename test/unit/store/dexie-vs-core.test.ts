import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { applyImport, planImport } from '../../../shared/sync/import';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { dexieAccess, syncStores } from '../../../renderer/src/store/dexieAccess';
import { arbChangeSet, splitAt, T0 } from '../sync/mergeFixtures';
import { freshDb } from './fakeDb';

describe('the Dexie layer and the pure core', () => {
  it('reach byte-identical state, conflicts included, from the same change stream in the same batches', async () => {
    await fc.assert(
      fc.asyncProperty(arbChangeSet, fc.array(fc.nat(), { maxLength: 3 }), async (changes, cuts) => {
        const batches = splitAt(changes, cuts);
        const memory = memoryAccess({ now: () => T0 });
        const db = freshDb();
        await db.open();
        const access = dexieAccess(db);
        for (const batch of batches) {
          await memory.applyChanges(batch, { now: T0 });
          await db.transaction('rw', syncStores(db), async () => {
            const plan = await planImport(batch, access, { now: T0 });
            await applyImport(plan, access);
          });
        }
        expect(await db.transaction('r', syncStores(db), () => canonicalState(access))).toBe(await canonicalState(memory));
        const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(sortById(await db.conflicts.toArray())).toEqual(sortById(memory.conflicts()));
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('leaves the database untouched when an import fails part-way (a full disk, say)', async () => {
    const db = freshDb();
    await db.open();
    const access = dexieAccess(db);
    const [first, ...rest] = fc.sample(arbChangeSet.filter((cs) => cs.length > 3), { numRuns: 1, seed: 7 })[0]!;
    await db.transaction('rw', syncStores(db), async () => applyImport(await planImport([first], access, { now: T0 }), access));
    const before = await db.transaction('r', syncStores(db), () => canonicalState(access));
    const failing = { ...access, addChanges: async () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) };
    await expect(
      db.transaction('rw', syncStores(db), async () => applyImport(await planImport(rest, failing, { now: T0 }), failing)),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.transaction('r', syncStores(db), () => canonicalState(access))).toBe(before);
  });
});
