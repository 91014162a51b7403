import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { applyImport, planImport } from '../../../shared/sync/import';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { arbChangeSet, splitAt, T0 } from '../sync/mergeFixtures';
import { freshDb, withAccess } from './fakeDb';
import { APP_TABLES } from '../../../shared/app/registry';

describe('the Dexie layer and the pure core', () => {
  it('reach byte-identical state, conflicts included, from the same change stream in the same batches', async () => {
    await fc.assert(
      fc.asyncProperty(arbChangeSet, fc.array(fc.nat(), { maxLength: 3 }), async (changes, cuts) => {
        const batches = splitAt(changes, cuts);
        const memory = memoryAccess({ tables: APP_TABLES, now: () => T0 });
        const db = freshDb();
        await db.open();
        for (const batch of batches) {
          await memory.applyChanges(batch, { now: T0 });
          await withAccess(db, 'rw', async (access) => {
            const plan = await planImport(batch, access, { now: T0 });
            await applyImport(plan, access);
          });
        }
        expect(await withAccess(db, 'r', canonicalState)).toBe(await canonicalState(memory));
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
    const [first, ...rest] = fc.sample(arbChangeSet.filter((cs) => cs.length > 3), { numRuns: 1, seed: 7 })[0]!;
    await withAccess(db, 'rw', async (access) => applyImport(await planImport([first], access, { now: T0 }), access));
    const before = await withAccess(db, 'r', canonicalState);
    await expect(
      withAccess(db, 'rw', async (access) => {
        const failing = { ...access, addChanges: async () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) };
        await applyImport(await planImport(rest, failing, { now: T0 }), failing);
      }),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await withAccess(db, 'r', canonicalState)).toBe(before);
  });
});
