import { describe, expect, it } from 'vitest';
import type { SyncAccess } from '../../../shared/sync/access';
import { writeLocally } from '../../../shared/sync/localWrite';
import { readingRowsOnce } from '../../../shared/sync/readOnce';
import { testStore } from './testTables';

const county = { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false };
const writer = { device: '00000000000000aa', author: 'county' };
const NOW = Date.UTC(2026, 10, 22);

/** The access, counting the rows asked of it. */
function counted(access: SyncAccess): { access: SyncAccess; asked: string[] } {
  const asked: string[] = [];
  return { access: { ...access, getRows: (table, ids) => (asked.push(...ids.map((id) => `${table}/${id}`)), access.getRows(table, ids)) }, asked };
}

describe('reading each row once within one piece of work', () => {
  it('a local write asks for each row it writes once, where the base, the merge and the apply each read it', async () => {
    const store = testStore();
    await writeLocally(store, [{ table: 'org', row: 'o1', fields: county, scope: 'LT' }], writer, NOW);
    const { access, asked } = counted(store);
    await writeLocally(readingRowsOnce(access), [{ table: 'org', row: 'o1', fields: { secretaryName: '阿依古丽' }, scope: 'LT' }], writer, NOW + 1);
    expect(asked).toEqual(['org/o1']);
  });

  it('gives back a row as put since it was read, and rows as the store holds them', async () => {
    const store = testStore();
    const once = readingRowsOnce(store);
    expect(await once.getRows('org', ['o1', 'o2'])).toEqual([undefined, undefined]);
    await writeLocally(once, [{ table: 'org', row: 'o1', fields: county, scope: 'LT' }], writer, NOW);
    const [row] = await once.getRows('org', ['o1']);
    expect(row).toMatchObject({ id: 'o1', code: 'LT' });
    expect(await store.getRows('org', ['o1', 'o2'])).toEqual(await once.getRows('org', ['o1', 'o2']));
  });
});
