import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { conflictId, resolutionWrite } from '../../../shared/sync/conflict';
import { resolveConflict, writeLocally } from '../../../shared/sync/localWrite';
import { change, DAY, DEVICES, T0 } from './mergeFixtures';
import { testStore } from './testTables';

const [A, B, C] = DEVICES;
const now = T0 + 60_000;

/** A row both townships start from: secretary 阿依古丽, written by A at T0. */
const start = change({ wall: T0, device: A, fields: { secretaryName: '阿依古丽' } });
/** Two edits of the same field made without seeing each other; B's stamp is greater. */
const fromA = change({ wall: T0 + 10, device: A, fields: { secretaryName: 'Ahmat' }, base: { secretaryName: start.hlc } });
const fromB = change({ wall: T0 + 20, device: B, fields: { secretaryName: '李明' }, base: { secretaryName: start.hlc } });

describe('conflicts', () => {
  it('keeps the value a change overwrote without having seen it', async () => {
    const store = testStore();
    await store.applyChanges([start, fromA], { now });
    const plan = await store.applyChanges([fromB], { now });
    expect(plan.conflicts).toEqual([
      {
        id: conflictId('org', 'o1', 'secretaryName', fromA.hlc, fromB.hlc),
        table: 'org',
        row: 'o1',
        field: 'secretaryName',
        scope: 'LT',
        kept: { value: '李明', hlc: fromB.hlc },
        overwritten: { value: 'Ahmat', hlc: fromA.hlc },
        detectedAt: now,
      },
    ]);
    expect(store.conflicts()).toEqual(plan.conflicts);
  });

  it('keeps it too when the overwritten change arrives after the one that beats it', async () => {
    const store = testStore();
    await store.applyChanges([start, fromB], { now });
    const plan = await store.applyChanges([fromA], { now });
    expect(plan.conflicts.map((c) => [c.kept.value, c.overwritten.value])).toEqual([['李明', 'Ahmat']]);
    expect(plan.perTable.org).toEqual({ new: 0, updated: 0, unchanged: 1 });
  });

  it('detects the same conflict whatever the order, on every device that receives both', async () => {
    for (const order of [[start, fromA, fromB], [fromB, start, fromA], [fromA, fromB, start]]) {
      const store = testStore();
      for (const c of order) await store.applyChanges([c], { now });
      expect(store.conflicts().map((c) => c.overwritten.hlc)).toContain(fromA.hlc);
    }
  });

  it('an edit made after seeing the value it replaces is no conflict', async () => {
    const store = testStore();
    const seen = change({ wall: T0 + 20, device: B, fields: { secretaryName: '李明' }, base: { secretaryName: fromA.hlc } });
    await store.applyChanges([start, fromA, seen], { now });
    expect(store.conflicts()).toEqual([]);
  });

  it('a change that loses to a value written by someone who had seen it is no conflict', async () => {
    const store = testStore();
    const seen = change({ wall: T0 + 20, device: B, fields: { secretaryName: '李明' }, base: { secretaryName: fromA.hlc } });
    await store.applyChanges([seen], { now });
    const plan = await store.applyChanges([fromA], { now });
    expect(plan.conflicts).toEqual([]);
  });

  it('known limit: a change that arrives without what its author had seen may look like a conflict', async () => {
    // B saw A's edit (which replaced the start value on purpose) and edited again. A device that
    // gets B's edit before A's cannot tell that A's author had seen the start value. Exports cut
    // by version vectors never deliver B's edit without A's, so this takes a hand-made file.
    const store = testStore();
    const seen = change({ wall: T0 + 20, device: B, fields: { secretaryName: '李明' }, base: { secretaryName: fromA.hlc } });
    await store.applyChanges([start], { now });
    await store.applyChanges([seen], { now });
    expect(store.conflicts().map((c) => c.overwritten.hlc)).toEqual([start.hlc]);
    // With both in one file, stamp order puts A's edit first and nothing is reported.
    const inOrder = testStore();
    await inOrder.applyChanges([start], { now });
    await inOrder.applyChanges([seen, fromA], { now });
    expect(inOrder.conflicts()).toEqual([]);
  });

  it('writing the same value twice is no conflict, however the value’s keys are ordered', async () => {
    const store = testStore();
    const x = change({ wall: T0 + 10, device: A, fields: { name: { zh: '团县委', ug: 'ناھىيە' } } });
    const y = change({ wall: T0 + 20, device: B, fields: { name: { ug: 'ناھىيە', zh: '团县委' } } });
    await store.applyChanges([x, y], { now });
    expect(store.conflicts()).toEqual([]);
  });

  it('a delete and an edit of another field of the row do not conflict: both are kept', async () => {
    const store = testStore();
    const deleted = change({ wall: T0 + 10, device: A, fields: { _deleted: true } });
    const edited = change({ wall: T0 + 20, device: B, fields: { secretaryName: '李明' }, base: { secretaryName: start.hlc } });
    await store.applyChanges([start, deleted, edited], { now });
    expect(store.conflicts()).toEqual([]);
    expect((await store.getRows('org', ['o1']))[0]).toMatchObject({ _deleted: true, secretaryName: '李明' });
  });

  it('a conflict detected twice is stored once', async () => {
    const store = testStore();
    await store.applyChanges([start, fromA, fromB], { now });
    await store.applyChanges([start, fromA, fromB], { now: now + 1 });
    expect(store.conflicts()).toHaveLength(1);
  });

  it('settling a conflict makes the chosen value win on every device after the next exchange', async () => {
    const devices = [A, B, C].map((device) => ({ device, store: testStore() }));
    await devices[0]!.store.applyChanges([start, fromA], { now });
    await devices[1]!.store.applyChanges([start, fromB], { now });
    // C has a clock two days ahead and edits the same field: its value wins everywhere.
    const ahead = change({ wall: T0 + 2 * DAY, device: C, fields: { secretaryName: 'Tursun' }, base: { secretaryName: start.hlc } });
    await devices[2]!.store.applyChanges([start, ahead], { now });
    const exchange = async () => {
      const all = (await Promise.all(devices.map((d) => d.store.allChanges()))).flat();
      for (const d of devices) await d.store.applyChanges(all, { now });
    };
    await exchange();
    const conflict = devices[0]!.store.conflicts().find((c) => c.overwritten.value === 'Ahmat')!;
    expect(conflict).toBeDefined();
    const resolution = await resolveConflict(devices[0]!.store, conflict, conflict.overwritten.value, { device: A, author: 'a' }, now);
    expect(resolution.base).toEqual({ secretaryName: ahead.hlc });
    await exchange();
    for (const d of devices) expect((await d.store.getRows('org', ['o1']))[0]!.secretaryName).toBe('Ahmat');
    const states = await Promise.all(devices.map((d) => canonicalState(d.store)));
    expect(new Set(states).size).toBe(1);
    // The resolution was made on purpose with the current value as its base: no new conflict.
    for (const d of devices) expect(d.store.conflicts().filter((c) => c.overwritten.hlc === ahead.hlc)).toEqual([]);
  });

  it('the resolution write sets only the conflicting field, in the row’s scope', () => {
    const conflict = {
      id: 'x',
      table: 'statReport' as const,
      row: 's1',
      field: 'members',
      scope: 'LT-03',
      kept: { value: 3, hlc: fromB.hlc },
      overwritten: { value: 4, hlc: fromA.hlc },
      detectedAt: now,
    };
    expect(resolutionWrite(conflict, 7)).toEqual({ table: 'statReport', row: 's1', fields: { members: 7 }, scope: 'LT-03' });
  });

  it('a local edit made while a future-stamped value holds the field loses at once, and is kept as a conflict', async () => {
    const store = testStore();
    const ahead = change({ wall: now + 3 * DAY, device: C, fields: { secretaryName: 'Tursun' } });
    await store.applyChanges([start, ahead], { now });
    const { changes, plan } = await writeLocally(store, [{ table: 'org', row: 'o1', fields: { secretaryName: '李明' }, scope: 'LT' }], { device: A, author: 'a' }, now);
    expect(changes[0]!.base).toEqual({ secretaryName: ahead.hlc });
    expect((await store.getRows('org', ['o1']))[0]!.secretaryName).toBe('Tursun');
    expect(plan.conflicts.map((c) => [c.kept.value, c.overwritten.value])).toEqual([['Tursun', '李明']]);
  });
});
