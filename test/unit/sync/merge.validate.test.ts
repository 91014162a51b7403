import { describe, expect, it } from 'vitest';
import { rowIsComplete, validateChangeIdentity, validateChangeValues } from '../../../shared/sync/validate';
import { change, DEVICES, T0, wholeOrg } from './mergeFixtures';
import { ORG, TEST_TABLES, testStore } from './testTables';

const [A, B] = DEVICES;
const now = T0 + 60_000;

describe('checking changes at the edge', () => {
  it('finds values of the wrong kind for known fields', () => {
    expect(validateChangeValues(change({ table: 'statReport', fields: { members: 12, newMembers: null } }), TEST_TABLES)).toEqual([]);
    expect(validateChangeValues(change({ table: 'statReport', fields: { members: '12' } }), TEST_TABLES)).toHaveLength(1);
    expect(validateChangeValues(change({ table: 'statReport', fields: { members: 1.5 } }), TEST_TABLES)[0]).toMatch(/^members: /);
    expect(validateChangeValues(change({ fields: { kind: 'club' } }), TEST_TABLES)[0]).toMatch(/^kind: /);
    expect(validateChangeValues(change({ fields: { name: { zh: 5 } } }), TEST_TABLES)[0]).toMatch(/^name\.zh: /);
    expect(validateChangeValues(change({ fields: { _deleted: 'yes' } }), TEST_TABLES)[0]).toMatch(/^_deleted: /);
  });

  it('leaves unknown tables, unknown fields and newer schema versions to parking', () => {
    expect(validateChangeValues(change({ table: 'poll', fields: { title: 5 } }), TEST_TABLES)).toEqual([]);
    expect(validateChangeValues(change({ fields: { motto: 5 } }), TEST_TABLES)).toEqual([]);
    expect(validateChangeValues(change({ fields: { kind: 'club' }, schema: 2 }), TEST_TABLES)).toEqual([]);
  });

  it('finds changes that lie about themselves or write reserved fields', () => {
    const c = change({ device: A, fields: { archived: true } });
    expect(validateChangeIdentity(c)).toEqual([]);
    expect(validateChangeIdentity({ ...c, id: change({ wall: T0 + 1, fields: {} }).id })).toEqual(['id: must equal hlc']);
    expect(validateChangeIdentity({ ...c, device: B })).toEqual(['hlc: not stamped by device']);
    expect(validateChangeIdentity(change({ fields: { _clock: {} } }))).toEqual(['_clock: reserved, cannot be written']);
    expect(validateChangeIdentity(change({ fields: JSON.parse('{"__proto__": {"archived": true}}') }))).toEqual(['__proto__: reserved, cannot be written']);
  });
});

describe('incomplete rows', () => {
  it('an org row whose first change was lost is stored, flagged incomplete, and completed when the change arrives', async () => {
    const store = testStore();
    const creation = change({ wall: T0, device: A, fields: wholeOrg() });
    const edit = change({ wall: T0 + 1, device: B, fields: { secretaryName: '李明' } });
    await store.applyChanges([edit], { now });
    const [partial] = await store.getRows('org', ['o1']);
    expect(partial).toMatchObject({ id: 'o1', secretaryName: '李明' });
    expect(rowIsComplete(ORG, partial!)).toBe(false);
    await store.applyChanges([creation], { now });
    const [whole] = await store.getRows('org', ['o1']);
    expect(rowIsComplete(ORG, whole!)).toBe(true);
    expect(whole).toMatchObject({ code: 'LT', secretaryName: '李明' });
  });

  it('a deleted row is complete or not by its fields alone', async () => {
    const store = testStore();
    await store.applyChanges([change({ fields: { _deleted: true } })], { now });
    expect(rowIsComplete(ORG, (await store.getRows('org', ['o1']))[0]!)).toBe(false);
    await store.applyChanges([change({ wall: T0 + 1, fields: wholeOrg() })], { now });
    expect(rowIsComplete(ORG, (await store.getRows('org', ['o1']))[0]!)).toBe(true);
  });
});
