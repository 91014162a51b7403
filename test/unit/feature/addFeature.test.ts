import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inSyncTransaction } from '../../../renderer/src/store/dexieAccess';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { openStore } from '../../../renderer/src/store/store';
import { APP_REGISTRY } from '../../../shared/app/registry';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import type { FeatureModule } from '../../../shared/feature/module';
import { composeRegistry } from '../../../shared/feature/registry';
import { decodeBundle, encodeBundle } from '../../../shared/sync/bundle';
import { canonicalState } from '../../../shared/sync/canonical';
import { formatStamp } from '../../../shared/sync/hlc';
import { applyImport, planImport } from '../../../shared/sync/import';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { vectorOf } from '../../../shared/sync/vector';
import { countyTable } from '../../../shared/trust/ruleParts';
import type { Change } from '../../../shared/sync/change';

/*
 * "Adding a feature" (docs/ARCHITECTURE.md), checked by the count: a new synced table is its
 * feature's declaration and one registration line. Nothing in the sync core, the bundles or the
 * store is touched, and the table flows through import, merge, conflicts, parking, export and
 * canonical state, in memory and in IndexedDB.
 */

/** The whole of a new feature's shared side, as a folder `shared/polls/` would declare it. */
const pollsFeature: FeatureModule = {
  name: 'polls',
  tables: [
    {
      name: 'poll',
      row: z.object({ id: z.string(), question: z.string().min(1), votes: z.number().int().nonnegative() }),
      indexes: { 10: 'id' },
      rule: countyTable,
    },
  ],
  demo: (_demo, county) => [{ table: 'poll', row: 'demo-poll', fields: { question: '青春轮台', votes: 0 }, scope: county.code }],
};

/** The registration line. */
const registry = composeRegistry([...APP_REGISTRY.features, pollsFeature]);

const A = '00000000000000a1';
const B = '00000000000000b2';
const T0 = Date.UTC(2026, 4, 1);

function pollChange(device: string, wall: number, fields: Record<string, unknown>, base: Record<string, string> = {}): Change {
  const hlc = formatStamp(wall, 0, device);
  return { id: hlc, hlc, device, author: `author-${device}`, table: 'poll', row: 'p1', fields, base: { ...Object.fromEntries(Object.keys(fields).map((f) => [f, ''])), ...base }, scope: 'LT', schema: 1 };
}

const created = pollChange(A, T0, { question: '团日活动', votes: 3 });
const byA = pollChange(A, T0 + 1000, { votes: 4 }, { votes: created.hlc });
const byB = pollChange(B, T0 + 2000, { votes: 9 }, { votes: created.hlc });

describe('a feature added by its declaration and one registration line', () => {
  it('its table is applied, merged and conflicts are kept, where the app without it parks its changes', async () => {
    const withPolls = memoryAccess({ tables: registry.tables });
    const plan = await withPolls.applyChanges([created, byA, byB], { now: T0 + 3000 });
    expect(plan).toMatchObject({ parked: 0, perTable: { poll: { new: 1, updated: 0, unchanged: 0 } } });
    expect(await withPolls.getRows('poll', ['p1'])).toMatchObject([{ question: '团日活动', votes: 9 }]);
    // B had not seen A's 4: the loss is surfaced, as for any table.
    expect(withPolls.conflicts()).toMatchObject([{ table: 'poll', row: 'p1', field: 'votes', overwritten: { value: 4 }, kept: { value: 9 } }]);

    const without = memoryAccess({ tables: APP_REGISTRY.tables });
    expect(await without.applyChanges([created, byA, byB], { now: T0 + 3000 })).toMatchObject({ parked: 3 });
    expect(await without.getRows('poll', ['p1'])).toEqual([undefined]);
  });

  it('its values are checked at the edge and its rows travel in bundles', async () => {
    const input = { county: { code: 'LT' }, sender: { device: A, account: 'a', scope: 'LT' }, kind: 'full' as const, changes: [created, byA], vector: vectorOf([created, byA]), created: new Date(T0).toISOString() };
    const bytes = await encodeBundle(input, { tables: registry.tables });
    const decoded = await decodeBundle(bytes, { tables: registry.tables });
    expect(decoded.ok && decoded.changes).toEqual([created, byA]);

    const negative = pollChange(A, T0, { question: '团日活动', votes: -1 });
    await expect(encodeBundle({ ...input, changes: [negative], vector: vectorOf([negative]) }, { tables: registry.tables })).rejects.toThrow(/votes/);
    // The app's registry cannot judge a table it does not know: it carries the change, to park it.
    expect((await decodeBundle(await encodeBundle({ ...input, changes: [negative], vector: vectorOf([negative]) }, { tables: APP_REGISTRY.tables }), { tables: APP_REGISTRY.tables })).ok).toBe(true);
  });

  it('its authorization rule reaches the trust core with the app tables\' rules', () => {
    expect(registry.rules.rule('poll')).toBe(countyTable);
    for (const table of APP_REGISTRY.tables.defs) expect(registry.rules.rule(table.name)).toBe(table.rule);
    expect(APP_REGISTRY.rules.rule('poll')).toBeUndefined();
  });

  it('its demo writes follow the app features', () => {
    const writes = registry.demoWrites(generateDemoCounty());
    expect(writes.slice(0, -1)).toEqual(APP_REGISTRY.demoWrites(generateDemoCounty()));
    expect(writes.at(-1)).toEqual({ table: 'poll', row: 'demo-poll', fields: { question: '青春轮台', votes: 0 }, scope: 'LT' });
  });

  it('the IndexedDB store keeps its table at its own schema version and holds what the pure core holds', async () => {
    const store = await openStore(new LeagueDeskDb(registry, 'add-a-feature', { indexedDB: new IDBFactory(), IDBKeyRange }));
    expect(store.db.verno).toBe(10);
    const memory = memoryAccess({ tables: registry.tables });
    for (const batch of [[created], [byB, byA]]) {
      await memory.applyChanges(batch, { now: T0 + 3000 });
      await inSyncTransaction(store.db, 'rw', async (access) => applyImport(await planImport(batch, access, { now: T0 + 3000 }), access));
    }
    expect(await inSyncTransaction(store.db, 'r', canonicalState)).toBe(await canonicalState(memory));
    // A local write of the new table goes through the repository like any other, checked by its row schema.
    await store.repo.write([{ table: 'poll', row: 'p2', fields: { question: '最美团支部', votes: 1 }, scope: 'LT' }]);
    expect(await store.db.table('poll').get('p2')).toMatchObject({ question: '最美团支部', votes: 1 });
    await expect(store.repo.write([{ table: 'poll', row: 'p3', fields: { votes: 1 }, scope: 'LT' }])).rejects.toMatchObject({ reason: 'row-invalid' });
    store.db.close();
  });
});
