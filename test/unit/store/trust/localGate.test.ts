import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { WriteSpec } from '../../../../shared/sync/write';
import type { CertificateTerms } from '../../../../shared/trust/certificate';
import { revokeDevice } from '../../../../shared/trust/revocation';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
const REPORTS = STAT_REPORT_TABLE.name;
import { describeStoreError } from '../../../../renderer/src/store/errors';
import { WriteNotAuthorizedError } from '../../../../renderer/src/store/repository';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { holdTrustRecords, pinHomeAuthority } from '../../../../renderer/src/store/trustStore';
import type { AuthorityRecord } from '../../../../shared/trust/authorityRecords';
import { makeCounty, ISO, T0, DAY, type County } from '../../trust/trustFixtures';
import { freshDb, readAll } from '../fakeDb';
import { certificateFor, countyPcStore, enrolledPc, fullFile, importFiles, report, ROUND, writeSmallCounty } from './trustPcs';

/*
 * The local write gate (issue 14, "One set of rules, enforced everywhere"): before a batch commits,
 * each change goes through the import's own `authorize` with this PC's certificate and the rows as
 * held. A refused batch is written not at all — no row, no log entry, no seal — and says why with
 * the trust core's reason code, which the app shows as a localized message.
 */

interface Pcs {
  county: County;
  countyPc: Store;
}

/** The county PC with the small county written (LT, townships LT-03 and LT-05, an open round, two draft reports). */
async function countyWithData(): Promise<Pcs> {
  const county = await makeCounty('LT');
  const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
  await writeSmallCounty(countyPc);
  return { county, countyPc };
}

/** Another PC of the county, holding the county's data, enrolled on `terms` (none: pinned, not enrolled). */
async function pcOf({ county, countyPc }: Pcs, terms?: Partial<CertificateTerms> & Pick<CertificateTerms, 'role' | 'scope'>): Promise<Store> {
  const store = await countyPcStore(county);
  await importFiles(store, await fullFile(countyPc));
  if (terms) await holdTrustRecords(store.db, [await certificateFor(county, store, terms)]);
  return store;
}

/**
 * Two windows of one PC (browser mode may open the app in several tabs of one profile: one
 * database, one device key), holding the county's data, enrolled on `terms` (none: not enrolled).
 */
async function twoWindowsOf(pcs: Pcs, terms?: Partial<CertificateTerms> & Pick<CertificateTerms, 'role' | 'scope'>): Promise<[Store, Store]> {
  const factory = new IDBFactory();
  const first = await openStore(freshDb(Infinity, factory), { enforceTrust: true });
  await pinHomeAuthority(first.db, pcs.county.created.record);
  await importFiles(first, await fullFile(pcs.countyPc));
  if (terms) await holdTrustRecords(first.db, [await certificateFor(pcs.county, first, terms)]);
  const second = await openStore(freshDb(Infinity, factory), { enforceTrust: true });
  expect(second.device).toMatchObject({ id: first.device.id, keys: { publicKey: first.device.keys.publicKey } });
  return [first, second];
}

const reportWrite = (code: string, fields: Record<string, unknown>): WriteSpec => ({ table: REPORTS, row: report(code), scope: code, fields });
const logSize = (store: Store) => readAll(store.db, async (tx) => (await tx.table<{ changes: unknown[] }, number>('log').toArray()).reduce((n, p) => n + p.changes.length, 0));
const sealCount = (store: Store) => readAll(store.db, (tx) => tx.table('trust').where('kind').equals('seal').count());

/** The write is refused with `reason`, and nothing of it is kept: rows, log and seals as before. */
async function expectRefused(store: Store, specs: WriteSpec[], reason: string): Promise<void> {
  // The seals of earlier writes, which wait for the next write or a moment of quiet, are stored first.
  await store.device.seals!.flush();
  const before = { rows: await store.db.rows(STAT_REPORT_TABLE).toArray(), log: await logSize(store), seals: await sealCount(store) };
  const error = await store.repo.write(specs).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriteNotAuthorizedError);
  expect((error as WriteNotAuthorizedError).reason).toBe(reason);
  expect(describeStoreError(error).key).toBe(`errors:store.notAuthorized.${reason}`);
  expect({ rows: await store.db.rows(STAT_REPORT_TABLE).toArray(), log: await logSize(store), seals: await sealCount(store) }).toEqual(before);
}

describe('the local write gate', () => {
  it('a township officer submits figures for its own township', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await lt03.repo.write([reportWrite('LT-03', { members: 33, notes: { members: '按时上报' }, status: 'submitted' })]);
    expect(await lt03.db.rows(STAT_REPORT_TABLE).get(report('LT-03'))).toMatchObject({ members: 33, status: 'submitted' });
  });

  it('a township officer cannot approve or return its own report (status-not-allowed)', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await lt03.repo.write([reportWrite('LT-03', { status: 'submitted' })]);
    await expectRefused(lt03, [reportWrite('LT-03', { status: 'approved' })], 'status-not-allowed');
    await expectRefused(lt03, [reportWrite('LT-03', { returnComment: '重填' })], 'field-not-allowed');
    await expectRefused(lt03, [reportWrite('LT-03', { status: 'returned' })], 'status-not-allowed');
  });

  it('a township officer cannot write another township’s report (outside-scope), and a batch with one such change is refused whole', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await expectRefused(lt03, [reportWrite('LT-05', { members: 1 })], 'outside-scope');
    await expectRefused(lt03, [reportWrite('LT-03', { members: 34 }), reportWrite('LT-05', { members: 1 })], 'outside-scope');
    // The honest half alone goes through.
    await lt03.repo.write([reportWrite('LT-03', { members: 34 })]);
  });

  it('a township officer cannot edit a report the county approved (report-locked)', async () => {
    const pcs = await countyWithData();
    await pcs.countyPc.repo.write([reportWrite('LT-03', { status: 'approved' })]);
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await expectRefused(lt03, [reportWrite('LT-03', { members: 1 })], 'report-locked');
  });

  it('a township officer opens no rounds, sets no targets, edits no organisations (role-not-allowed)', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await expectRefused(lt03, [{ table: 'round', row: ROUND, scope: 'LT', fields: { status: 'closed' } }], 'role-not-allowed');
    await expectRefused(lt03, [{ table: 'target', row: 't1', scope: 'LT', fields: { appliesTo: 'org', subject: 'org-LT-03', maxRatio: 0.3 } }], 'role-not-allowed');
    await expectRefused(lt03, [{ table: 'org', row: 'org-LT-03', scope: 'LT-03', fields: { name: { zh: '改名' } } }], 'role-not-allowed');
  });

  it('notices: a township officer only with the jobs grant, and only for its own township', async () => {
    const pcs = await countyWithData();
    const notice = (township: string) => ({ table: 'notice', row: `n-${township}`, scope: township, fields: { townshipId: `org-${township}` } });
    const without = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await expectRefused(without, [notice('LT-03')], 'role-not-allowed');
    const granted = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03', grants: ['jobs'] });
    await expectRefused(granted, [notice('LT-05')], 'outside-scope');
  });

  it('a judge writes only the scores it is assigned (not-own-score), and nothing else', async () => {
    const pcs = await countyWithData();
    const judge = await pcOf(pcs, { role: 'judge', scope: 'LT', judging: [{ contest: 'c1', judge: 'j1' }] });
    const score = (contest: string, judgeId: string) => ({ table: 'score', row: `e1~${judgeId}`, scope: 'LT', fields: { contestId: contest, entryId: 'e1', judgeId, points: { content: 8 } } });
    await judge.repo.write([score('c1', 'j1')]);
    await expectRefused(judge, [score('c2', 'j2')], 'not-own-score');
    await expectRefused(judge, [score('c1', 'j2')], 'not-own-score');
    await expectRefused(judge, [reportWrite('LT-03', { members: 1 })], 'role-not-allowed');
  });

  it('a viewer writes no figures, but names its own PC', async () => {
    const pcs = await countyWithData();
    const viewer = await pcOf(pcs, { role: 'viewer', scope: 'LT' });
    await expectRefused(viewer, [reportWrite('LT-03', { members: 1 })], 'role-not-allowed');
    await viewer.repo.write([{ table: 'device', row: viewer.device.id, scope: 'LT', fields: { name: '宣传部' } }]);
    await expectRefused(viewer, [{ table: 'device', row: pcs.countyPc.device.id, scope: 'LT', fields: { name: '假县委' } }], 'not-own-device-row');
  });

  it('the county administrator writes everything in the county — but the county root stays fixed', async () => {
    const { countyPc } = await countyWithData();
    await countyPc.repo.write([reportWrite('LT-05', { status: 'approved' }), { table: 'round', row: ROUND, scope: 'LT', fields: { status: 'closed' } }]);
    await countyPc.repo.write([{ table: 'org', row: 'org-LT-03', scope: 'LT-03', fields: { name: { zh: '新名' } } }]);
    await expectRefused(countyPc, [{ table: 'org', row: 'org-LT', scope: 'LT', fields: { archived: true } }], 'county-root-fixed');
  });

  it('a revoked PC writes nothing (revoked)', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await holdTrustRecords(lt03.db, [await revokeDevice({ device: lt03.device.id, vector: {}, seen: [], cause: 'lost' }, pcs.county.authority, ISO(T0))]);
    await expectRefused(lt03, [reportWrite('LT-03', { members: 1 })], 'revoked');
  });

  it('a revocation stored after this PC last wrote refuses its very next write, though the standing it wrote under was checked and kept', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await lt03.repo.write([reportWrite('LT-03', { members: 33 })]);
    await holdTrustRecords(lt03.db, [await revokeDevice({ device: lt03.device.id, vector: {}, seen: [], cause: 'lost' }, pcs.county.authority, ISO(T0))]);
    await expectRefused(lt03, [reportWrite('LT-03', { members: 34 })], 'revoked');
  });

  it('a revocation stored by another window of the same profile refuses this window’s next write', async () => {
    const pcs = await countyWithData();
    const [first, second] = await twoWindowsOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await first.repo.write([reportWrite('LT-03', { members: 33 })]);
    await holdTrustRecords(second.db, [await revokeDevice({ device: first.device.id, vector: {}, seen: [], cause: 'lost' }, pcs.county.authority, ISO(T0))]);
    await expectRefused(first, [reportWrite('LT-03', { members: 34 })], 'revoked');
    await expectRefused(second, [reportWrite('LT-03', { members: 34 })], 'revoked');
  });

  it('a certificate stored by another window of the same profile governs this window’s next write', async () => {
    const pcs = await countyWithData();
    const [first, second] = await twoWindowsOf(pcs);
    // Not enrolled yet: it works alone, and writes what it likes here.
    await first.repo.write([reportWrite('LT-05', { members: 2 })]);
    await holdTrustRecords(second.db, [await certificateFor(pcs.county, second, { role: 'townshipOfficer', scope: 'LT-03' })]);
    await expectRefused(first, [reportWrite('LT-05', { members: 3 })], 'outside-scope');
    await first.repo.write([reportWrite('LT-03', { members: 3 })]);
  });

  it('a PC whose certificate has ended writes nothing (certificate-expired)', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03', validFrom: ISO(T0 - 365 * DAY), validTo: ISO(T0) });
    await expectRefused(lt03, [reportWrite('LT-03', { members: 1 })], 'certificate-expired');
  });

  it('a PC not enrolled works alone: every write goes; once its certificate arrives, the rules apply', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs);
    await lt03.repo.write([reportWrite('LT-05', { members: 2 })]);
    await holdTrustRecords(lt03.db, [await certificateFor(pcs.county, lt03, { role: 'townshipOfficer', scope: 'LT-03' })]);
    await expectRefused(lt03, [reportWrite('LT-05', { members: 3 })], 'outside-scope');
  });

  it('a PC with no county pinned is not decided at all', async () => {
    const alone = await openStore(freshDb());
    await writeSmallCounty(alone);
    await alone.repo.write([reportWrite('LT-03', { status: 'approved' })]);
    expect(await alone.db.rows(STAT_REPORT_TABLE).get(report('LT-03'))).toMatchObject({ status: 'approved' });
  });

  it('settling a conflict is a write like any other: a township officer cannot settle one on another township’s report', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    const conflict = { id: 'c', table: REPORTS, row: report('LT-05'), field: 'members', scope: 'LT-05', kept: { value: 10, hlc: '' }, overwritten: { value: 11, hlc: '' }, detectedAt: T0 };
    const error = await lt03.repo.resolveConflict(conflict, 12).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteNotAuthorizedError);
    expect((error as WriteNotAuthorizedError).reason).toBe('outside-scope');
  });
});

describe('a pinned county record that no longer verifies (damaged, or a signature this runtime cannot check) fails closed', () => {
  /** Damages the pinned home record's signature in place, as a disk fault or an edit in IndexedDB would. */
  async function damageHome(store: Store): Promise<void> {
    const entry = (await store.db.meta.get('homeAuthority'))!;
    const record = entry.value as { signature: string };
    const flipped = record.signature.startsWith('A') ? `B${record.signature.slice(1)}` : `A${record.signature.slice(1)}`;
    await store.db.meta.put({ key: 'homeAuthority', value: { ...record, signature: flipped } });
  }

  it('writes nothing here (home-unverified), where falling back to "alone" would write anything', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await damageHome(lt03);
    expect(await lt03.standing.standing()).toEqual({ state: 'home-unverified', reason: 'home-unverified' });
    await expectRefused(lt03, [reportWrite('LT-03', { members: 34 })], 'home-unverified');
    await expectRefused(lt03, [reportWrite('LT-03', { status: 'approved' })], 'home-unverified');
  });

  it('lets nothing of a file in, keeps every new change aside with the reason, and lets them in once the record is set right', async () => {
    const pcs = await countyWithData();
    const lt03 = await pcOf(pcs, { role: 'townshipOfficer', scope: 'LT-03' });
    await lt03.repo.write([reportWrite('LT-03', { members: 33, status: 'submitted' })]);
    const file = await fullFile(lt03);
    const good = (await pcs.countyPc.db.meta.get('homeAuthority'))!.value;
    await damageHome(pcs.countyPc);
    const { review: seen, outcome } = await importFiles(pcs.countyPc, file);
    expect(seen.trust?.find((w) => w.device === lt03.identity.device)).toMatchObject({ authorized: 0, refused: { 'home-unverified': 1 } });
    expect(outcome.applied).toBe(0);
    expect(await pcs.countyPc.db.rows(STAT_REPORT_TABLE).get(report('LT-03'))).not.toMatchObject({ members: 33 });
    const aside = await readAll(pcs.countyPc.db, (tx) => tx.table<{ reason: string }, string>('refused').toArray());
    expect(new Set(aside.map((r) => r.reason))).toEqual(new Set(['home-unverified']));

    // Pinning another county is still refused; the same county's good record sets it right.
    expect(await pinHomeAuthority(pcs.countyPc.db, (await makeCounty('BG')).home.record)).toEqual({ ok: false, reason: 'home-fixed' });
    expect(await pinHomeAuthority(pcs.countyPc.db, good as AuthorityRecord)).toEqual({ ok: true, pinned: 'now' });
    await importFiles(pcs.countyPc, file);
    expect(await pcs.countyPc.db.rows(STAT_REPORT_TABLE).get(report('LT-03'))).toMatchObject({ members: 33, status: 'submitted' });
    expect(await readAll(pcs.countyPc.db, (tx) => tx.table('refused').count())).toBe(0);
  });
});
