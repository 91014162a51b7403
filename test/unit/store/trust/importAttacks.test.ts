import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/sync/change';
import { formatStamp } from '../../../../shared/sync/hlc';
import { changeHash } from '../../../../shared/trust/seal';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import { encodeBundle } from '../../../../shared/sync/bundle/index';
import { carriedRecordProblem } from '../../../../shared/trust/carried';
import { revokeDevice } from '../../../../shared/trust/revocation';
import { recordId } from '../../../../shared/trust/signed';
import type { ExportedBundle } from '../../../../renderer/src/features/sync/syncService';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { holdTrustRecords, refusedTable, readTrustMaterial, type RefusedEntry } from '../../../../renderer/src/store/trustStore';
import { makeCounty, ISO, T0, DAY } from '../../trust/trustFixtures';
import { freshDb, readAll } from '../fakeDb';
import { certificateFor, countyPcStore, enrolledPc, fullFile, importFiles, pastTheGate, report, review, writeSmallCounty, townshipWorld } from './trustPcs';

/*
 * Issue 14's attacks as journeys between stores that enforce trust: the county PC, two township
 * PCs (LT-03, LT-05), files carried between them. Each attack is refused with its reason, nothing
 * else in the file is lost, and the county can list what it refused.
 */

const reportRow = (store: Store, code: string) => store.db.rows(STAT_REPORT_TABLE).get(report(code));
const refusedHeld = (store: Store): Promise<RefusedEntry[]> => readAll(store.db, (tx) => refusedTable(tx).toArray());
const reasons = (entries: RefusedEntry[]) => entries.map((e) => e.reason).sort();

/** A township's honest edit: new figures, submitted. */
async function submit(store: Store, code: string, members: number): Promise<Change[]> {
  return store.repo.write([{ table: 'statReport', row: report(code), scope: code, fields: { members, status: 'submitted' } }]);
}

/** A file rebuilt from another's contents with changes and trust records edited, as a forger would. */
async function forged(file: ExportedBundle, edit: (changes: Change[], trust: object[]) => { changes: Change[]; trust: object[] }): Promise<ExportedBundle> {
  const { decodeBundle } = await import('../../../../shared/sync/bundle/index');
  const { APP_TABLES } = await import('../../../../shared/app/registry');
  const decoded = await decodeBundle(file.bytes, { tables: APP_TABLES });
  if (!decoded.ok) throw new Error(decoded.reason);
  const { changes, trust } = edit(decoded.changes.map((c) => structuredClone(c)), decoded.trust.map((t) => structuredClone(t)));
  const vector: Record<string, string> = { ...decoded.manifest.vector };
  for (const c of changes) if (!vector[c.device] || vector[c.device]! < c.hlc) vector[c.device] = c.hlc;
  const bytes = await encodeBundle({ ...decoded.manifest, changes, vector, blobs: [], trust }, { tables: APP_TABLES, trustRecord: carriedRecordProblem });
  return { bytes, fileName: `forged-${file.fileName}`, changes: changes.length };
}

describe('attacks at import, between stores', () => {
  it('an honest township file is authorized and applied, and the preview counts it per writing PC', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    const written = await submit(lt03, 'LT-03', 33);
    const { review: reviewed, outcome } = await importFiles(countyPc, await fullFile(lt03));
    expect(outcome).toMatchObject({ applied: written.length, refused: 0 });
    expect(reviewed.trust).toEqual([{ device: lt03.device.id, authorized: written.length, unverified: 0, refused: {} }]);
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 33, status: 'submitted' });
  });

  it('a township file approving its own report: the approval is refused (status-not-allowed), its figures are applied', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    await submit(lt03, 'LT-03', 33);
    await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { status: 'approved' } }]);
    const { review: reviewed, outcome } = await importFiles(countyPc, await fullFile(lt03));
    expect(outcome.refused).toBe(1);
    expect(reviewed.trust![0]).toMatchObject({ device: lt03.device.id, authorized: 1, refused: { 'status-not-allowed': 1 } });
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 33, status: 'submitted' });
    expect(reasons(await refusedHeld(countyPc))).toEqual(['status-not-allowed']);
  });

  it('editing another township’s figures is refused (outside-scope); its own are applied', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    await submit(lt03, 'LT-03', 33);
    await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-05'), scope: 'LT-03', fields: { members: 1 } }]);
    const { outcome } = await importFiles(countyPc, await fullFile(lt03));
    expect(outcome).toMatchObject({ applied: 1, refused: 1 });
    expect(await reportRow(countyPc, 'LT-05')).toMatchObject({ members: 10 });
    expect(reasons(await refusedHeld(countyPc))).toEqual(['outside-scope']);
  });

  it('a change claiming the county PC’s device id, slipped into a township’s file, is refused (no seal of the county PC lists it)', async () => {
    const { countyPc, lt03, lt05 } = await townshipWorld();
    const honest = await submit(lt03, 'LT-03', 33);
    const file = await forged(await fullFile(lt03), (changes, trust) => {
      const stamp = formatStamp(Date.now() + 60_000, 0, countyPc.device.id);
      const fake: Change = { ...honest[0]!, id: stamp, hlc: stamp, device: countyPc.device.id, fields: { status: 'approved' }, base: { status: '' } };
      return { changes: [...changes, fake], trust };
    });
    // Another township imports it: the county PC's own device is not the importer, so the forgery is judged.
    const { outcome } = await importFiles(lt05, file);
    expect(outcome.refused).toBe(1);
    expect(reasons(await refusedHeld(lt05))).toEqual(['no-seal']);
    expect(await reportRow(lt05, 'LT-03')).toMatchObject({ members: 33, status: 'submitted' });
  });

  it('a copied certificate with another key: the township signs as a second PC holding the county PC’s certificate (wrong-key)', async () => {
    const { county, countyPc, lt05 } = await townshipWorld();
    // A PC that copied the county PC's certificate and its device id, but has its own key.
    const impostor = await countyPcStore(county);
    await impostor.db.meta.put({ key: 'identity', value: { device: countyPc.device.id, author: 'mallory' } });
    const copied = await openStore(impostor.db, { enforceTrust: true });
    const countyCert = (await readAll(countyPc.db, readTrustMaterial)).certificates;
    await holdTrustRecords(copied.db, countyCert as object[]);
    await writeSmallCounty(copied);
    const { outcome } = await importFiles(lt05, await fullFile(copied));
    expect(outcome.applied).toBe(0);
    expect(new Set(reasons(await refusedHeld(lt05)))).toEqual(new Set(['wrong-key']));
  });

  it('an altered signed change (hash-not-sealed) and a replay under a new id (no-seal) are refused; the rest is applied', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    const written = await submit(lt03, 'LT-03', 33);
    await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { youth1428: 41 } }]);
    const file = await forged(await fullFile(lt03), (changes, trust) => {
      const altered = changes.map((c) => (c.id === written[0]!.id ? { ...c, fields: { ...c.fields, members: 1_000_452 } } : c));
      const stamp = formatStamp(Date.parse(written[0]!.hlc.slice(0, 24)) + 1, 7, lt03.device.id);
      const replay: Change = { ...written[0]!, id: stamp, hlc: stamp };
      return { changes: [...altered, replay], trust };
    });
    const { outcome } = await importFiles(countyPc, file);
    expect(outcome).toMatchObject({ applied: 1, refused: 2 });
    // The altered one is inside its seal's span but not listed; the replay's new stamp is in no seal's span.
    expect(reasons(await refusedHeld(countyPc))).toEqual(['hash-not-sealed', 'no-seal']);
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 10, youth1428: 41 });
  });

  it('a revoked PC’s later changes are refused; what the county had seen from it stands', async () => {
    const { county, countyPc, lt03 } = await townshipWorld();
    const seen = await submit(lt03, 'LT-03', 20);
    await importFiles(countyPc, await fullFile(lt03));
    const seals = (await readAll(countyPc.db, readTrustMaterial)).seals.filter((s) => (s as { device: string }).device === lt03.device.id);
    const revocation = await revokeDevice({ device: lt03.device.id, vector: { [lt03.device.id]: seen.at(-1)!.hlc }, seen: seals.map((s) => recordId(s as object)), cause: 'stolen' }, county.authority, ISO(T0 + 20 * DAY));
    await holdTrustRecords(countyPc.db, [revocation]);
    await submit(lt03, 'LT-03', 999);
    const { outcome } = await importFiles(countyPc, await fullFile(lt03));
    expect(outcome).toMatchObject({ applied: 0, refused: 1 });
    expect(reasons(await refusedHeld(countyPc))).toEqual(['revoked']);
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 20 });
  });

  it('a certificate whose chain does not reach the county (another authority signed it) is refused (certificate-untrusted)', async () => {
    const { county, countyPc } = await townshipWorld();
    const rogue = await makeCounty('LT');
    const pc = await countyPcStore(county);
    const fake = await certificateFor(rogue, pc, { role: 'townshipOfficer', scope: 'LT-03' });
    await holdTrustRecords(pc.db, [fake]);
    await importFiles(pc, await fullFile(countyPc));
    const written = await submit(pc, 'LT-03', 77);
    const { outcome } = await importFiles(countyPc, await fullFile(pc));
    expect(outcome).toMatchObject({ applied: 0, refused: written.length });
    expect(reasons(await refusedHeld(countyPc))).toEqual(['certificate-untrusted']);
  });

  it('another county’s bundle is refused whole (wrong-county); a county code claimed by another authority is refused per change', async () => {
    const { countyPc } = await townshipWorld();
    const kc = await makeCounty('KC');
    const { store: kcPc } = await enrolledPc(kc, { role: 'countyAdmin', scope: 'KC' });
    await kcPc.repo.write([{ table: 'org', row: 'org-KC', scope: 'KC', fields: { code: 'KC', name: { zh: '库车' }, kind: 'county', parentId: null, archived: false } }]);
    const reviewed = await review(countyPc, await fullFile(kcPc));
    expect(reviewed.files[0]!.refusal?.reason).toBe('wrong-county');
    // Another authority posing as LT: its county PC's changes are refused, the home stays.
    const fakeLt = await makeCounty('LT');
    const { store: fakePc } = await enrolledPc(fakeLt, { role: 'countyAdmin', scope: 'LT' });
    await fakePc.repo.write([{ table: 'org', row: 'org-LT', scope: 'LT', fields: { code: 'LT', name: { zh: '假县委' }, kind: 'county', parentId: null, archived: false } }]);
    const { outcome } = await importFiles(countyPc, await fullFile(fakePc));
    expect(outcome).toMatchObject({ applied: 0, refused: 1 });
    expect(reasons(await refusedHeld(countyPc))).toEqual(['certificate-untrusted']);
  });
});

describe('order and repetition', () => {
  it('a change kept aside is applied when its certificate arrives in a file that does not carry the change again', async () => {
    const county = await makeCounty('LT');
    const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
    await writeSmallCounty(countyPc);
    // LT-03 works before the county has certified it; LT-05 is certified.
    const lt03 = await countyPcStore(county);
    const late = await certificateFor(county, lt03, { role: 'townshipOfficer', scope: 'LT-03' });
    const { store: lt05 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-05' });
    const tree = await fullFile(countyPc);
    await importFiles(lt03, tree);
    await importFiles(lt05, tree);
    const written = await submit(lt03, 'LT-03', 33);
    expect((await importFiles(countyPc, await fullFile(lt03))).outcome.refused).toBe(written.length);
    expect(reasons(await refusedHeld(countyPc))).toEqual(['unknown-device']);
    // LT-03's certificate reaches the county in LT-05's file, which holds none of LT-03's changes.
    await holdTrustRecords(lt05.db, [late]);
    await submit(lt05, 'LT-05', 21);
    const { outcome } = await importFiles(countyPc, await fullFile(lt05));
    expect(outcome).toMatchObject({ applied: 1 + written.length, refused: 0 });
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 33, status: 'submitted' });
    expect(await reportRow(countyPc, 'LT-05')).toMatchObject({ members: 21, status: 'submitted' });
    expect(await refusedHeld(countyPc)).toEqual([]);
  });

  it('changes that arrive before their writer’s certificate are kept aside (unknown-device), and let in when it arrives', async () => {
    const { county, countyPc } = await townshipWorld();
    const pc = await countyPcStore(county);
    await importFiles(pc, await fullFile(countyPc));
    const written = await submit(pc, 'LT-03', 55);
    const first = await importFiles(countyPc, await fullFile(pc));
    expect(first.outcome).toMatchObject({ applied: 0, refused: written.length });
    expect(first.review.trust).toEqual([{ device: pc.device.id, authorized: 0, unverified: 0, refused: { 'unknown-device': written.length } }]);
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 10 });
    // Enrolled now: the county holds the certificate; the next file (any file) re-decides what was kept aside.
    const certificate = await certificateFor(county, pc, { role: 'townshipOfficer', scope: 'LT-03' });
    await holdTrustRecords(pc.db, [certificate]);
    const second = await importFiles(countyPc, await fullFile(pc));
    expect(second.outcome.refused).toBe(0);
    expect(await refusedHeld(countyPc)).toEqual([]);
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 55, status: 'submitted' });
  });

  it('importing the same file twice refuses the same changes once, and applies nothing more', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    await submit(lt03, 'LT-03', 33);
    await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { status: 'approved' } }]);
    const file = await fullFile(lt03);
    await importFiles(countyPc, file);
    const again = await importFiles(countyPc, file);
    expect(again.outcome).toMatchObject({ applied: 0, refused: 1 });
    const held = await refusedHeld(countyPc);
    expect(held).toHaveLength(1);
    expect(held[0]!.hash).toBe(changeHash(held[0]!.change));
  });

  it('without enforcement the same refusals are counted in the preview, and everything is applied as before', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { status: 'approved' } }]);
    const lenient = await openStore(countyPc.db, { enforceTrust: false });
    const { review: reviewed, outcome } = await importFiles(lenient, await fullFile(lt03));
    expect(reviewed.trust![0]).toMatchObject({ refused: { 'status-not-allowed': 1 } });
    expect(outcome).toEqual({ applied: 1, alreadyApplied: expect.any(Number), conflicts: 0 });
    expect(await reportRow(lenient, 'LT-03')).toMatchObject({ status: 'approved' });
  });

  it('a PC with no county authority pinned decides nothing: every new change is unverified and applied', async () => {
    const { countyPc, lt03 } = await townshipWorld();
    const written = await submit(lt03, 'LT-03', 33);
    const alone = await openStore(freshDb(), { enforceTrust: true });
    const { review: reviewed, outcome } = await importFiles(alone, await fullFile(lt03));
    expect(outcome.refused).toBe(0);
    const byDevice = new Map(reviewed.trust!.map((w) => [w.device, w]));
    expect(byDevice.get(lt03.device.id)).toEqual({ device: lt03.device.id, authorized: 0, unverified: written.length, refused: {} });
    expect(byDevice.get(countyPc.device.id)?.unverified).toBeGreaterThan(0);
    expect(await reportRow(alone, 'LT-03')).toMatchObject({ members: 33 });
  });
});
