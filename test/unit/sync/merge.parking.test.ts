import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import type { Change } from '../../../shared/sync/change';
import { unpark } from '../../../shared/sync/import';
import { knownSchema, parkingReason, type KnownSchema } from '../../../shared/sync/parking';
import { arbChangeSet, change, DEVICES, splitAt, T0, wholeOrg } from './mergeFixtures';
import { TEST_TABLES, testStore } from './testTables';

const [A, B] = DEVICES;
const now = T0 + 60_000;

/** This build plus one version: what an upgraded app knows. */
const UPGRADED: KnownSchema = { version: 2, fields: knownSchema(TEST_TABLES).fields };

/** An older build: no statReport table, and orgs without secretaryName. */
const OLDER: KnownSchema = {
  version: 1,
  fields: { org: new Set([...knownSchema(TEST_TABLES).fields.org!].filter((f) => f !== 'secretaryName')), round: knownSchema(TEST_TABLES).fields.round },
};

describe('parking changes this build cannot apply', () => {
  it('parks a change of a newer schema version: logged, counted in the vector, not applied', async () => {
    const store = testStore();
    const newer = change({ wall: T0, device: B, fields: { ...wholeOrg(), archived: true }, schema: 2 });
    const plan = await store.applyChanges([newer], { now });
    expect(plan).toMatchObject({ parked: 1, perTable: {}, refused: false });
    expect(await store.getRows('org', ['o1'])).toEqual([undefined]);
    expect((await store.getParked()).map((c) => c.id)).toEqual([newer.id]);
    expect((await store.allChanges()).map((c) => c.id)).toEqual([newer.id]);
    expect(await store.getVector()).toEqual({ [B]: newer.hlc });
    expect((await store.applyChanges([newer], { now })).alreadyApplied).toBe(1);
  });

  it('parks a change naming an unknown table or field, whole', () => {
    const known = change({ fields: { archived: true } });
    expect(parkingReason(known, knownSchema(TEST_TABLES))).toBeUndefined();
    expect(parkingReason(change({ table: 'poll', fields: { title: 'x' } }), knownSchema(TEST_TABLES))).toBe('unknown-table');
    expect(parkingReason(change({ fields: { archived: true, motto: 'x' } }), knownSchema(TEST_TABLES))).toBe('unknown-field');
    expect(parkingReason(change({ fields: { archived: true }, schema: 2 }), knownSchema(TEST_TABLES))).toBe('newer-schema');
    expect(parkingReason(change({ table: 'toString', fields: { archived: true } }), knownSchema(TEST_TABLES))).toBe('unknown-table');
  });

  it('after an upgrade, unparking gives exactly the state of importing with the new version directly', async () => {
    const changes = [
      change({ wall: T0, device: A, fields: wholeOrg() }),
      change({ wall: T0 + 1, device: B, fields: { secretaryName: '李明', archived: true } }),
      change({ wall: T0 + 2, device: A, fields: { archived: false } }),
      change({ wall: T0 + 3, device: B, table: 'statReport', row: 's1', fields: { members: 3 }, schema: 2 }),
    ];
    const direct = testStore();
    await direct.applyChanges(changes, { now, known: UPGRADED });

    const older = testStore();
    const plan = await older.applyChanges(changes, { now, known: OLDER });
    expect(plan.parked).toBe(2);
    expect((await older.getRows('org', ['o1']))[0]!.archived).toBe(false);
    const outcome = await unpark(older, { now, known: UPGRADED });
    expect(outcome).toMatchObject({ applied: 2, stillParked: 0 });
    expect(await canonicalState(older)).toBe(await canonicalState(direct));
  });

  it('unparking leaves parked what is still unknown', async () => {
    const store = testStore();
    await store.applyChanges([change({ wall: T0, fields: { archived: true, motto: 'x' } }), change({ wall: T0 + 1, fields: { archived: true }, schema: 3 })], { now });
    expect(await unpark(store, { now, known: UPGRADED })).toMatchObject({ applied: 0, stillParked: 2 });
  });

  it('whatever was parked and whenever it was unparked, the state equals a direct import', async () => {
    const arbWithNewer = arbChangeSet.chain((changes) =>
      fc.tuple(fc.constant(changes), fc.array(fc.boolean(), { minLength: changes.length, maxLength: changes.length })).map(([cs, newer]) =>
        cs.map((c, i): Change => (newer[i] ? { ...c, schema: 2 } : c)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(arbWithNewer, fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), async (changes, cuts, upgradeAfter) => {
        const direct = testStore();
        await direct.applyChanges(changes, { now, known: UPGRADED });
        const store = testStore();
        const batches = splitAt(changes, cuts);
        const upgradeAt = upgradeAfter % (batches.length + 1);
        for (const [i, batch] of batches.entries()) {
          const known = i < upgradeAt ? OLDER : UPGRADED;
          if (i === upgradeAt) await unpark(store, { now, known });
          await store.applyChanges(batch, { now, known });
        }
        await unpark(store, { now, known: UPGRADED });
        expect(await store.getParked()).toEqual([]);
        expect(await canonicalState(store)).toBe(await canonicalState(direct));
      }),
      { numRuns: 80 },
    );
  });
});
