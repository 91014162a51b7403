import { describe, expect, it } from 'vitest';
import { issueCertificate, parseCertificate } from '../../../shared/trust/certificate';
import { newestStanding, trustView } from '../../../shared/trust/chain';
import { createEnrollmentRequest, readEnrollmentRequest } from '../../../shared/trust/enrollment';
import { fingerprint, generateKeyPair, keyId } from '../../../shared/trust/keys';
import { prepareMaterial } from '../../../shared/trust/material';
import { parseRevocation, revokeDevice } from '../../../shared/trust/revocation';
import { DAY, DEFAULT_VALIDITY, ISO, makeCounty, makePc, succeed, T0 } from './trustFixtures';

describe('enrollment requests', () => {
  it('carry the PC’s key, name and device id, signed by that key, and show its fingerprint', async () => {
    const keys = await generateKeyPair();
    const request = await createEnrollmentRequest({ id: '0000000000000a03', name: '轮台镇团委 1号机', keys }, ISO(T0));
    const read = await readEnrollmentRequest(JSON.parse(JSON.stringify(request)));
    expect(read).toEqual({ ok: true, value: request, fingerprint: fingerprint(keys.publicKey) });
  });

  it('a request whose key was swapped is refused: it is not signed by the key it offers', async () => {
    const request = await createEnrollmentRequest({ id: '0000000000000a03', name: 'PC', keys: await generateKeyPair() }, ISO(T0));
    const other = (await generateKeyPair()).publicKey;
    expect(await readEnrollmentRequest({ ...request, key: other, signer: other })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await readEnrollmentRequest({ ...request, name: 'Another PC' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await readEnrollmentRequest({ ...request, name: 'PC\u202E' })).toMatchObject({ ok: false, reason: 'record-invalid' });
    expect(await readEnrollmentRequest({ ...request, version: 3 })).toMatchObject({ ok: false, reason: 'newer-version' });
  });
});

describe('issuing certificates', () => {
  it('binds device, name, key, role, scope and validity, signed by the authority', async () => {
    const county = await makeCounty();
    const pc = await makePc('0000000000000a03');
    const request = await createEnrollmentRequest({ id: pc.id, name: '轮台镇团委 1号机', keys: pc.keys }, ISO(T0));
    const issued = await issueCertificate(request, { role: 'townshipOfficer', scope: 'LT-03', grants: ['jobs'], ...DEFAULT_VALIDITY }, county.authority, ISO(T0), '00000000000000aa');
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    expect(issued.value).toMatchObject({
      format: 'league-desk-certificate',
      county: 'LT',
      serial: '00000000000000aa',
      device: pc.id,
      name: '轮台镇团委 1号机',
      key: pc.keys.publicKey,
      role: 'townshipOfficer',
      scope: 'LT-03',
      grants: ['jobs'],
      issuer: keyId(county.created.record.key),
      signer: county.created.record.key,
    });
    expect(parseCertificate(JSON.parse(JSON.stringify(issued.value)))).toEqual({ ok: true, value: issued.value });
    const { certificates } = await prepareMaterial({ certificates: [issued.value] });
    expect(trustView(county.home, { successions: [], certificates, revocations: [] }).certificates.get(pc.id)?.[0]?.standing).toEqual({ trusted: true });
  });

  it('refuses terms the county cannot mean', async () => {
    const county = await makeCounty();
    const request = await createEnrollmentRequest({ id: '0000000000000a03', name: 'PC', keys: await generateKeyPair() }, ISO(T0));
    const issue = (terms: Parameters<typeof issueCertificate>[1]) => issueCertificate(request, terms, county.authority, ISO(T0));
    expect(await issue({ role: 'townshipOfficer', scope: 'AK-03', ...DEFAULT_VALIDITY })).toEqual({ ok: false, reason: 'scope-outside-county' });
    expect(await issue({ role: 'countyAdmin', scope: 'LT-03', ...DEFAULT_VALIDITY })).toEqual({ ok: false, reason: 'county-admin-scope' });
    expect(await issue({ role: 'viewer', scope: 'LT', validFrom: ISO(T0), validTo: ISO(T0) })).toEqual({ ok: false, reason: 'validity-empty' });
    expect(await issue({ role: 'viewer', scope: 'LT', judging: [{ contest: 'c1', judge: 'j1' }], ...DEFAULT_VALIDITY })).toEqual({ ok: false, reason: 'judging-only-for-judges' });
  });
});

describe('which certificates stand', () => {
  async function standing(county: Awaited<ReturnType<typeof makeCounty>>, records: { certificates?: unknown[]; successions?: unknown[] }) {
    const prepared = await prepareMaterial(records);
    return [...trustView(county.home, prepared).certificates.values()].flat().map((c) => c.standing);
  }

  it('another county’s certificate is other-county; one signed by a key not in the chain is issuer-not-county', async () => {
    const home = await makeCounty('LT');
    const other = await makeCounty('AK');
    const lookalike = await makeCounty('LT');
    const pc = await makePc('0000000000000a03');
    const request = await createEnrollmentRequest({ id: pc.id, name: 'PC', keys: pc.keys }, ISO(T0));
    const fromOther = await issueCertificate(request, { role: 'viewer', scope: 'AK', ...DEFAULT_VALIDITY }, other.authority, ISO(T0));
    const fromLookalike = await issueCertificate(request, { role: 'viewer', scope: 'LT', ...DEFAULT_VALIDITY }, lookalike.authority, ISO(T0));
    expect(await standing(home, { certificates: [fromOther.ok && fromOther.value] })).toEqual([{ trusted: false, reason: 'other-county' }]);
    expect(await standing(home, { certificates: [fromLookalike.ok && fromLookalike.value] })).toEqual([{ trusted: false, reason: 'issuer-not-county' }]);
  });

  it('after a succession, the new key’s certificates stand, and the old key’s only up to the succession', async () => {
    const county = await makeCounty();
    const next = await succeed(county);
    const request = await createEnrollmentRequest({ id: '0000000000000a03', name: 'PC', keys: await generateKeyPair() }, ISO(T0));
    const terms = { role: 'viewer' as const, scope: 'LT', ...DEFAULT_VALIDITY };
    const oldBefore = await issueCertificate(request, terms, county.authority, ISO(T0 - 1));
    const oldAfter = await issueCertificate(request, terms, county.authority, ISO(T0 + 1));
    const fromNew = await issueCertificate(request, terms, { county: 'LT', keys: next.authority }, ISO(T0 + 1));
    const records = [oldBefore, oldAfter, fromNew].map((r) => r.ok && r.value);
    const prepared = await prepareMaterial({ certificates: records, successions: [next.succession] });
    const bySerial = new Map([...trustView(county.home, prepared).certificates.values()].flat().map((c) => [c.checked.record.serial, c.standing]));
    expect(records.map((r) => r && bySerial.get(r.serial))).toEqual([{ trusted: true }, { trusted: false, reason: 'issuer-retired' }, { trusted: true }]);
    // Without the succession, the new key is nobody's.
    expect((await standing(county, { certificates: [records[2]] }))[0]).toEqual({ trusted: false, reason: 'issuer-not-county' });
  });
});

describe('which certificate governs a PC (newestStanding, the one pick every check uses)', () => {
  it('is the latest issued that stands, whatever order the certificates arrived in; a newer forged one does not govern', async () => {
    const county = await makeCounty();
    const lookalike = await makeCounty('LT');
    const pc = await makePc('0000000000000a03');
    const request = await createEnrollmentRequest({ id: pc.id, name: 'PC', keys: pc.keys }, ISO(T0));
    const issue = async (role: 'viewer' | 'townshipOfficer', at: number, by = county.authority) => {
      const issued = await issueCertificate(request, { role, scope: 'LT-03', ...DEFAULT_VALIDITY }, by, ISO(at));
      if (!issued.ok) throw new Error(issued.reason);
      return issued.value;
    };
    const first = await issue('viewer', T0 - 2 * DAY);
    const renewed = await issue('townshipOfficer', T0 - DAY);
    const forged = await issue('townshipOfficer', T0, lookalike.authority);
    const orders = [[first, renewed, forged], [forged, renewed, first], [renewed, forged, first]];
    for (const certificates of orders) {
      const standings = trustView(county.home, await prepareMaterial({ certificates })).certificates.get(pc.id)!;
      expect(newestStanding(standings)?.serial).toBe(renewed.serial);
    }
    expect(newestStanding(trustView(county.home, await prepareMaterial({ certificates: [forged] })).certificates.get(pc.id)!)).toBeUndefined();
  });

  it('breaks a tie of the same issue time by serial, the same on every PC', async () => {
    const county = await makeCounty();
    const pc = await makePc('0000000000000a03');
    const request = await createEnrollmentRequest({ id: pc.id, name: 'PC', keys: pc.keys }, ISO(T0));
    const twins = await Promise.all([0, 1, 2].map(async () => {
      const issued = await issueCertificate(request, { role: 'viewer', scope: 'LT-03', ...DEFAULT_VALIDITY }, county.authority, ISO(T0));
      if (!issued.ok) throw new Error(issued.reason);
      return issued.value;
    }));
    const highest = [...twins].sort((a, b) => (a.serial < b.serial ? 1 : -1))[0]!;
    for (const certificates of [twins, [...twins].reverse()]) {
      expect(newestStanding(trustView(county.home, await prepareMaterial({ certificates })).certificates.get(pc.id)!)?.serial).toBe(highest.serial);
    }
  });
});

describe('revocations', () => {
  it('cut at the county’s version vector for the device, listing the seals the county had seen, sorted', async () => {
    const county = await makeCounty();
    const frontier = '2026-03-01T00:00:00.000Z-0003-0000000000000a03';
    const vector = { '0000000000000a03': frontier, '00000000000000c0': '2026-03-02T00:00:00.000Z-0000-00000000000000c0' };
    const revocation = await revokeDevice({ device: '0000000000000a03', vector, seen: ['b'.repeat(64), 'a'.repeat(64), 'b'.repeat(64)], cause: 'lost' }, county.authority, ISO(T0));
    expect(revocation.frontier).toBe(frontier);
    expect(revocation.seen).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    // A PC the county never heard from is cut before its first change.
    expect((await revokeDevice({ device: '0000000000000a09', vector, seen: [], cause: 'lost' }, county.authority, ISO(T0))).frontier).toBe('');
    expect(parseRevocation(revocation).ok).toBe(true);
    expect(parseRevocation({ ...revocation, frontier: '2026-03-01T00:00:00.000Z-0003-00000000000000c0' })).toMatchObject({ ok: false, reason: 'record-invalid' });
  });
});
