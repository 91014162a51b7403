import { decodeBundle } from '../../shared/sync/bundle';
import { canonicalState } from '../../shared/sync/canonical';
import { memoryAccess } from '../../shared/sync/memoryAccess';
import { applyReviewedImport, exportBundle, reviewImport, type ExportedBundle, type ImportOutcome } from '../../renderer/src/features/sync/syncService';
import { LOG_STORES } from '../../renderer/src/store/changeLog';
import { toPages } from '../../renderer/src/store/logPages';
import type { LeagueDeskDb, PeerEntry } from '../../renderer/src/store/db';
import { loadDemoCounty } from '../../renderer/src/store/demo';
import { inSyncTransaction, readVector } from '../../renderer/src/store/dexieAccess';
import { openStore, type Store } from '../../renderer/src/store/store';
import { joinDemoCounty } from '../../renderer/src/store/demo';
import { inTransaction } from '../../renderer/src/store/tx';
import { APP_TABLES } from '../../shared/app/registry';
import { STAT_REPORT_TABLE } from '../../shared/stats/tables';
import { ORG_TABLE } from '../../shared/orgs/tables';

/*
 * PCs in the states people put them in, for the exchange matrix and property tests: a county PC
 * with the demo, PCs restored from its file, edited, exchanged with before, upgraded from an older
 * build. Every PC is its own database, opened by the app's own openStore — in fake-indexeddb
 * (test/unit) or in Chromium's IndexedDB (test/e2e/exchange.test.ts), through `makeDb`.
 */

/**
 * A database for a PC: a new one for a new `pc`, the same one again for the same `pc` (an upgrade
 * opens the database an older build left), declared up to schema version `upTo`.
 */
export type DbMaker = (pc: string, upTo?: number) => LeagueDeskDb;

let pcCount = 0;

export function pcStates(makeDb: DbMaker) {
  const newPc = () => `pc${++pcCount}`;

  async function emptyPc(): Promise<Store> {
    return openStore(makeDb(newPc()));
  }

  async function demoPc(): Promise<Store> {
    const store = await emptyPc();
    await loadDemoCounty(store);
    return store;
  }

  /** Imports files as the sync page does (review, then apply); throws if any file is refused. */
  async function importFiles(store: Store, ...files: ExportedBundle[]): Promise<ImportOutcome> {
    const review = await reviewImport(store, files.map((f) => ({ name: f.fileName, data: f.bytes })));
    const refused = review.files.filter((f) => f.refusal);
    if (refused.length > 0) throw new Error(`refused: ${refused.map((f) => `${f.name} ${f.refusal!.reason}`).join(', ')}`);
    return applyReviewedImport(store, review);
  }

  async function restoredPc(file: ExportedBundle): Promise<Store> {
    const store = await emptyPc();
    await importFiles(store, file);
    return store;
  }

  /**
   * A PC whose database an older build wrote (schema 5: one log record per change in `changes`),
   * holding the changes of `file`, then opened by this build, which upgrades it.
   */
  async function upgradedPc(file: ExportedBundle): Promise<Store> {
    const decoded = await decodeBundle(file.bytes, { tables: APP_TABLES });
    if (!decoded.ok) throw new Error(decoded.reason);
    const memory = memoryAccess({ tables: APP_TABLES, now: () => Date.parse('2026-06-01T00:00:00Z') });
    await memory.applyChanges(decoded.changes);
    const pc = newPc();
    const old = makeDb(pc, 5);
    await old.open();
    await old.table('changes').bulkAdd(decoded.changes);
    for (const table of APP_TABLES.names) {
      if (old.tables.some((t) => t.name === table)) await old.table(table).bulkPut(await memory.allRows(table));
    }
    await old.table('vector').bulkPut(Object.entries(await memory.getVector()).map(([device, hlc]) => ({ device, hlc })));
    old.close();
    const store = await openStore(makeDb(pc));
    // The upgrade kept the log whole, in pages.
    const pages = await inTransaction(store.db, 'r', LOG_STORES, (tx) => tx.table('log').count());
    if (pages !== toPages(decoded.changes).length) throw new Error(`upgrade wrote ${pages} log pages`);
    // An older build kept no certificates or seals. After the upgrade the PC imports its county's
    // file again, which brings them (nothing else changes), and joins the demo county — otherwise
    // what it writes from now on, and the changes it relays, would be kept aside by the county's
    // PCs (test/unit/store/trust).
    const again = await importFiles(store, file);
    if (again.applied !== 0) throw new Error(`the county's file again applied ${again.applied}`);
    await joinDemoCounty(store);
    return store;
  }

  /** A small county: a committee, two townships, three branches, an open round with a report each. */
  async function smallCountyPc(): Promise<Store> {
    const { ORGS, ROUND } = SMALL_COUNTY;
    const pc = await emptyPc();
    await pc.repo.write([
      { table: 'org', row: 'org-LT', scope: 'LT', fields: { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false } },
      ...ORGS.map((code) => ({
        table: 'org' as const,
        row: `org-${code}`,
        scope: code,
        fields: { code, name: { zh: code }, kind: code.length === 5 ? 'township' : 'branch', parentId: code.length === 5 ? 'org-LT' : `org-${code.slice(0, 5)}`, archived: false },
      })),
      { table: 'round', row: ROUND, scope: 'LT', fields: { period: '2026', deadline: '2027-01-20', status: 'open', orgIds: ORGS.map((c) => `org-${c}`), figures: ['members', 'youth1428'] } },
      ...ORGS.map((code) => ({
        table: 'statReport' as const,
        row: `${ROUND}:org-${code}`,
        scope: code,
        fields: { roundId: ROUND, orgId: `org-${code}`, period: '2026', status: 'draft', members: 10, youth1428: 40 },
      })),
    ]);
    return pc;
  }

  return { emptyPc, demoPc, importFiles, restoredPc, upgradedPc, smallCountyPc };
}

/** The organisations and round of `smallCountyPc`. */
export const SMALL_COUNTY = { ORGS: ['LT-01', 'LT-01-001', 'LT-01-002', 'LT-02', 'LT-02-001'], ROUND: 'round-2026' } as const;

/** The first `n` statistics reports after `skip` (sorted ids), so edits of two PCs can meet. */
export async function reportIds(store: Store, n: number, skip = 0): Promise<string[]> {
  const ids = (await store.db.rows(STAT_REPORT_TABLE).toCollection().primaryKeys()) as string[];
  return ids.sort().slice(skip, skip + n);
}

/** A township officer's edit: new member counts, submitted. */
export async function editReports(store: Store, ids: readonly string[], members: number): Promise<void> {
  for (const id of ids) {
    const row = await store.db.rows(STAT_REPORT_TABLE).get(id);
    const org = row && (await store.db.rows(ORG_TABLE).get(String(row.orgId)));
    if (!org) throw new Error(`no report ${id}`);
    await store.repo.write([{ table: 'statReport', row: id, scope: String(org.code), fields: { members, status: 'submitted' } }]);
  }
}

export function fullFile(store: Store): Promise<ExportedBundle> {
  return exportBundle(store);
}

/** A file for `peer`, cut by the vector `peer` holds now (as its latest file to us would say). */
export async function fileFor(store: Store, peer: Store): Promise<ExportedBundle> {
  const vector = await inTransaction(peer.db, 'r', ['vector'], readVector);
  const entry: PeerEntry = { device: peer.identity.device, account: peer.identity.author, vector, lastSeen: new Date().toISOString() };
  return exportBundle(store, { peer: entry });
}

/** Rows, vector and log of a PC as one string (conflicts and clock left out: shared/sync/canonical.ts). */
export function stateOf(store: Store): Promise<string> {
  return inSyncTransaction(store.db, 'r', canonicalState);
}
