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
import { demoBundleInput } from '../../shared/app/demo';
import { APP_TABLES } from '../../shared/app/registry';

const pc = usePcs(inject('baseUrl'));

/** The stores of schema 5 as Dexie declared them: every version up to 5, later ones overriding. */
const SCHEMA_VERSIONS = schemaVersions(APP_TABLES);

function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string | null> = {};
  for (const step of SCHEMA_VERSIONS) if (step.version <= version) Object.assign(stores, step.stores);
  return Object.fromEntries(Object.entries(stores).filter((e): e is [string, string] => e[1] !== null));
}

interface OldDatabase {
  name: string;
  /** Dexie keeps version N as IndexedDB version 10 × N. */
  idbVersion: number;
  stores: Record<string, string>;
  records: Record<string, unknown[]>;
}

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
    const old: OldDatabase = { name: DB_NAME, idbVersion: 50, stores: storesAt(5), records };

    const { page } = await pc();
    // The app is left for an empty page of the same origin that does not open the database, and
    // the database is written with IndexedDB itself, as the schema-5 build left it (Dexie's schema
    // syntax: the first entry is the key path, then indexes; [a+b] compound).
    const app = page.url();
    const blank = new URL('upgrade-setup', app).href;
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>setup</title>' }));
    await page.goto(blank);
    await page.evaluate(async (db: OldDatabase) => {
      await new Promise<void>((resolve, reject) => {
        const gone = indexedDB.deleteDatabase(db.name);
        gone.onsuccess = () => resolve();
        gone.onerror = () => reject(gone.error);
      });
      const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db.name, db.idbVersion);
        open.onupgradeneeded = () => {
          for (const [name, schema] of Object.entries(db.stores)) {
            const [primary, ...indexes] = schema.split(',').map((s) => s.trim());
            const store = open.result.createObjectStore(name, { keyPath: keyPath(primary!) });
            for (const index of indexes) store.createIndex(index, keyPath(index));
          }
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(db.records), 'readwrite');
          for (const [name, list] of Object.entries(db.records)) for (const record of list) tx.objectStore(name).put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }, old);
    await page.goto(app);
    await page.getByTestId('overview').waitFor();
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe('5,849');

    await page.getByTestId('nav-about').click();
    await expect(page.getByTestId('about-schema').textContent()).resolves.toContain(`${SCHEMA_VERSIONS.at(-1)!.version} /`);
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
