/**
 * A PC that ran a build with schema 5 (the change log as one record per change) opens this build:
 * in real Chromium, on its own profile, the database is upgraded to the paged log, a backup of the
 * old data is kept first, and the county is all there.
 */
import { describe, expect, inject, it } from 'vitest';
import { applyChangeToRow, type MergedRow } from '../../shared/sync/row';
import { vectorOf } from '../../shared/sync/vector';
import { DB_NAME, schemaVersions } from '../../renderer/src/store/db';
import { screenshot, usePcs } from './browser';
import { writeOldDatabase } from './oldDatabase';
import { demoBundleInput } from '../../shared/app/demo';
import { APP_TABLES } from '../../shared/app/registry';

const pc = usePcs(inject('baseUrl'));

describe('upgrading a database from an earlier build', () => {
  it('moves a schema-5 change log into pages, keeps a backup first, and shows the county as before', async () => {
    const { changes } = demoBundleInput();
    const rows = new Map<string, { table: string; row: MergedRow }>();
    for (const change of changes) {
      const key = `${change.table}/${change.row}`;
      rows.set(key, { table: change.table, row: applyChangeToRow(rows.get(key)?.row, change).row });
    }
    const records: Record<string, unknown[]> = {
      changes: [...changes],
      vector: Object.entries(vectorOf(changes)).map(([device, hlc]) => ({ device, hlc })),
      meta: [{ key: 'setup', value: 'demo' }],
    };
    for (const { table, row } of rows.values()) (records[table] ??= []).push(row);

    const { page } = await pc();
    // The database as the schema-5 build left it (test/e2e/oldDatabase.ts), then the app on it.
    await writeOldDatabase(page, 5, records);
    await page.getByTestId('overview').waitFor();
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe('5,849');

    await page.getByTestId('nav-about').click();
    await expect(page.getByTestId('about-schema').textContent()).resolves.toContain(`${schemaVersions(APP_TABLES).at(-1)!.version} /`);
    await expect(page.getByTestId('about-changes').textContent()).resolves.toContain(changes.length.toLocaleString('en'));
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('backups').waitFor();
    expect(await page.getByTestId('backups').locator('tbody tr').count()).toBe(1);
    await expect(page.getByTestId('backups').locator('tbody tr').first().textContent()).resolves.toContain(changes.length.toLocaleString('en'));
    await screenshot(page, 'upgrade-backup-zh');

    // The log is in pages now; the old store is gone.
    const stores = await page.evaluate(async (name) => {
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const names = [...db.objectStoreNames];
      db.close();
      return names;
    }, DB_NAME);
    expect(stores).toContain('log');
    expect(stores).not.toContain('changes');
  });
});
