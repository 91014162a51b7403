import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockAfterImport, FUTURE_STAMP_TOLERANCE_MS, isFutureStamped } from '../../../shared/sync/clockDrift';
import { INITIAL_CLOCK, parseStamp, receive, type ClockState } from '../../../shared/sync/hlc';
import { writeLocally } from '../../../shared/sync/localWrite';
import { change, DAY, DEVICES, HOUR, stamp, T0, wholeOrg } from './mergeFixtures';
import { testStore } from './testTables';

const [A, B, C] = DEVICES;
const now = T0;

describe('the clock across imports', () => {
  it('receives imported stamps, so an edit made after an import wins over what was imported', async () => {
    const store = testStore();
    // B's clock is an hour ahead of ours: still honest enough to follow.
    const imported = change({ wall: now + HOUR, device: B, fields: wholeOrg() });
    await store.applyChanges([imported], { now });
    const { changes } = await writeLocally(store, [{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }], { device: A, author: 'a' }, now);
    expect(changes[0]!.hlc > imported.hlc).toBe(true);
    expect((await store.getRows('org', ['o1']))[0]!.archived).toBe(true);
  });

  it('does not follow a stamp more than 24 hours ahead, so one wrong PC does not drag the others into the future', async () => {
    const store = testStore();
    const wrongPc = change({ wall: now + 400 * DAY, device: C, author: 'township-07', fields: wholeOrg() });
    const plan = await store.applyChanges([wrongPc], { now });
    expect(plan.futureStamped).toEqual([{ device: C, author: 'township-07', count: 1, latestStamp: wrongPc.hlc }]);
    const { changes } = await writeLocally(store, [{ table: 'org', row: 'o2', fields: wholeOrg('LT-02'), scope: 'LT-02' }], { device: A, author: 'a' }, now);
    expect(parseStamp(changes[0]!.hlc).wall).toBe(now);
    // The future-stamped value is applied all the same: it keeps winning until that PC is fixed.
    expect((await store.getRows('org', ['o1']))[0]!.code).toBe('LT');
  });

  it('never refuses a local write, whatever clock the imports came with', async () => {
    const store = testStore();
    await store.applyChanges([change({ wall: now + 9000 * DAY, device: C, fields: wholeOrg() })], { now });
    await store.applyChanges([change({ wall: now - 9000 * DAY, device: B, fields: { archived: true } })], { now });
    const writer = { device: A, author: 'a' };
    const first = await writeLocally(store, [{ table: 'org', row: 'o1', fields: { archived: false }, scope: 'LT' }], writer, now);
    const second = await writeLocally(store, [{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }], writer, now - DAY);
    expect(second.changes[0]!.hlc > first.changes[0]!.hlc).toBe(true);
  });

  it('reports future-stamped changes per PC, with their count and latest stamp', async () => {
    const records = [
      change({ wall: now + 2 * DAY, device: C, author: 'x', row: 'o1', fields: { archived: true } }),
      change({ wall: now + 3 * DAY, device: C, author: 'x', row: 'o2', fields: { archived: true } }),
      change({ wall: now + 23 * HOUR, device: B, author: 'y', row: 'o3', fields: { archived: true } }),
    ];
    const plan = await testStore().applyChanges(records, { now });
    expect(plan.futureStamped).toEqual([{ device: C, author: 'x', count: 2, latestStamp: records[1]!.hlc }]);
  });

  it('clockAfterImport receives exactly the stamps within 24 hours of now', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3 * DAY, max: 3 * DAY })), fc.integer({ min: -DAY, max: DAY }), (offsets, start) => {
        const clock: ClockState = { wall: now + start, counter: 0 };
        const stamps = offsets.map((o, i) => ({ hlc: stamp(now + o, DEVICES[i % 5]) }));
        let expected = clock;
        for (const s of stamps) if (parseStamp(s.hlc).wall <= now + FUTURE_STAMP_TOLERANCE_MS) expected = receive(expected, s.hlc);
        expect(clockAfterImport(clock, stamps, now)).toEqual(expected);
      }),
    );
    expect(isFutureStamped(stamp(now + DAY), now)).toBe(false);
    expect(isFutureStamped(stamp(now + DAY + 1), now)).toBe(true);
    expect(clockAfterImport(INITIAL_CLOCK, [], now)).toBe(INITIAL_CLOCK);
  });
});
