import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { applyReviewedImport, exportBundle, reviewImport } from '../../../renderer/src/features/sync/syncService';
import { makeBackup } from '../../../renderer/src/store/backups';
import { blobTable } from '../../../renderer/src/store/blobs';
import { readChangeCount, readChangesByIds, readRowHistory } from '../../../renderer/src/store/changeLog';
import { loadDemoCounty } from '../../../renderer/src/store/demo';
import { dexieHubLocal } from '../../../renderer/src/store/hubStore';
import { storedTargets } from '../../../renderer/src/store/statsWrites';
import type { ReportTarget } from '../../../shared/stats/writes';
import { nameThisPc, writePcNameIfDue } from '../../../renderer/src/store/pcName';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { inTransaction } from '../../../renderer/src/store/tx';
import { freshDb } from './fakeDb';
import { ROUND_TABLE, STAT_REPORT_TABLE } from '../../../shared/stats/tables';
import { ORG_TABLE } from '../../../shared/orgs/tables';

/*
 * Every path of the app that opens an IndexedDB transaction runs here, with WebCrypto answering
 * late (test/unit/setup/lateForeignPromises.ts), on data shaped as people make it: a county's
 * demo, a PC restored from its file, edits on top. A foreign await inside any of them fails here.
 */

async function statReportIds(store: Store, n: number): Promise<string[]> {
  return (await store.db.rows(STAT_REPORT_TABLE).limit(n).primaryKeys()) as string[];
}

async function demoPc(): Promise<Store> {
  const store = await openStore(freshDb());
  await loadDemoCounty(store);
  return store;
}

async function restoredFrom(bytes: Uint8Array): Promise<Store> {
  const store = await openStore(freshDb());
  await applyReviewedImport(store, await reviewImport(store, [{ name: 'county.leaguesync', data: bytes }]));
  return store;
}

describe('transactions', () => {
  it('a foreign await inside a transaction fails every time, so tests catch it', async () => {
    const store = await openStore(freshDb());
    await expect(
      inTransaction(store.db, 'rw', ['meta'], async (tx) => {
        await sha256Hex(new Uint8Array([1, 2, 3]));
        await tx.table('meta').put({ key: 'x', value: 1 });
      }),
    ).rejects.toMatchObject({ name: expect.stringMatching(/TransactionInactiveError|PrematureCommitError/) });
    expect(await store.db.meta.get('x')).toBeUndefined();
  });

  it("the county imports a restored and edited PC's full file (issue 12: PrematureCommitError)", async () => {
    const county = await demoPc();
    const countyFile = await exportBundle(county);
    const township = await restoredFrom(countyFile.bytes);
    for (const id of await statReportIds(township, 3)) await township.repo.write([{ table: 'statReport', row: id, scope: 'LT', fields: { members: 7 } }]);
    const townshipFile = await exportBundle(township);
    const review = await reviewImport(county, [{ name: townshipFile.fileName, data: townshipFile.bytes }]);
    expect(review.preview).toMatchObject({ refused: false, alreadyApplied: countyFile.changes });
    expect(await applyReviewedImport(county, review)).toEqual({ applied: 3, alreadyApplied: countyFile.changes, conflicts: 0, refused: 0 });
    // A third PC that only restored the county's file imports the township's too.
    const third = await restoredFrom(countyFile.bytes);
    expect(await applyReviewedImport(third, await reviewImport(third, [{ name: 'b', data: townshipFile.bytes }]))).toMatchObject({ applied: 3 });
    const members = async (s: Store) => (await s.db.rows(STAT_REPORT_TABLE).bulkGet(await statReportIds(township, 3))).map((r) => r?.members);
    expect(await members(county)).toEqual([7, 7, 7]);
    expect(await members(third)).toEqual([7, 7, 7]);
  });

  it('every other transactional path runs with late WebCrypto: backup, peer export, conflicts, history, hub', async () => {
    const county = await demoPc();
    const file = await exportBundle(county);
    const township = await restoredFrom(file.bytes);
    const [id] = await statReportIds(county, 1);
    await county.repo.write([{ table: 'statReport', row: id!, scope: 'LT', fields: { members: 11 } }]);
    await township.repo.write([{ table: 'statReport', row: id!, scope: 'LT', fields: { members: 12 } }]);
    expect(await makeBackup(county, 'manual')).not.toBeNull();
    const peer = { device: township.identity.device, account: township.identity.author, vector: {}, lastSeen: '2026-01-01T00:00:00Z' };
    const forTownship = await exportBundle(county, { peer });
    expect(forTownship.changes).toBeGreaterThan(0);
    await applyReviewedImport(township, await reviewImport(township, [{ name: 'p', data: forTownship.bytes }]));
    const [conflict] = await township.db.conflicts.toArray();
    expect(conflict).toBeDefined();
    await township.repo.resolveConflict(conflict!, 12);
    expect(await township.db.conflicts.count()).toBe(0);
    expect((await readRowHistory(township.db, 'statReport', id!)).length).toBeGreaterThanOrEqual(3);
    expect((await readChangesByIds(township.db, [conflict!.kept.hlc])).size).toBe(1);
    expect(await readChangeCount(township.db)).toBeGreaterThan(file.changes);
    const local = dexieHubLocal(township.db, { device: township.identity.device, scope: 'LT' });
    expect((await local.unsent({})).length).toBe(await readChangeCount(township.db));
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 1]);
    const hash = await sha256Hex(photo);
    await local.applyPulled([], [{ hash, bytes: photo, type: 'image/jpeg' }], [], await local.readState('h'), Date.now());
    expect(await blobTable(township.db).get(hash)).toBeDefined();
    // Naming the PC: kept locally, then written to the synced table under its latest change's scope.
    expect(await nameThisPc(township, '轮台镇团委 1号机')).toMatchObject({ ok: true });
    expect(await township.db.table('device').get(township.identity.device)).toMatchObject({ name: '轮台镇团委 1号机' });
    expect(await writePcNameIfDue(township)).toBe(false);
    // The entry grid reads its reports again before each write (undo, a comment left twice).
    const report = await township.db.rows(STAT_REPORT_TABLE).get(id!);
    const [round, org] = await Promise.all([township.db.rows(ROUND_TABLE).get(String(report!['roundId'])), township.db.rows(ORG_TABLE).get(String(report!['orgId']))]);
    const [target] = await storedTargets(township.db, [{ round: round, org: org } as unknown as ReportTarget]);
    expect(target!.report).toMatchObject({ members: 12 });
  });

  it('runs every file that opens a transaction (a new one needs a test above)', () => {
    const covered = new Set([
      'renderer/src/store/tx.ts',
      'renderer/src/store/changeLog.ts',
      'renderer/src/store/dexieAccess.ts',
      'renderer/src/store/repository.ts',
      'renderer/src/store/identity.ts',
      'renderer/src/store/pcName.ts',
      'renderer/src/store/backups.ts',
      'renderer/src/store/fullBundle.ts',
      'renderer/src/store/hubStore.ts',
      'renderer/src/store/store.ts',
      'renderer/src/store/statsWrites.ts',
      'renderer/src/features/sync/syncService.ts',
      // Keys, pinning, sealing and the demo's certificate: run by test/unit/store/trust/trustStore.test.ts.
      'renderer/src/store/trustStore.ts',
      'renderer/src/store/sealing.ts',
      'renderer/src/store/demo.ts',
      // Deciding an import: run by test/unit/store/trust/importAttacks.test.ts.
      'renderer/src/store/importTrust.ts',
      // The county's authority and enrolment: run by test/unit/store/trust/authorityStore.test.ts.
      'renderer/src/store/authorityStore.ts',
      // The county's checkpoint over data written before trust: run by test/unit/store/trust/adoptExisting.test.ts.
      'renderer/src/store/adoptExisting.ts',
      // This PC's standing and the write gate: run by test/unit/store/trust/standing.test.ts and localGate.test.ts.
      'renderer/src/store/standing.ts',
    ]);
    const opening = sourceFiles('renderer').filter((file) => /\binTransaction\(/.test(readFileSync(file, 'utf8')));
    expect(opening.filter((f) => !covered.has(f))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full.split(path.sep).join('/')] : [];
  });
}
