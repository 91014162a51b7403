// Runs inside Chromium (bundled by bench/sync.bench.ts): the real import and export paths of the
// app over real IndexedDB, beside a raw IndexedDB bulk write of the same records.
import { APP_REGISTRY } from '../../shared/app/registry';
import { encodeBundle } from '../../shared/sync/bundle';
import type { Change } from '../../shared/sync/change';
import { applyImport, planImport } from '../../shared/sync/import';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { inSyncTransaction, readChangeLog } from '../../renderer/src/store/dexieAccess';
import { makeChangesAndRows } from '../hubSupport/changes';
import { rawBulkWrite } from './rawWrite';

const DEVICE = '00000000000000be';

/** `count` changes: reports of many branches, each written a few times, like a busy county year. */
const makeChanges = (count: number) => makeChangesAndRows(count, DEVICE);

/** Plans and applies an import in one transaction, as the app does; how long it took, and planning alone. */
async function importInto(db: LeagueDeskDb, changes: readonly Change[]): Promise<{ ms: number; planned: number; applied: number }> {
  const started = performance.now();
  let planned = 0;
  let applied = 0;
  await inSyncTransaction(db, 'rw', async (access) => {
    const plan = await planImport(changes, access, { now: Date.UTC(2027, 0, 1) });
    planned = performance.now() - started;
    applied = plan.changesToAdd.length;
    await applyImport(plan, access);
  });
  return { ms: performance.now() - started, planned, applied };
}

async function run(count: number, round: number) {
  const { changes, rows } = makeChanges(count);
  const raw = await rawBulkWrite(`raw-bench-${round}`, changes, rows);

  const db = new LeagueDeskDb(APP_REGISTRY, `import-bench-${round}`);
  await db.open();
  const fresh = await importInto(db, changes);
  const imported = fresh.ms;
  const planned = fresh.planned;

  // A full file into a PC that already holds the older 90% of it (issue 12): the held changes are
  // recognised, only the newest tenth is written.
  const overlapDb = new LeagueDeskDb(APP_REGISTRY, `overlap-bench-${round}`);
  await overlapDb.open();
  const byStamp = [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  await importInto(overlapDb, byStamp.slice(0, Math.floor(count * 0.9)));
  const overlap = await importInto(overlapDb, changes);
  if (overlap.applied !== count - Math.floor(count * 0.9)) throw new Error(`overlapping import applied ${overlap.applied}`);
  overlapDb.close();
  await overlapDb.delete();
  let started: number;

  // The same file again: every change is recognised as held (looked up through the log's id
  // index), nothing is written.
  started = performance.now();
  let again = 0;
  await inSyncTransaction(db, 'rw', async (access) => {
    const plan = await planImport(changes, access, { now: Date.UTC(2027, 0, 1) });
    again = plan.alreadyApplied;
    await applyImport(plan, access);
  });
  const reimported = performance.now() - started;
  if (again !== changes.length) throw new Error(`re-import recognised ${again} of ${changes.length} changes`);

  started = performance.now();
  // As the app's full export does: the log read through readChangeLog, encoded in batches.
  const log = readChangeLog(db);
  const bytes = await encodeBundle({
    county: { code: 'LT' },
    sender: { device: DEVICE, account: 'bench', scope: 'LT' },
    kind: 'full',
    changes: log.batches,
    vector: await log.vector,
    created: new Date(Date.UTC(2027, 0, 1)).toISOString(),
  }, { tables: db.syncTables });
  const exported = performance.now() - started;
  db.close();
  return { raw, imported, planned, overlap: overlap.ms, reimported, exported, bundleBytes: bytes.byteLength };
}

(globalThis as unknown as { syncBench: typeof run }).syncBench = run;
