/**
 * Changes applied before the trust material that refuses them arrived are taken back out (issue 14:
 * a revocation cuts at the known frontier, everywhere). Journeys between stores that enforce trust,
 * by USB file and through the hub; the order-independence of the whole is the property test beside
 * this file (retraction.property.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../../shared/sync/change';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import { revokeDevice, type Revocation } from '../../../../shared/trust/revocation';
import type { Seal } from '../../../../shared/trust/seal';
import { recordId } from '../../../../shared/trust/signed';
import { changeHash } from '../../../../shared/trust/seal';
import { importEnrollmentAnswer, issueForRequest, openEnrollmentRequest, requestToJoin, setUpCountyPc } from '../../../../renderer/src/store/authorityStore';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { decideHeldLog } from '../../../../renderer/src/store/importTrust';
import { holdTrustRecords, readTrustMaterial, refusedTable, type RefusedEntry } from '../../../../renderer/src/store/trustStore';
import { ISO, T0, DAY, ITERATIONS, PASSPHRASE } from '../../trust/trustFixtures';
import { freshDb, readAll } from '../fakeDb';
import { FakeHub } from '../../hub/fakeHub';
import { hubSync, fullFile, importFiles, report, review, writeSmallCounty, type TownshipWorld, townshipWorld } from './trustPcs';

vi.setConfig({ testTimeout: 120_000 });

const reportRow = (store: Store, code: string) => store.db.rows(STAT_REPORT_TABLE).get(report(code));
const refusedHeld = (store: Store): Promise<RefusedEntry[]> => readAll(store.db, (tx) => refusedTable(tx).toArray());

/** LT-03 submits; the county sees it and revokes LT-03 (stolen) at that frontier; the thief writes on. */
async function stolenAfterSeen({ county, countyPc, lt03 }: TownshipWorld): Promise<{ revocation: Revocation; stolen: Change[] }> {
  const seen = await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 20, status: 'submitted' } }]);
  await importFiles(countyPc, await fullFile(lt03));
  const seals = ((await readAll(countyPc.db, readTrustMaterial)).seals as Seal[]).filter((s) => s.device === lt03.device.id);
  const revocation = await revokeDevice({ device: lt03.device.id, vector: { [lt03.device.id]: seen.at(-1)!.hlc }, seen: seals.map((s) => recordId(s)), cause: 'stolen' }, county.authority, ISO(T0 + 20 * DAY));
  await holdTrustRecords(countyPc.db, [revocation]);
  const stolen = [
    ...(await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 999 } }])),
    ...(await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { youth1428: 1 } }])),
  ];
  return { revocation, stolen };
}

describe('taking back what a later revocation cuts', () => {
  it('by USB: a township PC that applied the stolen PC’s changes takes them back when the county’s file brings the revocation; the preview says so per PC, and the same file again does not put them back', async () => {
    const w = await townshipWorld();
    const { stolen } = await stolenAfterSeen(w);
    const thiefFile = await fullFile(w.lt03);
    await importFiles(w.lt05, thiefFile);
    expect(await reportRow(w.lt05, 'LT-03')).toMatchObject({ members: 999, youth1428: 1 });

    const countyFile = await fullFile(w.countyPc);
    const previewed = await review(w.lt05, countyFile);
    expect(previewed.trust!.find((t) => t.device === w.lt03.device.id)).toMatchObject({ takenBack: { revoked: stolen.length } });
    expect(await reportRow(w.lt05, 'LT-03')).toMatchObject({ members: 999 });

    const { outcome } = await importFiles(w.lt05, countyFile);
    expect(outcome).toMatchObject({ takenBack: stolen.length, refused: 0 });
    expect(await reportRow(w.lt05, 'LT-03')).toMatchObject({ members: 20, youth1428: 40, status: 'submitted' });
    const kept = await refusedHeld(w.lt05);
    expect(kept.map((e) => [e.change.id, e.reason, e.takenBack]).sort()).toEqual(stolen.map((c) => [c.id, 'revoked', true]).sort());

    // The thief's file again: its changes are held (by id), so nothing is applied or put back.
    const again = await importFiles(w.lt05, thiefFile);
    expect(again.outcome).toMatchObject({ applied: 0, refused: 0 });
    expect(again.outcome.takenBack).toBeUndefined();
    expect(await reportRow(w.lt05, 'LT-03')).toMatchObject({ members: 20, youth1428: 40 });
    expect(await refusedHeld(w.lt05)).toHaveLength(stolen.length);
  });

  it('a county file bringing only a revocation (every change held already) is still something to import, and the revocation is kept', async () => {
    const { county, countyPc, lt03, lt05 } = await townshipWorld();
    const seen = await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 20, status: 'submitted' } }]);
    await importFiles(countyPc, await fullFile(lt03));
    await importFiles(lt05, await fullFile(countyPc));
    // LT-05 holds every change the county holds: the county's file again is nothing new.
    const same = await review(lt05, await fullFile(countyPc));
    expect(same.prepared?.unheld).toBe(0);

    // The county revokes LT-03, writing no change; its next file carries the revocation and nothing else new.
    const seals = ((await readAll(countyPc.db, readTrustMaterial)).seals as Seal[]).filter((x) => x.device === lt03.device.id);
    const revocation = await revokeDevice({ device: lt03.device.id, vector: { [lt03.device.id]: seen.at(-1)!.hlc }, seen: seals.map((x) => recordId(x)), cause: 'lost' }, county.authority, ISO(T0 + 20 * DAY));
    await holdTrustRecords(countyPc.db, [revocation]);
    const onlyRevocation = await fullFile(countyPc);
    const reviewed = await review(lt05, onlyRevocation);
    expect(reviewed.preview && Object.values(reviewed.preview.perTable).reduce((n, c) => n + (c?.new ?? 0) + (c?.updated ?? 0), 0)).toBe(0);
    expect(reviewed.prepared?.unheld).toBe(1);
    await importFiles(lt05, onlyRevocation);
    const held = (await readAll(lt05.db, readTrustMaterial)).revocations as Revocation[];
    expect(held.map((r) => recordId(r))).toEqual([recordId(revocation)]);
    expect((await review(lt05, onlyRevocation)).prepared?.unheld).toBe(0);
  });

  it('an import stores this PC’s seals still waiting first, so deciding the held log finds its own latest changes sealed', async () => {
    const w = await townshipWorld();
    const [own] = await w.lt05.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 22 } }]);
    const sealedHere = async () => ((await readAll(w.lt05.db, readTrustMaterial)).seals as Seal[]).some((x) => x.hashes.includes(changeHash(own!)));
    // Signed at once, stored by the next write or after a quiet second (sealing.ts SealQueue).
    expect(await sealedHere()).toBe(false);
    await review(w.lt05, await fullFile(w.countyPc));
    expect(await sealedHere()).toBe(true);
  });

  it('an import whose trust records are all held already decides only its new changes; one bringing a revocation decides the log again', async () => {
    const w = await townshipWorld();
    await stolenAfterSeen(w);
    await w.lt05.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 21 } }]);
    const plain = await review(w.countyPc, await fullFile(w.lt05));
    expect(plain.prepared?.redecide).toBeUndefined();
    // A revocation of a PC none of whose changes are held here changes no decision here.
    const countyFile = await fullFile(w.countyPc);
    expect((await review(w.lt05, countyFile)).prepared?.redecide).toBeUndefined();
    await importFiles(w.lt05, await fullFile(w.lt03));
    expect((await review(w.lt05, countyFile)).prepared?.redecide).toEqual({ own: w.lt05.identity.device });
  });

  it('the revoked PC’s own changes are never taken back on that PC (its gate passed them when written; other PCs decide for themselves)', async () => {
    const w = await townshipWorld();
    await stolenAfterSeen(w);
    const { outcome } = await importFiles(w.lt03, await fullFile(w.countyPc));
    expect(outcome.takenBack).toBeUndefined();
    expect(await reportRow(w.lt03, 'LT-03')).toMatchObject({ members: 999 });
  });

  it('through the hub: a pull that brings the revocation takes back what an earlier pull applied', async () => {
    const w = await townshipWorld();
    const hub = new FakeHub();
    await hubSync(hub, w.countyPc, 'LT');
    await hubSync(hub, w.lt05, 'LT-05');
    const { stolen } = await stolenAfterSeen(w);
    // The county PC already holds the revocation here; the thief pushes first, LT-05 pulls its changes.
    await hubSync(hub, w.lt03, 'LT-03');
    await hubSync(hub, w.lt05, 'LT-05');
    expect(await reportRow(w.lt05, 'LT-03')).toMatchObject({ members: 999 });
    // The county pushes (the revocation travels as a trust document) and LT-05 pulls again.
    await w.countyPc.repo.write([{ table: 'round', row: 'round-2026', scope: 'LT', fields: { deadline: '2027-01-25' } }]);
    await hubSync(hub, w.countyPc, 'LT');
    const pulled = await hubSync(hub, w.lt05, 'LT-05');
    expect(pulled.pulled.takenBack).toBe(stolen.length);
    expect(await reportRow(w.lt05, 'LT-03')).toMatchObject({ members: 20, youth1428: 40 });
    expect((await refusedHeld(w.lt05)).map((e) => e.change.id).sort()).toEqual(stolen.map((c) => c.id).sort());
  });

  /** A township PC, waiting for its enrolment answer, imports the county's file and a never-enrolled stranger's edit of LT-03's figures, then takes the answer. */
  async function enrolledAfterImporting() {
    const now = new Date();
    const county = await openStore(freshDb(), { enforceTrust: true });
    const made = await setUpCountyPc(county, { county: 'LT', passphrase: PASSPHRASE, now, iterations: ITERATIONS });
    if (!made.ok) throw new Error(made.reason);
    await writeSmallCounty(county);
    const countyFile = await fullFile(county);
    const stranger = await openStore(freshDb(), { enforceTrust: true });
    await importFiles(stranger, countyFile);
    const written = await stranger.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 7 } }]);
    const township = await openStore(freshDb(), { enforceTrust: true });
    const asked = await requestToJoin(township, now);
    await importFiles(township, countyFile);
    await importFiles(township, await fullFile(stranger));
    expect(await reportRow(township, 'LT-03')).toMatchObject({ members: 7 });
    const certify = async (store: Store, scope: string, text?: string) => {
      const opened = await openEnrollmentRequest(county, text ?? (await requestToJoin(store, now)).text);
      if (!opened.ok) throw new Error(opened.reason);
      const issued = await issueForRequest(county, opened.request, { role: 'townshipOfficer', scope, validFrom: new Date(now.getTime() - DAY).toISOString(), validTo: new Date(now.getTime() + 365 * DAY).toISOString() }, PASSPHRASE, now);
      if (!issued.ok) throw new Error(issued.reason);
      return issued.answer.text;
    };
    expect(await importEnrollmentAnswer(township, await certify(township, 'LT-03', asked.text))).toMatchObject({ ok: true, pinned: 'now' });
    return { county, township, stranger, written, certify };
  }

  it('on enrolment: what a PC imported while it belonged to no county is decided once its county is pinned — a stranger’s changes are taken back, and put back when the stranger is certified later', async () => {
    const { county, township, stranger, written, certify } = await enrolledAfterImporting();
    expect(await reportRow(township, 'LT-03')).toMatchObject({ members: 10, status: 'draft' });
    expect((await refusedHeld(township)).map((e) => [e.change.id, e.reason, e.takenBack])).toEqual(written.map((c) => [c.id, 'unknown-device', true]));

    // The county enrolls the stranger after all: its certificate, in the county's next file, puts the change back.
    await certify(stranger, 'LT-03');
    const { review: reviewed } = await importFiles(township, await fullFile(county));
    expect(reviewed.prepared?.redecide).toBeDefined();
    expect(await reportRow(township, 'LT-03')).toMatchObject({ members: 7 });
    expect(await refusedHeld(township)).toEqual([]);
  });

  it('deciding the held log again applies what was kept aside and is authorized now — it does not only drop it from the refused list', async () => {
    const { county, township, stranger, certify } = await enrolledAfterImporting();
    // A second edit by the stranger arrives after the township is pinned: kept aside, never applied.
    const later = await stranger.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { youth1428: 33 } }]);
    await importFiles(township, await fullFile(stranger));
    expect((await refusedHeld(township)).map((e) => e.change.id)).toContain(later[0]!.id);
    // The stranger's certificate reaches the township outside any import (held as enrolment holds records); the log is decided again.
    await certify(stranger, 'LT-03');
    const certificates = ((await readAll(county.db, readTrustMaterial)).certificates as { device: string }[]).filter((c) => c.device === stranger.device.id);
    await holdTrustRecords(township.db, certificates);
    await decideHeldLog(township.db, true);
    expect(await reportRow(township, 'LT-03')).toMatchObject({ members: 7, youth1428: 33 });
    expect(await refusedHeld(township)).toEqual([]);
  });

  it('on the county’s PC, certifying a PC lets in what it sent before at once, without waiting for another file', async () => {
    const { county, stranger, certify } = await enrolledAfterImporting();
    await importFiles(county, await fullFile(stranger));
    expect((await refusedHeld(county)).map((e) => e.reason)).toEqual(['unknown-device']);
    expect(await reportRow(county, 'LT-03')).toMatchObject({ members: 10 });
    await certify(stranger, 'LT-03');
    expect(await refusedHeld(county)).toEqual([]);
    expect(await reportRow(county, 'LT-03')).toMatchObject({ members: 7 });
  });

  it('a change taken back stays out with its reason brought up to date when later material refuses it for another reason', async () => {
    const { county, township, stranger, written, certify } = await enrolledAfterImporting();
    // Certified for LT-05: its edit of LT-03's figures is now outside its scope.
    await certify(stranger, 'LT-05');
    await importFiles(township, await fullFile(county));
    expect(await reportRow(township, 'LT-03')).toMatchObject({ members: 10 });
    expect((await refusedHeld(township)).map((e) => [e.change.id, e.reason, e.takenBack])).toEqual(written.map((c) => [c.id, 'outside-scope', true]));
  });
});
