/**
 * Hub accounts issued from enrolled PCs' certificates (issue 14), on the embedded hub as
 * `npm run hub` runs it: `league-desk hub add-device --certificate` takes the role, scope and
 * device from a certificate the county's authority signed, refuses one it did not, and the hub
 * then refuses each kind of document such an account may not post.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../cli/cliRun';
import type { Certificate } from '../../../shared/trust/certificate';
import { APP_TABLES } from '../../../shared/app/registry';
import { encodeBundle } from '../../../shared/sync/bundle/index';
import { carriedRecordProblem } from '../../../shared/trust/carried';
import { recordId } from '../../../shared/trust/signed';
import { certify, makeCounty, makePc, revoke, type County } from '../trust/trustFixtures';
import { ADMIN, dbTransport, startTestHub, type TestHub } from './hubServer';

vi.setConfig({ testTimeout: 60_000 });

const DB = 'league-lt';
const dir = mkdtempSync(path.join(tmpdir(), 'league-desk-hub-cert-'));
let hub: TestHub;
let county: County;
let authorityFile: string;
let township: Certificate;
const TOWN_PASSWORD = 'town02-pass-1';

const file = (name: string, value: unknown): string => {
  const at = path.join(dir, name);
  writeFileSync(at, JSON.stringify(value));
  return at;
};
const adminUrl = () => `${hub.url.replace('http://', `http://${ADMIN.name}:${ADMIN.password}@`)}${DB}`;
const VALID = { validFrom: '2025-01-01T00:00:00.000Z', validTo: '2099-01-01T00:00:00.000Z' };

beforeAll(async () => {
  hub = await startTestHub();
  county = await makeCounty('LT');
  authorityFile = file('lt-authority.json', county.created.record);
  township = await certify(county, await makePc('0000000000000a02'), { role: 'townshipOfficer', scope: 'LT-02', ...VALID });
  expect((await cli(['hub', 'setup', adminUrl()])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function change(device: string, table: string, fields: Record<string, unknown>, n: number, scope = 'LT-02') {
  const id = `00000000010${String(n).padStart(2, '0')}-0000-${device}`;
  return { _id: id, id, hlc: id, device, author: 'clerk', table, row: `row-${n}`, fields, base: {}, scope, schema: 1 };
}

describe('hub add-device --certificate', () => {
  it('issues the account from the certificate (role, scope, device), once; the hub then holds it to them', async () => {
    const args = ['hub', 'add-device', adminUrl(), '--certificate', file('town02.json', township), '--authority', authorityFile, '--password', TOWN_PASSWORD, '--json'];
    const first = await cli(args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, name: 'pc-0000000000000a02', scope: 'LT-02', device: '0000000000000a02', role: 'townshipOfficer', outcome: 'created' });
    expect(JSON.parse((await cli(args)).stdout)).toMatchObject({ outcome: 'unchanged' });
    const text = await cli(args.slice(0, -1));
    expect(text.stdout).toContain('角色 乡镇团干部，可写范围 LT-02');

    const post = (docs: object[]) => dbTransport(hub.url, DB, 'pc-0000000000000a02', TOWN_PASSWORD)({ method: 'POST', path: '_bulk_docs', body: { docs } });
    const own = change('0000000000000a02', 'statReport', { members: 33, status: 'submitted' }, 1, 'LT');
    const answer = await post([
      own,
      change('0000000000000a02', 'statReport', { status: 'approved' }, 2),
      change('00000000000000c0', 'statReport', { members: 1 }, 3),
      change('0000000000000a02', 'round', { status: 'open' }, 4, 'LT'),
      change('0000000000000a02', 'org', { name: { zh: '伪造县委' } }, 5, 'LT'),
    ]);
    expect(answer).toMatchObject({ ok: true });
    const results = (answer as { body: { id: string; ok?: boolean; reason?: string }[] }).body;
    // pouchdb-server answers in its own order: by id.
    expect([...results].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'status-not-allowed', 'not-own-device', 'role-not-allowed', 'role-not-allowed']);

    // Trust documents go from any member, if well-formed (the pulling PC checks their signatures).
    const trustId = recordId(township);
    const trustDoc = { _id: `trust:${trustId}`, kind: 'trust', id: trustId, record: township };
    const trustAnswer = (await post([trustDoc, { ...trustDoc, _id: 'trust:other' }])) as { body: { id: string; ok?: boolean; reason?: string }[] };
    expect(trustAnswer.body.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['id-mismatch', 'ok']);
  });

  it('refuses a certificate the county did not issue, another county’s, an altered one, and one without an authority to check it', async () => {
    const foreign = await makeCounty('LT');
    const cases: [string, Certificate | object, string][] = [
      ['foreign', await certify(foreign, await makePc('0000000000000f01'), { role: 'countyAdmin', scope: 'LT', ...VALID }), 'issuer-not-county'],
      ['other-county', await certify(await makeCounty('KC'), await makePc('0000000000000c01'), { role: 'countyAdmin', scope: 'KC', ...VALID }), 'other-county'],
      ['altered', { ...township, role: 'countyAdmin', scope: 'LT' }, 'bad-signature'],
      ['expired', await certify(county, await makePc('0000000000000a07'), { role: 'townshipOfficer', scope: 'LT-07', validFrom: '2020-01-01T00:00:00.000Z', validTo: '2021-01-01T00:00:00.000Z' }), 'certificate-expired'],
    ];
    for (const [name, certificate, reason] of cases) {
      for (const lang of ['zh-CN', 'ug']) {
        const { code, stdout, stderr } = await cli(['hub', 'add-device', adminUrl(), '--certificate', file(`${name}.json`, certificate), '--authority', authorityFile, '--password', 'some-pass-1', '--lang', lang]);
        expect([code, stdout], name).toEqual([1, '']);
        expect(stderr, name).toContain(reason);
      }
    }
    // A PC the county revoked: its full export carries the revocation.
    const revoked = await makePc('0000000000000a09');
    const revokedCertificate = await certify(county, revoked, { role: 'townshipOfficer', scope: 'LT-09', ...VALID });
    const revocation = await revoke(county, revoked, '2026-03-01T00:00:00.000Z-0000-0000000000000a09', []);
    const full = path.join(dir, 'county-full.leaguesync');
    const input = { county: { code: 'LT' }, sender: { device: '00000000000000c0', account: 'county', scope: 'LT' }, kind: 'full' as const, changes: [], vector: {}, created: '2026-03-01T00:00:00.000Z' };
    writeFileSync(full, await encodeBundle({ ...input, trust: [revokedCertificate, revocation] }, { tables: APP_TABLES, trustRecord: carriedRecordProblem }));
    const revokedArgs = ['hub', 'add-device', adminUrl(), '--certificate', file('revoked.json', revokedCertificate), '--authority', authorityFile, '--password', 'some-pass-1'];
    expect((await cli([...revokedArgs, '--held', full])).stderr).toContain('revoked');
    expect((await cli([...revokedArgs, '--held', full])).code).toBe(1);

    const unchecked = await cli(['hub', 'add-device', adminUrl(), '--certificate', file('town02.json', township), '--password', 'some-pass-1']);
    expect(unchecked.code).toBe(2);
    expect(unchecked.stderr).toContain('--authority');
    const withScope = await cli(['hub', 'add-device', adminUrl(), '--certificate', file('town02.json', township), '--authority', authorityFile, '--scope', 'LT', '--password', 'some-pass-1']);
    expect(withScope.code).toBe(2);
  });
});
