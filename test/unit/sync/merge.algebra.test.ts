import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import type { Change } from '../../../shared/sync/change';
import { applyChangeToRow, type MergedRow } from '../../../shared/sync/row';
import { arbChangeSet, splitAt, T0 } from './mergeFixtures';
import { testStore } from './testTables';

const now = T0 + 60_000;

async function importInBatches(batches: Change[][]): Promise<string> {
  const store = testStore();
  for (const batch of batches) await store.applyChanges(batch, { now });
  return canonicalState(store);
}

/** A change set, the same changes shuffled with some repeated, and cut points for batches. */
const arbDelivery = arbChangeSet.chain((changes) =>
  fc.record({
    changes: fc.constant(changes),
    shuffled: fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }),
    repeated: fc.subarray(changes),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  }),
);

describe('applying changes to a store', () => {
  it('gives byte-identical state whatever the order, repetition and batching of the changes', async () => {
    await fc.assert(
      fc.asyncProperty(arbDelivery, async ({ changes, shuffled, repeated, cuts }) => {
        const reference = await importInBatches([changes]);
        const delivered = [...shuffled, ...repeated].map((c, i) => (i % 2 === 0 ? structuredClone(c) : c));
        expect(await importInBatches(splitAt(delivered, cuts))).toBe(reference);
        expect(await importInBatches(delivered.map((c) => [c]))).toBe(reference);
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent: applying everything a second time changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(arbChangeSet, async (changes) => {
        const store = testStore();
        await store.applyChanges(changes, { now });
        const once = await canonicalState(store);
        const again = await store.applyChanges(changes, { now });
        expect(again.alreadyApplied).toBe(changes.length);
        expect(await canonicalState(store)).toBe(once);
      }),
    );
  });

  it('is associative: merging two stores’ imports equals importing the union', async () => {
    await fc.assert(
      fc.asyncProperty(arbChangeSet, fc.array(fc.boolean()), async (changes, sides) => {
        const left = changes.filter((_, i) => sides[i % Math.max(sides.length, 1)] ?? true);
        const right = changes.filter((c) => !left.includes(c));
        const x = testStore();
        await x.applyChanges(left, { now });
        const y = testStore();
        await y.applyChanges(right, { now });
        await y.applyChanges(await x.allChanges(), { now });
        expect(await canonicalState(y)).toBe(await importInBatches([changes]));
      }),
    );
  });

  it('holds, in every field, the value of the greatest stamp that wrote it', async () => {
    await fc.assert(
      fc.asyncProperty(arbChangeSet, async (changes) => {
        const store = testStore();
        await store.applyChanges(changes, { now });
        const expected = new Map<string, MergedRow>();
        for (const c of [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
          const key = `${c.table}/${c.row}`;
          expected.set(key, applyChangeToRow(expected.get(key), c).row);
        }
        for (const [key, row] of expected) {
          const [table, id] = key.split('/') as ['org' | 'statReport', string];
          expect((await store.getRows(table, [id]))[0]).toEqual(row);
        }
      }),
    );
  });
});
