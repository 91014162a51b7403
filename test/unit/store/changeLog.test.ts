import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/sync/change';
import { includes, vectorOf, type VersionVector } from '../../../shared/sync/vector';
import {
  allChanges,
  appendChanges,
  changeCount,
  changesByIds,
  changesOfRow,
  unsentChanges,
} from '../../../renderer/src/store/changeLog';
import { readChangeLog } from '../../../renderer/src/store/dexieAccess';
import { toPages } from '../../../renderer/src/store/logPages';
import type { LeagueDeskDb } from '../../../renderer/src/store/db';
import { change, DEVICES, splitAt, T0 } from '../sync/mergeFixtures';
import { freshDb, readAll } from './fakeDb';
import { inTransaction } from '../../../renderer/src/store/tx';

const byId = (a: Change, b: Change) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `count` distinct changes from the five test devices, over a few rows of two tables. */
function manyChanges(count: number, seed = 0): Change[] {
  return Array.from({ length: count }, (_, i) =>
    change({ device: DEVICES[(i + seed) % DEVICES.length]!, wall: T0 + i * 7 + seed, table: i % 3 === 0 ? 'round' : 'org', row: `r${i % 11}`, fields: { archived: i % 2 === 0 } }),
  );
}

async function append(db: LeagueDeskDb, changes: readonly Change[]) {
  await inTransaction(db, 'rw', ['log', 'meta'], (tx) => appendChanges(tx, changes));
}

async function opened(): Promise<LeagueDeskDb> {
  const db = freshDb();
  await db.open();
  return db;
}

describe('the change log in pages', () => {
  it('cuts a big batch into pages of at most 2,000, each in clock order, naming its ids and rows', () => {
    const changes = manyChanges(4500).reverse();
    const pages = toPages(changes);
    expect(pages.map((p) => p.changes.length)).toEqual([2000, 2000, 500]);
    const flat = pages.flatMap((p) => p.changes);
    expect(flat).toEqual([...changes].sort(byId));
    for (const page of pages) {
      expect(page.ids).toEqual(page.changes.map((c) => c.id));
      expect(new Set(page.rows)).toEqual(new Set(page.changes.map((c) => `${c.table}:${c.row}`)));
      expect(page.rows.length).toBe(new Set(page.rows).size);
    }
    // The caller's array is not reordered.
    expect(changes[0]!.id > changes[1]!.id).toBe(true);
  });

  it('holds what was appended in any batches: all of it in clock order, counted, found by id and by row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 700 }), fc.array(fc.nat(700), { maxLength: 6 }), async (count, cuts) => {
        const db = await opened();
        try {
          const changes = manyChanges(count);
          // Batches in any order (files arrive in any order), each a slice of the whole.
          const batches = splitAt(changes, cuts).reverse();
          for (const batch of batches) await append(db, batch);
          expect(await readAll(db, allChanges)).toEqual([...changes].sort(byId));
          expect(await readAll(db, changeCount)).toBe(count);
          // A few ids (one request per id) and many (the range they span).
          const few = changes.filter((_, i) => i % 97 === 0).map((c) => c.id);
          const found = await readAll(db, (tx) => changesByIds(tx, [...few, 'not-held']));
          expect([...found.keys()].sort()).toEqual([...few].sort());
          const every = await readAll(db, (tx) => changesByIds(tx, changes.map((c) => c.id)));
          expect(every.size).toBe(count);
          for (const c of changes) expect(every.get(c.id)).toEqual(c);
          const history = await readAll(db, (tx) => changesOfRow(tx, {}, 'org', 'r1'));
          expect(history).toEqual(changes.filter((c) => c.table === 'org' && c.row === 'r1').sort(byId));
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('finds exactly the changes a sent vector does not cover, reading none of the devices the hub holds everything of', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 300 }), fc.array(fc.option(fc.integer({ min: -1, max: 2100 }), { nil: undefined }), { minLength: 5, maxLength: 5 }), async (count, marks) => {
        const db = await opened();
        try {
          const changes = manyChanges(count, 3);
          await append(db, changes.slice(0, Math.floor(count / 2)));
          await append(db, changes.slice(Math.floor(count / 2)));
          // Per device: no mark, or a mark at some point of its timeline (before all, within, after all).
          const sent: Record<string, string> = {};
          DEVICES.forEach((device, i) => {
            const mark = marks[i];
            if (mark !== undefined) sent[device] = change({ device, wall: T0 + mark, fields: {} }).hlc;
          });
          const vector: VersionVector = vectorOf(changes);
          const unsent = await readAll(db, (tx) => unsentChanges(tx, sent, vector));
          expect(unsent).toEqual(changes.filter((c) => !includes(sent, c)).sort(byId));
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('exports the log in clock order with the vector read in the same transaction', async () => {
    const db = await opened();
    const changes = manyChanges(5200);
    await append(db, changes.slice(2600));
    await append(db, changes.slice(0, 2600));
    await db.vector.bulkPut(Object.entries(vectorOf(changes)).map(([device, hlc]) => ({ device, hlc })));
    const log = readChangeLog(db);
    const read: Change[] = [];
    for await (const batch of log.batches) read.push(...batch);
    expect(read).toEqual([...changes].sort(byId));
    expect(await log.vector).toEqual(vectorOf(changes));
    db.close();
  });
});
