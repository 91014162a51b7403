import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { canonicalReportId, reportId, reportIdAliases } from '../../../shared/stats/ids';
import { canonicalState } from '../../../shared/sync/canonical';
import type { Change } from '../../../shared/sync/change';
import { applyImport, planImport } from '../../../shared/sync/import';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import type { RowIdRules } from '../../../shared/sync/row';
import { changesOfRow, readRowHistory } from '../../../renderer/src/store/changeLog';
import { openStore } from '../../../renderer/src/store/store';
import { Repository } from '../../../renderer/src/store/repository';
import { loadIdentity } from '../../../renderer/src/store/identity';
import { freshDb, readAll, withAccess } from '../store/fakeDb';
import { change, DEVICES, splitAt, stamp, T0 } from '../sync/mergeFixtures';
import { APP_REGISTRY, APP_TABLES } from '../../../shared/app/registry';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';

/** A build from before issue 12: it knows no row-id rule. */
const OLD_BUILD: RowIdRules = {};

const period = fc.oneof(
  fc.integer({ min: 2000, max: 2099 }).map(String),
  fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom('H1', 'H2', 'Q1', 'Q4', 'M01', 'M12')).map(([y, p]) => `${y}${p}`),
);
const code = fc.tuple(fc.constantFrom('LT', 'BZ', 'ABCD'), fc.array(fc.stringMatching(/^[0-9A-Z]{1,4}$/), { maxLength: 3 })).map(([root, parts]) => [root, ...parts].join('-'));

describe('report ids', () => {
  it('reads an old demo id as the report of the demo round and organisation it meant', () => {
    expect(canonicalReportId('demo-report-2025-LT-01-013')).toBe('demo-round-2025:demo-LT-01-013');
    expect(reportIdAliases('demo-round-2025:demo-LT-01-013')).toEqual(['demo-report-2025-LT-01-013']);
    expect(reportIdAliases('demo-report-2025-LT-01-013')).toEqual(['demo-report-2025-LT-01-013']);
  });

  it('maps every old demo id to one app id and back, and leaves the app ids alone', () => {
    fc.assert(
      fc.property(period, code, (p, c) => {
        const old = `demo-report-${p}-${c}`;
        const canonical = canonicalReportId(old);
        expect(canonical).toBe(reportId(`demo-round-${p}`, `demo-${c}`));
        expect(canonicalReportId(canonical)).toBe(canonical);
        expect(reportIdAliases(canonical)).toEqual([old]);
      }),
    );
    fc.assert(
      fc.property(fc.uuid(), fc.string({ minLength: 1 }), (round, org) => {
        const id = reportId(`round-${round}`, org);
        expect(canonicalReportId(id)).toBe(id);
        expect(reportIdAliases(id)).toEqual([]);
      }),
    );
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        expect(canonicalReportId(canonicalReportId(id))).toBe(canonicalReportId(id));
      }),
    );
  });

  it('the demo county writes its reports under the app ids', () => {
    const demo = generateDemoCounty();
    for (const report of demo.reports) expect(report.id).toBe(reportId(report.roundId, report.orgId));
  });
});

// Two demo reports, each named by its old and its new id, written by old and new PCs alike.
const ROWS = ['demo-report-2025-LT-01-013', 'demo-round-2025:demo-LT-01-013', 'demo-report-2025-LT-02-001', 'demo-round-2025:demo-LT-02-001'] as const;
const FIELDS = {
  members: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)),
  status: fc.constantFrom('approved', 'returned', 'submitted'),
  returnComment: fc.constantFrom('请核对', 'تەكشۈرۈڭ'),
  period: fc.constant('2025'),
};

/** Changes with unique stamps to both reports under both ids, bases naming earlier changes or nothing. */
const arbReportChanges: fc.Arbitrary<Change[]> = fc
  .uniqueArray(
    fc.record({
      wall: fc.integer({ min: T0, max: T0 + 30 }),
      device: fc.constantFrom(...DEVICES.slice(0, 3)),
      row: fc.constantFrom(...ROWS),
      fields: fc.dictionary(fc.constantFrom(...(Object.keys(FIELDS) as (keyof typeof FIELDS)[])), fc.constant(null), { minKeys: 1, maxKeys: 2 }).chain((picked) =>
        fc.record(Object.fromEntries(Object.keys(picked).map((f) => [f, FIELDS[f as keyof typeof FIELDS]]))),
      ),
      baseSeed: fc.nat(),
    }),
    { selector: (d) => `${d.wall}/${d.device}`, minLength: 1, maxLength: 30 },
  )
  .map((drafts) => {
    const stamps = drafts.map((d) => stamp(d.wall, d.device));
    return drafts.map((d) => {
      const base = Object.fromEntries(Object.keys(d.fields).map((f) => [f, d.baseSeed % 3 === 0 ? '' : stamps[d.baseSeed % stamps.length]!]));
      return change({ wall: d.wall, device: d.device, table: 'statReport', row: d.row, fields: d.fields, base, scope: 'LT-01' });
    });
  });

/** A delivery: the changes in a random order, cut into random batches (files). */
const arbDelivery = (changes: Change[]) =>
  fc.tuple(fc.array(fc.nat(), { minLength: changes.length, maxLength: changes.length }), fc.array(fc.nat(), { maxLength: 3 })).map(([keys, cuts]) => {
    const order = changes.map((c, i) => ({ c, k: keys[i]! })).sort((a, b) => a.k - b.k).map((x) => x.c);
    return splitAt(order, cuts);
  });

async function intoDexie(db: ReturnType<typeof freshDb>, batches: Change[][], rowIds?: RowIdRules): Promise<void> {
  for (const batch of batches) {
    await withAccess(db, 'rw', async (access) => applyImport(await planImport(batch, access, { now: T0, ...(rowIds ? { rowIds } : {}) }), access));
  }
}

const byStamp = (a: Change, b: Change) => (a.hlc < b.hlc ? -1 : 1);

describe('old and new report ids from PCs of any version', () => {
  it('converge to the same rows, one per report, on Dexie and the in-memory core, in any order and batches; an old database upgraded to schema 9 too', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbReportChanges.chain((changes) => fc.tuple(fc.constant(changes), arbDelivery(changes), arbDelivery(changes), arbDelivery(changes))),
        async ([changes, toMemory, toDexie, toOldPc]) => {
          const memory = memoryAccess({ tables: APP_TABLES, now: () => T0 });
          for (const batch of toMemory) await memory.applyChanges(batch, { now: T0 });
          const expected = await canonicalState(memory);

          const db = freshDb();
          await db.open();
          await intoDexie(db, toDexie);
          expect(await withAccess(db, 'r', canonicalState)).toBe(expected);
          const ids = (await db.rows(STAT_REPORT_TABLE).toCollection().primaryKeys()).sort();
          expect(ids.every((id) => id === canonicalReportId(id))).toBe(true);
          expect(ids).toEqual([...new Set(changes.map((c) => canonicalReportId(c.row)))].sort());
          // A report's history is every change under either of its ids, in clock order.
          for (const id of ids) {
            expect(await readAll(db, (tx) => changesOfRow(tx, APP_TABLES.rowIds, 'statReport', id))).toEqual(changes.filter((c) => canonicalReportId(c.row) === id).sort(byStamp));
          }
          db.close();

          // A PC that held them all before upgrading: the old build keeps two rows, schema 9 joins them.
          const factory = new IDBFactory();
          // Schema 8 (the last before 9) stands for the old build's database: this build's code writes
          // the device table, which 8 added; what 9 does to the reports is the same from 7 or 8.
          const old = freshDb(8, factory);
          await old.open();
          await intoDexie(old, toOldPc, OLD_BUILD);
          old.close();
          const upgraded = freshDb(Infinity, factory);
          await upgraded.open();
          expect(await withAccess(upgraded, 'r', canonicalState)).toBe(expected);
          upgraded.close();
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it("moves this PC's conflict records with their row when schema 9 joins it", async () => {
    const factory = new IDBFactory();
    const old = freshDb(8, factory);
    await old.open();
    const a = change({ wall: T0, device: DEVICES[0], table: 'statReport', row: ROWS[0], fields: { members: 1 }, scope: 'LT-01' });
    const b = change({ wall: T0 + 1, device: DEVICES[1], table: 'statReport', row: ROWS[0], fields: { members: 2 }, scope: 'LT-01' });
    await intoDexie(old, [[a], [b]], OLD_BUILD);
    const [before] = await old.conflicts.toArray();
    expect(before).toMatchObject({ row: ROWS[0], field: 'members' });
    old.close();
    const upgraded = freshDb(Infinity, factory);
    await upgraded.open();
    const conflicts = await upgraded.conflicts.toArray();
    expect(conflicts).toEqual([{ ...before, row: ROWS[1], id: JSON.stringify(['statReport', ROWS[1], 'members', a.hlc, b.hlc]) }]);
    expect(await upgraded.conflicts.where('[table+row]').equals(['statReport', ROWS[1]]).count()).toBe(1);
    upgraded.close();
  });

  it('an old PC applies a new PC\'s changes without refusing the file (as rows of the app id, beside the old rows)', async () => {
    const [changes] = fc.sample(arbReportChanges, { numRuns: 1, seed: 12 });
    const old = memoryAccess({ tables: APP_TABLES, now: () => T0 });
    const plan = await old.applyChanges(changes!, { now: T0, rowIds: OLD_BUILD });
    expect(plan.refused).toBe(false);
    expect((await old.allRows('statReport')).map((r) => r.id).sort()).toEqual([...new Set(changes!.map((c) => c.row))].sort());
  });
});

describe('a demo county loaded by a build before issue 12, upgraded', () => {
  /** The demo's writes as those builds made them: reports under `demo-report-2025-<code>`. */
  function oldDemoWrites() {
    const demo = generateDemoCounty();
    const codeOf = new Map(demo.orgs.map((o) => [o.id, o.code]));
    return APP_REGISTRY.demoWrites({ ...demo, reports: demo.reports.map((r) => ({ ...r, id: `demo-report-2025-${codeOf.get(r.orgId)}` })) });
  }

  it('keeps one row per report under the app id, with the same figures, and a history that starts at the demo load', async () => {
    const factory = new IDBFactory();
    // What a build of schema 8 was: the database, its identity and the repository (no keys, no seals).
    const oldDb = freshDb(8, factory);
    await oldDb.open();
    const before = { db: oldDb, repo: new Repository(oldDb, await loadIdentity(oldDb)) };
    await before.repo.write(oldDemoWrites());
    const oldRows = new Map((await before.db.rows(STAT_REPORT_TABLE).toArray()).map((r) => [canonicalReportId(r.id), r]));
    expect([...oldRows.keys()].every((id) => id.startsWith('demo-round-2025:'))).toBe(true);
    before.db.close();

    const after = await openStore(freshDb(Infinity, factory));
    const rows = await after.db.rows(STAT_REPORT_TABLE).toArray();
    expect(rows).toHaveLength(245);
    for (const row of rows) expect(row).toEqual({ ...oldRows.get(row.id)!, id: row.id });
    // The backup made before the upgrade holds everything, read at the old version.
    expect((await after.db.backups.toArray()).map((b) => b.reason)).toEqual(['before-upgrade']);

    const id = 'demo-round-2025:demo-LT-01-013';
    const [edit] = await after.repo.write([{ table: 'statReport', row: id, scope: 'LT-01-013', fields: { members: 41 } }]);
    const history = await readRowHistory(after.db, 'statReport', id);
    expect(history.map((c) => c.row)).toEqual(['demo-report-2025-LT-01-013', id]);
    expect(history[0]!.fields).toMatchObject({ roundId: 'demo-round-2025', members: oldRows.get(id)!.members });
    expect(history[1]).toEqual(edit);
    // The edit's base is the demo value it replaced: an edit, not a conflict.
    expect(edit!.base).toEqual({ members: history[0]!.hlc });
    expect(await after.db.conflicts.count()).toBe(0);
    expect(await after.db.rows(STAT_REPORT_TABLE).get(id)).toMatchObject({ members: 41, status: 'approved' });
  });
});
