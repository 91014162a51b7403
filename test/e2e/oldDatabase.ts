import type { Page } from 'playwright-core';
import { DB_NAME, schemaVersions } from '../../renderer/src/store/db';
import { APP_TABLES } from '../../shared/app/registry';

/*
 * A PC's database as an earlier build left it, for the upgrade journeys: written with IndexedDB
 * itself from an empty page of the app's origin (which does not open the database), in Dexie's
 * schema syntax as that build declared it — the first entry the key path (`++` auto-incremented),
 * then indexes (`[a+b]` compound, `*` multi-entry, `&` unique).
 */

/** The stores of schema `version` as Dexie declared them: every version up to it, later ones overriding. */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string | null> = {};
  for (const step of schemaVersions(APP_TABLES)) if (step.version <= version) Object.assign(stores, step.stores);
  return Object.fromEntries(Object.entries(stores).filter((e): e is [string, string] => e[1] !== null));
}

/** Replaces the app's database with one of schema `version` holding `records` (by store), then opens the app again. */
export async function writeOldDatabase(page: Page, version: number, records: Record<string, unknown[]>): Promise<void> {
  const app = page.url();
  const blank = new URL('old-database-setup', app).href;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>setup</title>' }));
  await page.goto(blank);
  await page.evaluate(
    async (db: { name: string; idbVersion: number; stores: Record<string, string>; records: Record<string, unknown[]> }) => {
      await new Promise<void>((resolve, reject) => {
        const gone = indexedDB.deleteDatabase(db.name);
        gone.onsuccess = () => resolve();
        gone.onerror = () => reject(gone.error);
      });
      const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec.replace(/^[*&+]+/, ''));
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db.name, db.idbVersion);
        open.onupgradeneeded = () => {
          for (const [name, schema] of Object.entries(db.stores)) {
            const [primary, ...indexes] = schema.split(',').map((s) => s.trim());
            const store = open.result.createObjectStore(name, { keyPath: keyPath(primary!) || undefined, autoIncrement: primary!.startsWith('++') });
            for (const index of indexes) store.createIndex(index.replace(/^[*&]/, ''), keyPath(index), { multiEntry: index.startsWith('*'), unique: index.startsWith('&') });
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
    },
    // Dexie keeps version N as IndexedDB version 10 × N.
    { name: DB_NAME, idbVersion: version * 10, stores: storesAt(version), records },
  );
  await page.goto(app);
}
