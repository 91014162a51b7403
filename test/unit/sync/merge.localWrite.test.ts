import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import { writeLocally } from '../../../shared/sync/localWrite';
import { DEVICES, T0, wholeOrg } from './mergeFixtures';
import { testStore } from './testTables';

const writer = { device: DEVICES[0], author: 'a' };

describe('local writes', () => {
  it('take the base of each field from the row as the writer sees it, including earlier writes of the same batch', async () => {
    const store = testStore();
    const { changes } = await writeLocally(
      store,
      [
        { table: 'org', row: 'o1', fields: wholeOrg(), scope: 'LT' },
        { table: 'org', row: 'o1', fields: { archived: true, secretaryName: '李明' }, scope: 'LT' },
      ],
      writer,
      T0,
    );
    expect(changes[1]!.base).toEqual({ archived: changes[0]!.hlc, secretaryName: '' });
    expect(store.conflicts()).toEqual([]);
    expect(await store.getClock()).toEqual({ wall: T0, counter: 1 });
  });

  it('refuses a batch with a value of the wrong kind as a whole, and writes nothing', async () => {
    const store = testStore();
    const before = await canonicalState(store);
    await expect(
      writeLocally(
        store,
        [
          { table: 'org', row: 'o1', fields: wholeOrg(), scope: 'LT' },
          { table: 'org', row: 'o2', fields: { ...wholeOrg(), code: 'not a code' }, scope: 'LT' },
        ],
        writer,
        T0,
      ),
    ).rejects.toMatchObject({ reason: 'import-refused' });
    expect(await canonicalState(store)).toBe(before);
  });

  it('lets the caller refuse the batch in its own terms before anything is written', async () => {
    const store = testStore();
    const before = await canonicalState(store);
    const refuse = () => {
      throw new Error('incomplete row');
    };
    await expect(writeLocally(store, [{ table: 'org', row: 'o1', fields: { archived: true }, scope: 'LT' }], writer, T0, { beforeApply: refuse })).rejects.toThrow(
      'incomplete row',
    );
    expect(await canonicalState(store)).toBe(before);
    expect(await store.getClock()).toEqual({ wall: 0, counter: 0 });
  });
});
