import type { Change } from '../../shared/sync/change';
import type { MergedRow } from '../../shared/sync/row';

/**
 * The yardstick the import benchmarks are measured against (runs inside Chromium): the same
 * changes and rows written with IndexedDB itself, one put per record in one transaction, into a
 * database of their own. Resolves with how long the transaction took.
 */
export function rawBulkWrite(name: string, changes: readonly Change[], rows: readonly MergedRow[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('changes', { keyPath: 'id' });
      open.result.createObjectStore('rows', { keyPath: 'id' });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const started = performance.now();
      const tx = db.transaction(['changes', 'rows'], 'readwrite');
      const changeStore = tx.objectStore('changes');
      const rowStore = tx.objectStore('rows');
      for (const c of changes) changeStore.put(c);
      for (const r of rows) rowStore.put(r);
      tx.oncomplete = () => {
        db.close();
        resolve(performance.now() - started);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
