import { describe, expect, it } from 'vitest';
import { ORG_TABLE } from '../../../../shared/orgs/tables';
import { decodeBundle } from '../../../../shared/sync/bundle/decode';
import { readAuthorityFile } from '../../../../shared/trust/authorityFile';
import { readEnrollmentRequest } from '../../../../shared/trust/enrollment';
import { fingerprint } from '../../../../shared/trust/keys';
import { makeBackup } from '../../../../renderer/src/store/backups';
import {
  authorityBackup,
  holdsCountyAuthority,
  importEnrollmentAnswer,
  handOnAuthority,
  recoverAuthority,
  openEnrollmentAnswer,
  takeEnrollmentAnswer,
  issueForRequest,
  openEnrollmentRequest,
  readEnrolledPcs,
  readEnrollment,
  requestToJoin,
  restoreCountyPc,
  revokePc,
  setUpCountyPc,
} from '../../../../renderer/src/store/authorityStore';
import { loadDemoCounty } from '../../../../renderer/src/store/demo';
import { encodeFullBundle } from '../../../../renderer/src/store/fullBundle';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { holdTrustRecords, readHomeAuthority } from '../../../../renderer/src/store/trustStore';
import { ITERATIONS, PASSPHRASE } from '../../trust/trustFixtures';
import { freshDb, readAll } from '../fakeDb';
import { importFiles, pastTheGate, report, writeSmallCounty, fullFile } from './trustPcs';

const NOW = new Date(Date.UTC(2026, 11, 7, 9));
const VALIDITY = { validFrom: NOW.toISOString(), validTo: new Date(Date.UTC(2029, 0, 1)).toISOString() };

async function countyPc(): Promise<{ store: Store; recoveryCode: string }> {
  const store = await openStore(freshDb(), { enforceTrust: true });
  const made = await setUpCountyPc(store, { county: 'LT', name: { zh: '共青团轮台县委员会' }, passphrase: PASSPHRASE, now: NOW, iterations: ITERATIONS });
  if (!made.ok) throw new Error(made.reason);
  return { store, recoveryCode: made.recoveryCode };
}

/** A township PC asks, the county issues a township officer for `scope`, the answer is carried back. */
async function enroll(county: Store, scope = 'LT-03'): Promise<{ store: Store; answer: string }> {
  const store = await openStore(freshDb(), { enforceTrust: true });
  const asked = await requestToJoin(store, NOW);
  const opened = await openEnrollmentRequest(county, asked.text);
  if (!opened.ok) throw new Error(opened.reason);
  const issued = await issueForRequest(county, opened.request, { role: 'townshipOfficer', scope, ...VALIDITY }, PASSPHRASE, NOW);
  if (!issued.ok) throw new Error(issued.reason);
  const taken = await importEnrollmentAnswer(store, issued.answer.text);
  if (!taken.ok) throw new Error(taken.reason);
  return { store, answer: issued.answer.text };
}

describe('setting up the county’s PC', () => {
  it('makes the authority, pins it as home, keeps it encrypted under the passphrase, and certifies this PC as county administrator', async () => {
    const { store, recoveryCode } = await countyPc();
    expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(await holdsCountyAuthority(store.db)).toBe(true);
    const home = await readAll(store.db, readHomeAuthority);
    expect(home?.county).toBe('LT');
    const where = await readEnrollment(store);
    expect(where).toMatchObject({ state: 'county', county: 'LT', certificate: { role: 'countyAdmin', scope: 'LT', device: store.device.id } });
    const backup = await authorityBackup(store, PASSPHRASE);
    expect(backup).toMatchObject({ ok: true, fileName: 'LT-authority.leaguekey' });
    if (backup.ok) expect((await readAuthorityFile(backup.text, PASSPHRASE)).ok).toBe(true);
    expect(await authorityBackup(store, 'not the passphrase at all')).toEqual({ ok: false, reason: 'wrong-passphrase' });
  });

  it('refuses a weak passphrase and a malformed county code, making nothing', async () => {
    const store = await openStore(freshDb());
    expect(await setUpCountyPc(store, { county: 'LT', passphrase: 'short', iterations: ITERATIONS })).toEqual({ ok: false, reason: 'weak-passphrase' });
    expect(await setUpCountyPc(store, { county: 'lt-1', passphrase: PASSPHRASE, iterations: ITERATIONS })).toEqual({ ok: false, reason: 'county-invalid' });
    expect(await holdsCountyAuthority(store.db)).toBe(false);
    expect(await readAll(store.db, readHomeAuthority)).toBeUndefined();
  });

  it('is refused on a PC already of a county (the demo, or set up before)', async () => {
    const demo = await openStore(freshDb());
    await loadDemoCounty(demo);
    expect(await setUpCountyPc(demo, { county: 'LT', passphrase: PASSPHRASE, iterations: ITERATIONS })).toEqual({ ok: false, reason: 'home-fixed' });
    const { store } = await countyPc();
    expect(await setUpCountyPc(store, { county: 'LT', passphrase: PASSPHRASE, iterations: ITERATIONS })).toEqual({ ok: false, reason: 'home-fixed' });
  });

  it('never puts the authority in a full bundle or a backup', async () => {
    const { store } = await countyPc();
    await writeSmallCounty(store);
    const held = await authorityBackup(store, PASSPHRASE);
    if (!held.ok) throw new Error(held.reason);
    const ciphertext = (JSON.parse(held.text) as { sealed: { ciphertext: string } }).sealed.ciphertext;
    const full = await encodeFullBundle(store, { now: NOW });
    const backup = await makeBackup(store, 'manual', NOW, undefined);
    for (const bytes of [full!.bytes, backup!.bytes]) {
      const decoded = await decodeBundle(bytes, { tables: store.db.syncTables });
      if (!decoded.ok) throw new Error(decoded.reason);
      const carried = JSON.stringify([decoded.trust, decoded.changes, decoded.manifest]);
      expect(carried).not.toContain(ciphertext);
      expect(carried).not.toContain('league-desk-authority-key');
    }
  });
});

describe('restoring the county’s PC from its authority file', () => {
  it('on a new PC: pins the same county, keeps the file, certifies the new PC; the old PC’s certificates still stand', async () => {
    const { store: old } = await countyPc();
    const { store: township } = await enroll(old);
    const file = await authorityBackup(old, PASSPHRASE);
    if (!file.ok) throw new Error(file.reason);
    const fresh = await openStore(freshDb(), { enforceTrust: true });
    expect(await restoreCountyPc(fresh, file.text, 'wrong passphrase!!')).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await holdsCountyAuthority(fresh.db)).toBe(false);
    const restored = await restoreCountyPc(fresh, file.text, PASSPHRASE, NOW);
    expect(restored).toMatchObject({ ok: true, certificate: { role: 'countyAdmin', scope: 'LT', device: fresh.device.id } });
    expect(await holdsCountyAuthority(fresh.db)).toBe(true);
    // The new county PC issues under the same authority: a PC enrolled by it is of the same county.
    const { store: judge } = await enroll(fresh, 'LT-05');
    expect((await readEnrollment(judge)).state).toBe('enrolled');
    // The township enrolled by the old PC takes the new county PC's files (same authority).
    await writeSmallCounty(fresh);
    const { outcome } = await importFiles(township, await fullFile(fresh));
    expect(outcome.refused ?? 0).toBe(0);
  });

  it('is refused on a PC pinned to another county', async () => {
    const { store: lt } = await countyPc();
    const file = await authorityBackup(lt, PASSPHRASE);
    if (!file.ok) throw new Error(file.reason);
    const demo = await openStore(freshDb());
    await loadDemoCounty(demo);
    expect(await restoreCountyPc(demo, file.text, PASSPHRASE)).toEqual({ ok: false, reason: 'home-fixed' });
  });
});

describe('joining a county', () => {
  it('a PC that asked is “requested” with its fingerprint until the answer comes; then enrolled with its role and scope', async () => {
    const { store: county } = await countyPc();
    const township = await openStore(freshDb(), { enforceTrust: true });
    expect(await readEnrollment(township)).toEqual({ state: 'alone' });
    const asked = await requestToJoin(township, NOW);
    expect(asked.fileName).toBe(`${township.device.id}.leaguejoin`);
    expect(asked.fingerprint).toBe(fingerprint(township.device.keys.publicKey));
    const read = await readEnrollmentRequest(JSON.parse(asked.text));
    expect(read.ok && read.fingerprint).toBe(asked.fingerprint);
    expect(await readEnrollment(township)).toMatchObject({ state: 'requested', pending: { fingerprint: asked.fingerprint } });

    const opened = await openEnrollmentRequest(county, asked.text);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.fingerprint).toBe(asked.fingerprint);
    const issued = await issueForRequest(county, opened.request, { role: 'townshipOfficer', scope: 'LT-03', grants: ['jobs'], ...VALIDITY }, PASSPHRASE, NOW);
    if (!issued.ok) throw new Error(issued.reason);
    expect(issued.answer.fileName).toBe(`LT-${township.device.id}.leaguecert`);

    expect(await importEnrollmentAnswer(township, issued.answer.text)).toMatchObject({ ok: true, pinned: 'now' });
    expect(await readEnrollment(township)).toMatchObject({ state: 'enrolled', county: 'LT', demo: false, certificate: { role: 'townshipOfficer', scope: 'LT-03', grants: ['jobs'] } });
    // The same answer again: nothing changes.
    expect(await importEnrollmentAnswer(township, issued.answer.text)).toMatchObject({ ok: true, pinned: 'already' });
    expect((await readEnrollment(township)).state).toBe('enrolled');
  });

  it('an enrolled township’s figures are authorized at the county; another township’s are not', async () => {
    const { store: county } = await countyPc();
    await writeSmallCounty(county);
    const { store: township } = await enroll(county, 'LT-03');
    await importFiles(township, await fullFile(county));
    await township.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 12 } }]);
    // The township's own PC refuses to write another township's figures; an altered app would.
    const other = [{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 1 } }];
    await expect(township.repo.write(other)).rejects.toMatchObject({ reason: 'outside-scope' });
    await pastTheGate(township, other);
    const { review } = await importFiles(county, await fullFile(township));
    const fromTownship = review.trust?.find((s) => s.device === township.device.id);
    expect(fromTownship?.authorized).toBe(1);
    expect(Object.values(fromTownship?.refused ?? {}).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('refuses an answer for another PC, one not signed by the county, one of another county than the pinned one, and garbage', async () => {
    const { store: county } = await countyPc();
    const { answer } = await enroll(county);
    const other = await openStore(freshDb());
    await requestToJoin(other, NOW);
    expect(await importEnrollmentAnswer(other, answer)).toEqual({ ok: false, reason: 'not-for-this-pc' });
    expect(await importEnrollmentAnswer(other, 'not json')).toEqual({ ok: false, reason: 'not-json' });
    expect(await importEnrollmentAnswer(other, '{"format":"league-desk-enrollment-answer","version":9}')).toEqual({ ok: false, reason: 'newer-version' });
    expect(await importEnrollmentAnswer(other, '{"format":"something-else"}')).toEqual({ ok: false, reason: 'unknown-format' });
    expect((await readEnrollment(other)).state).toBe('requested');

    // A county of the same code made elsewhere signs a certificate for `other`, but hands over the real county's home.
    const { store: forger } = await countyPc();
    const asked = await requestToJoin(other, NOW);
    const opened = await openEnrollmentRequest(forger, asked.text);
    if (!opened.ok) throw new Error(opened.reason);
    const forged = await issueForRequest(forger, opened.request, { role: 'countyAdmin', scope: 'LT', ...VALIDITY }, PASSPHRASE, NOW);
    if (!forged.ok) throw new Error(forged.reason);
    const realHome = JSON.parse(answer).home;
    const swapped = JSON.stringify({ ...JSON.parse(forged.answer.text), home: realHome });
    expect(await importEnrollmentAnswer(other, swapped)).toEqual({ ok: false, reason: 'not-from-county' });

    // The demo PC (pinned to the demo county) cannot take a real county's answer.
    const demo = await openStore(freshDb());
    await loadDemoCounty(demo);
    const demoAsked = await requestToJoin(demo, NOW);
    const demoOpened = await openEnrollmentRequest(county, demoAsked.text);
    if (!demoOpened.ok) throw new Error(demoOpened.reason);
    const toDemo = await issueForRequest(county, demoOpened.request, { role: 'viewer', scope: 'LT', ...VALIDITY }, PASSPHRASE, NOW);
    if (!toDemo.ok) throw new Error(toDemo.reason);
    expect(await importEnrollmentAnswer(demo, toDemo.answer.text)).toEqual({ ok: false, reason: 'home-fixed' });
  });
});

describe('taking the first answer: the county authority’s fingerprint is compared first', () => {
  it('shows the fingerprint the county’s PCs page shows, and a forger’s own complete answer shows another one', async () => {
    const { store: county } = await countyPc();
    const countyShows = await readEnrollment(county);
    if (countyShows.state !== 'county') throw new Error(countyShows.state);
    const township = await openStore(freshDb());
    const asked = await requestToJoin(township, NOW);
    const opened = await openEnrollmentRequest(county, asked.text);
    if (!opened.ok) throw new Error(opened.reason);
    const issued = await issueForRequest(county, opened.request, { role: 'townshipOfficer', scope: 'LT', ...VALIDITY }, PASSPHRASE, NOW);
    if (!issued.ok) throw new Error(issued.reason);
    const real = await openEnrollmentAnswer(township, issued.answer.text);
    expect(real).toMatchObject({ ok: true, opened: { county: 'LT', confirm: true, authorityFingerprint: countyShows.authorityFingerprint } });

    // Anyone can make an authority of the code LT and answer the same request file: it reads, but its fingerprint differs.
    const { store: forger } = await countyPc();
    const forgedOpened = await openEnrollmentRequest(forger, asked.text);
    if (!forgedOpened.ok) throw new Error(forgedOpened.reason);
    const forged = await issueForRequest(forger, forgedOpened.request, { role: 'countyAdmin', scope: 'LT', ...VALIDITY }, PASSPHRASE, NOW);
    if (!forged.ok) throw new Error(forged.reason);
    const read = await openEnrollmentAnswer(township, forged.answer.text);
    expect(read.ok && read.opened.authorityFingerprint).not.toBe(countyShows.authorityFingerprint);
    // Opening is not taking: nothing is pinned until the person confirms.
    expect(await readAll(township.db, readHomeAuthority)).toBeUndefined();
    expect((await readEnrollment(township)).state).toBe('requested');

    if (!real.ok) throw new Error(real.reason);
    expect(await takeEnrollmentAnswer(township, real.opened)).toMatchObject({ ok: true, pinned: 'now' });
    // A renewal from the county pinned needs no comparing; the forger's answer is now another county's.
    expect(await openEnrollmentAnswer(township, issued.answer.text)).toMatchObject({ ok: true, opened: { confirm: false } });
    expect(await openEnrollmentAnswer(township, forged.answer.text)).toEqual({ ok: false, reason: 'home-fixed' });
  });

  it('a PC that never asked to join takes no answer (not-requested)', async () => {
    const { store: county } = await countyPc();
    const township = await openStore(freshDb());
    const asked = await requestToJoin(township, NOW);
    const opened = await openEnrollmentRequest(county, asked.text);
    if (!opened.ok) throw new Error(opened.reason);
    const issued = await issueForRequest(county, opened.request, { role: 'viewer', scope: 'LT', ...VALIDITY }, PASSPHRASE, NOW);
    if (!issued.ok) throw new Error(issued.reason);
    // Its request forgotten (the meta entry gone): the answer arrives unasked.
    await township.db.meta.delete('enrollment');
    expect(await openEnrollmentAnswer(township, issued.answer.text)).toEqual({ ok: false, reason: 'not-requested' });
  });
});

describe('what this PC is, as its enrolment page says', () => {
  it('counts only a certificate that stands under the pinned county: a forged one carried in a file shows no role', async () => {
    const { store: county } = await countyPc();
    const { store: township } = await enroll(county, 'LT-03');
    // Another authority of the same code issues this PC a county administrator's certificate, and it arrives in some file.
    const { store: forger } = await countyPc();
    const asked = await openEnrollmentRequest(forger, (await requestToJoin(township, NOW)).text);
    if (!asked.ok) throw new Error(asked.reason);
    const forged = await issueForRequest(forger, asked.request, { role: 'countyAdmin', scope: 'LT', ...VALIDITY, validFrom: new Date(NOW.getTime() + 1000).toISOString() }, PASSPHRASE, new Date(NOW.getTime() + 1000));
    if (!forged.ok) throw new Error(forged.reason);
    await holdTrustRecords(township.db, [forged.certificate]);
    expect(await readEnrollment(township)).toMatchObject({ state: 'enrolled', certificate: { role: 'townshipOfficer', scope: 'LT-03' } });
  });
});

describe('handing the county’s authority on (a succession)', () => {
  const NEW = '轮台县团委 新的授权口令 2027';
  // An hour after the county was set up (NOW), before any write these tests make at the real time.
  const LATER = new Date(NOW.getTime() + 3_600_000);

  it('with the passphrase: a new key and recovery code; what was issued before stands, the new file opens only with the new passphrase, and a new PC restored from it is the county’s PC', async () => {
    const { store: county } = await countyPc();
    await writeSmallCounty(county);
    const { store: township } = await enroll(county, 'LT-03');
    expect(await handOnAuthority(county, { passphrase: 'not it', newPassphrase: NEW, now: LATER, iterations: ITERATIONS })).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await handOnAuthority(county, { passphrase: PASSPHRASE, newPassphrase: 'short', now: LATER, iterations: ITERATIONS })).toEqual({ ok: false, reason: 'weak-passphrase' });
    const handed = await handOnAuthority(county, { passphrase: PASSPHRASE, newPassphrase: NEW, now: LATER, iterations: ITERATIONS });
    if (!handed.ok) throw new Error(handed.reason);
    expect(handed.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(await authorityBackup(county, PASSPHRASE)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    const saved = await authorityBackup(county, NEW);
    if (!saved.ok) throw new Error(saved.reason);
    // The county PC still writes as the county; the township enrolled before still stands.
    expect(await county.standing.standing(LATER.getTime() + 1000)).toMatchObject({ state: 'enrolled', role: 'countyAdmin' });
    await importFiles(township, await fullFile(county));
    await township.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 12 } }]);
    const { review } = await importFiles(county, await fullFile(township));
    expect(review.trust?.find((w) => w.device === township.device.id)).toMatchObject({ authorized: 1, refused: {} });

    // A new PC restored from the new file (the line of successions in it) is certified, and its certificate stands.
    const replacement = await openStore(freshDb(), { enforceTrust: true });
    const restored = await restoreCountyPc(replacement, saved.text, NEW, LATER);
    if (!restored.ok) throw new Error(restored.reason);
    expect(await replacement.standing.standing(LATER.getTime() + 1000)).toMatchObject({ state: 'enrolled', role: 'countyAdmin' });
  });

  it('a certificate the old key signs after the handover is not believed (issuer-retired): a stolen old passphrase issues nothing', async () => {
    const { store: county } = await countyPc();
    await writeSmallCounty(county);
    const backupBefore = await authorityBackup(county, PASSPHRASE);
    if (!backupBefore.ok) throw new Error(backupBefore.reason);
    const dataBefore = await fullFile(county);
    const handed = await handOnAuthority(county, { passphrase: PASSPHRASE, newPassphrase: NEW, now: LATER, iterations: ITERATIONS });
    if (!handed.ok) throw new Error(handed.reason);
    // Whoever kept the old file and passphrase sets up a PC with it, and issues a PC of its own after the handover.
    const thief = await openStore(freshDb(), { enforceTrust: true });
    const stolen = await restoreCountyPc(thief, backupBefore.text, PASSPHRASE, new Date(LATER.getTime() + 60_000));
    if (!stolen.ok) throw new Error(stolen.reason);
    await importFiles(thief, dataBefore);
    const theirs = await openStore(freshDb(), { enforceTrust: true });
    const asked = await openEnrollmentRequest(thief, (await requestToJoin(theirs, LATER)).text);
    if (!asked.ok) throw new Error(asked.reason);
    const forged = await issueForRequest(thief, asked.request, { role: 'countyAdmin', scope: 'LT', ...VALIDITY, validFrom: LATER.toISOString() }, PASSPHRASE, new Date(LATER.getTime() + 60_000));
    if (!forged.ok) throw new Error(forged.reason);
    expect(await importEnrollmentAnswer(theirs, forged.answer.text)).toMatchObject({ ok: true });
    await importFiles(theirs, await fullFile(thief));
    await theirs.repo.write([{ table: 'org', row: 'org-LT', scope: 'LT', fields: { name: { zh: '冒名的县' } } }]);
    const { review } = await importFiles(county, await fullFile(theirs));
    expect(review.trust?.find((w) => w.device === theirs.device.id)).toMatchObject({ authorized: 0, refused: { 'certificate-untrusted': 1 } });
    expect((await county.db.rows(ORG_TABLE).get('org-LT'))?.['name']).not.toEqual({ zh: '冒名的县' });
  });

  it('with the recovery code, on a township’s PC when the county’s PC and its passphrase are lost: that PC becomes the county’s PC', async () => {
    const { store: county, recoveryCode } = await countyPc();
    await writeSmallCounty(county);
    const { store: township } = await enroll(county, 'LT-03');
    await importFiles(township, await fullFile(county));
    expect(await recoverAuthority(township, { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', newPassphrase: NEW, now: LATER, iterations: ITERATIONS })).toMatchObject({ ok: false });
    expect(await holdsCountyAuthority(township.db)).toBe(false);
    const taken = await recoverAuthority(township, { recoveryCode: recoveryCode.toLowerCase(), newPassphrase: NEW, now: LATER, iterations: ITERATIONS });
    if (!taken.ok) throw new Error(taken.reason);
    expect(taken.recoveryCode).not.toBe(recoveryCode);
    expect(await holdsCountyAuthority(township.db)).toBe(true);
    expect(await readEnrollment(township)).toMatchObject({ state: 'county', county: 'LT' });
    expect(await township.standing.standing(LATER.getTime() + 1000)).toMatchObject({ state: 'enrolled', role: 'countyAdmin' });
    // A PC of no county has nothing to recover.
    expect(await recoverAuthority(await openStore(freshDb()), { recoveryCode, newPassphrase: NEW, iterations: ITERATIONS })).toEqual({ ok: false, reason: 'no-home' });
  });
});

describe('the county’s PCs page', () => {
  it('refuses a request file that is not one, is tampered, or is this PC’s own', async () => {
    const { store: county } = await countyPc();
    expect(await openEnrollmentRequest(county, '{')).toEqual({ ok: false, reason: 'not-json' });
    expect(await openEnrollmentRequest(county, '{"format":"x"}')).toEqual({ ok: false, reason: 'unknown-format' });
    const pc = await openStore(freshDb());
    const asked = JSON.parse((await requestToJoin(pc, NOW)).text);
    expect(await openEnrollmentRequest(county, JSON.stringify({ ...asked, name: 'another name' }))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await openEnrollmentRequest(county, (await requestToJoin(county, NOW)).text)).toEqual({ ok: false, reason: 'own-request' });
  });

  it('issuing asks the passphrase and keeps the county’s limits', async () => {
    const { store: county } = await countyPc();
    const pc = await openStore(freshDb());
    const opened = await openEnrollmentRequest(county, (await requestToJoin(pc, NOW)).text);
    if (!opened.ok) throw new Error(opened.reason);
    const terms = { role: 'townshipOfficer' as const, scope: 'LT-03', ...VALIDITY };
    expect(await issueForRequest(county, opened.request, terms, 'wrong passphrase!', NOW)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await issueForRequest(county, opened.request, { ...terms, scope: 'BG-01' }, PASSPHRASE, NOW)).toEqual({ ok: false, reason: 'scope-outside-county' });
    expect(await issueForRequest(county, opened.request, { ...terms, role: 'countyAdmin' }, PASSPHRASE, NOW)).toEqual({ ok: false, reason: 'county-admin-scope' });
    expect(await issueForRequest(county, opened.request, { ...terms, validTo: terms.validFrom }, PASSPHRASE, NOW)).toEqual({ ok: false, reason: 'validity-empty' });
    expect((await readEnrolledPcs(county, NOW)).map((p) => p.device)).toEqual([county.device.id]);
    // A PC that is not the county's cannot issue at all.
    expect(await issueForRequest(pc, opened.request, terms, PASSPHRASE, NOW)).toEqual({ ok: false, reason: 'no-authority' });
  });

  it('lists the enrolled PCs with role, scope, fingerprint and last change seen; revoking marks one and travels to the township files', async () => {
    const { store: county } = await countyPc();
    await writeSmallCounty(county);
    const { store: township } = await enroll(county, 'LT-03');
    await importFiles(township, await fullFile(county));
    await township.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 12 } }]);
    await importFiles(county, await fullFile(township));

    const listed = await readEnrolledPcs(county, NOW);
    expect(listed.map((p) => [p.role, p.scope, p.status, p.self])).toEqual([
      ['countyAdmin', 'LT', 'active', true],
      ['townshipOfficer', 'LT-03', 'active', false],
    ]);
    const entry = listed[1]!;
    expect(entry.fingerprint).toBe(fingerprint(township.device.keys.publicKey));
    expect(entry.lastSeen?.endsWith(township.device.id)).toBe(true);

    expect(await revokePc(county, township.device.id, 'lost', 'wrong passphrase!', NOW)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await revokePc(county, county.device.id, 'lost', PASSPHRASE, NOW)).toEqual({ ok: false, reason: 'own-pc' });
    expect(await revokePc(county, township.device.id, 'lost', PASSPHRASE, NOW)).toEqual({ ok: true });
    const after = (await readEnrolledPcs(county, NOW)).find((p) => p.device === township.device.id)!;
    expect(after).toMatchObject({ status: 'revoked', revocation: { cause: 'lost' } });

    // The revocation travels: the county's next file brings it to the township PC too.
    await importFiles(township, await fullFile(county));
    expect((await readEnrolledPcs(township, NOW)).find((p) => p.device === township.device.id)?.status).toBe('revoked');
    // And an answer file from the county now says so.
    const asked = await requestToJoin(township, NOW);
    expect(asked.fingerprint).toBe(entry.fingerprint);
  });

  it('a fresh PC restoring a demo file joins the demo county; one waiting for its county’s answer does not', async () => {
    const demo = await openStore(freshDb());
    await loadDemoCounty(demo);
    const demoFile = await fullFile(demo);
    const fresh = await openStore(freshDb());
    await importFiles(fresh, demoFile);
    expect((await readAll(fresh.db, readHomeAuthority))?.demo).toBe(true);
    const waiting = await openStore(freshDb());
    await requestToJoin(waiting, NOW);
    await importFiles(waiting, demoFile);
    expect(await readAll(waiting.db, readHomeAuthority)).toBeUndefined();
    expect((await readEnrollment(waiting)).state).toBe('requested');
  });

  it('on a demo PC lists the demo’s PCs; on a PC of no county, none', async () => {
    const demo = await openStore(freshDb());
    await loadDemoCounty(demo);
    expect((await readEnrolledPcs(demo, NOW)).some((p) => p.self && p.role === 'countyAdmin')).toBe(true);
    expect(await holdsCountyAuthority(demo.db)).toBe(false);
    expect(await readEnrolledPcs(await openStore(freshDb()), NOW)).toEqual([]);
  });
});
