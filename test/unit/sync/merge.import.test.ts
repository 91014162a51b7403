import { describe, expect, it } from 'vitest';
import type { SyncAccess } from '../../../shared/sync/access';
import { canonicalState } from '../../../shared/sync/canonical';
import { SyncError } from '../../../shared/sync/errors';
import { applyImport, planImport } from '../../../shared/sync/import';
import { writeLocally } from '../../../shared/sync/localWrite';
import { change, DEVICES, T0, wholeOrg } from './mergeFixtures';
import { testStore } from './testTables';

const [A, B] = DEVICES;
const now = T0 + 60_000;

const file = [
  change({ wall: T0, device: A, row: 'o1', fields: wholeOrg('LT') }),
  change({ wall: T0 + 1, device: A, row: 'o2', fields: wholeOrg('LT-03'), scope: 'LT-03' }),
  change({ wall: T0 + 2, device: A, table: 'statReport', row: 's1', fields: { members: 12 }, scope: 'LT-03' }),
];

describe('planning and applying an import', () => {
  it('previews what it would do without writing anything', async () => {
    const store = testStore();
    const before = await canonicalState(store);
    const plan = await planImport(file, store, { now });
    expect(plan).toMatchObject({
      received: 3,
      alreadyApplied: 0,
      refused: false,
      parked: 0,
      perTable: { org: { new: 2, updated: 0, unchanged: 0 }, statReport: { new: 1, updated: 0, unchanged: 0 } },
    });
    expect(await canonicalState(store)).toBe(before);
    await applyImport(plan, store);
    expect((await store.getRows('org', ['o1', 'o2'])).map((r) => r?.code)).toEqual(['LT', 'LT-03']);
  });

  it('counts rows as new, updated, or unchanged when every change to them lost', async () => {
    const store = testStore();
    await store.applyChanges(file, { now });
    const plan = await planImport(
      [
        change({ wall: T0 + 10, device: B, row: 'o1', fields: { archived: true } }),
        change({ wall: T0 - 10, device: B, row: 'o2', fields: { archived: true } }),
        change({ wall: T0 + 11, device: B, row: 'o3', fields: { archived: true } }),
      ],
      store,
      { now },
    );
    expect(plan.perTable).toEqual({ org: { new: 1, updated: 1, unchanged: 1 } });
  });

  it('importing a file already applied changes nothing, and the preview says so', async () => {
    const store = testStore();
    await store.applyChanges(file, { now });
    const after = await canonicalState(store);
    const again = await store.applyChanges(file, { now: now + 1000 });
    expect(again).toMatchObject({ alreadyApplied: 3, perTable: {}, conflicts: [], parked: 0, changesToAdd: [], rowsToPut: [] });
    expect(await canonicalState(store)).toBe(after);
  });

  it('counts a change repeated within the file once', async () => {
    const store = testStore();
    const plan = await store.applyChanges([...file, file[0], structuredClone(file[1])], { now });
    expect(plan.duplicatesInFile).toBe(2);
    expect(plan.changesToAdd).toHaveLength(3);
  });

  it('refuses the whole import when a known id comes back with different content', async () => {
    const store = testStore();
    await store.applyChanges(file, { now });
    const before = await canonicalState(store);
    const forged = { ...file[0]!, fields: { ...file[0]!.fields, code: 'KC' } };
    const fresh = change({ wall: T0 + 20, device: B, row: 'o9', fields: wholeOrg('LT-09') });
    const plan = await planImport([fresh, forged], store, { now });
    expect(plan.refused).toBe(true);
    expect(plan.sameIdDifferentContent).toEqual([forged.id]);
    await expect(applyImport(plan, store)).rejects.toThrow(SyncError);
    await expect(applyImport(plan, store)).rejects.toMatchObject({ reason: 'import-refused' });
    expect(await canonicalState(store)).toBe(before);
  });

  it('refuses a file that holds one id twice with different content', async () => {
    const twice = { ...file[0]!, fields: { archived: true }, base: { archived: '' } };
    const plan = await planImport([file[0], twice], testStore(), { now });
    expect(plan).toMatchObject({ refused: true, sameIdDifferentContent: [file[0]!.id] });
  });

  it('refuses a file with an invalid record, and says which and why', async () => {
    const store = testStore();
    const records = [
      file[0],
      { ...file[1], hlc: 'yesterday' },
      change({ wall: T0 + 3, device: A, table: 'statReport', row: 's1', fields: { members: -4 } }),
      { ...change({ wall: T0 + 4, device: A, fields: { archived: true } }), device: B },
      change({ wall: T0 + 5, device: A, fields: { id: 'o2' } }),
      'not a change',
    ];
    const plan = await planImport(records, store, { now });
    expect(plan.refused).toBe(true);
    expect(plan.invalid.map((i) => i.index)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.invalid[0]!.problems.join()).toMatch(/^hlc/);
    expect(plan.invalid[1]!.problems.join()).toMatch(/^members/);
    expect(plan.invalid[2]!.problems).toEqual(['hlc: not stamped by device']);
    expect(plan.invalid[3]!.problems).toEqual(['id: reserved, cannot be written']);
    await expect(applyImport(plan, store)).rejects.toMatchObject({ reason: 'import-refused' });
  });

  it('counts changes the sender wrote outside its scope, but not changes it relays from others', async () => {
    const records = [
      change({ wall: T0, device: A, author: 'township-03', row: 'o2', fields: { archived: true }, scope: 'LT-03' }),
      change({ wall: T0 + 1, device: A, author: 'township-03', row: 'o4', fields: { archived: true }, scope: 'LT-04' }),
      change({ wall: T0 + 2, device: A, author: 'township-03', row: 'o1', fields: { archived: true }, scope: 'LT' }),
      change({ wall: T0 + 3, device: B, author: 'county', row: 'o4', fields: { archived: false }, scope: 'LT-04' }),
    ];
    const plan = await planImport(records, testStore(), { now, senderScope: 'LT-03', senderAuthor: 'township-03' });
    expect(plan.outsideScope).toBe(2);
    expect(plan.refused).toBe(false);
  });

  it('refuses to apply a plan made before something else was written', async () => {
    const store = testStore();
    const plan = await planImport(file, store, { now });
    await writeLocally(store, [{ table: 'org', row: 'o7', fields: wholeOrg('LT-07'), scope: 'LT-07' }], { device: B, author: 'b' }, now);
    await expect(applyImport(plan, store)).rejects.toMatchObject({ reason: 'plan-stale' });
  });
});

/** Counts calls to each access method, to hold the merge to batch access. */
function counting(inner: SyncAccess): { access: SyncAccess; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const access = new Proxy(inner, {
    get(target, name: string) {
      const member = (target as unknown as Record<string, unknown>)[name];
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (member as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { access, calls };
}

describe('importing a large file', () => {
  it('makes a fixed number of batched calls for 100,000 changes, not one per change', async () => {
    const changes = [];
    for (let i = 0; i < 100_000; i += 1) {
      const row = `r${i % 20_000}`;
      const device = DEVICES[i % 3]!;
      changes.push(
        i < 20_000
          ? change({ wall: T0 + i, device, table: 'statReport', row, fields: { roundId: 'q1', orgId: `o${i}`, period: '2026Q1', status: 'draft', members: i % 50 } })
          : change({ wall: T0 + i, device, table: 'statReport', row, fields: { members: i % 97 }, base: { members: '' } }),
      );
    }
    const store = testStore();
    const { access, calls } = counting(store);
    const started = performance.now();
    const plan = await planImport(changes, access, { now: T0 + 200_000 });
    await applyImport(plan, access);
    const seconds = (performance.now() - started) / 1000;
    expect(plan.perTable.statReport).toEqual({ new: 20_000, updated: 0, unchanged: 0 });
    expect(plan.conflicts.length).toBeGreaterThan(0);
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(12);
    console.info(`100,000 changes planned and applied in memory in ${seconds.toFixed(2)} s with ${total} access calls`);
  }, 60_000);
});
