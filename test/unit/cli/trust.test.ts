/**
 * The command line verifies as the app does (issue 14): `bundle verify` says, per writing PC, how
 * many changes are authentic and why the others are refused, and `report` over files counts only
 * what the county's PCs would apply. Each attack of the issue, as a file someone could hand the
 * county, is refused with its reason code and the app's message, and nothing honest in the file
 * is lost.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliRun';
import { demoBundleInput } from '../../../shared/app/demo';
import { APP_TABLES } from '../../../shared/app/registry';
import { DEMO_CLOCK_START, DEMO_DEVICE } from '../../../shared/demo/writer';
import { encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import type { Change } from '../../../shared/sync/change';
import { INITIAL_CLOCK, type ClockState } from '../../../shared/sync/hlc';
import { vectorOf } from '../../../shared/sync/vector';
import { makeChange, type WriteSpec } from '../../../shared/sync/write';
import { writeAuthorityFile } from '../../../shared/trust/authorityFile';
import { carriedRecordProblem } from '../../../shared/trust/carried';
import type { Certificate } from '../../../shared/trust/certificate';
import type { Seal } from '../../../shared/trust/seal';
import { certify, makeCounty, makePc, revoke, seal, type County, type Pc } from '../trust/trustFixtures';

const dir = tempDir('league-desk-cli-trust-');

const file = (name: string, text: string | Uint8Array): string => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

async function bundleFile(name: string, input: BundleInput, trust: object[]): Promise<string> {
  return file(name, await encodeBundle({ ...input, trust }, { tables: APP_TABLES, trustRecord: carriedRecordProblem }));
}

const VALID = { validFrom: '2025-01-01T00:00:00.000Z', validTo: '2030-01-01T00:00:00.000Z' };
const DAY = 86_400_000;
const demo = demoBundleInput();
const countyChanges = demo.changes as Change[];
const orgByCode = new Map(demo.changes.filter((c) => c.table === 'org').map((c) => [c.fields['code'] as string, c]));
const lt02 = orgByCode.get('LT-02')!;
const lt03 = orgByCode.get('LT-03')!;
const countyOrg = orgByCode.get('LT')!;
/** A report of an organisation under the township, as the demo holds it (approved). */
const reportUnder = (township: Change): Change =>
  demo.changes.find((c) => c.table === 'statReport' && demo.changes.some((o) => o.table === 'org' && o.row === c.fields['orgId'] && String(o.fields['code']).startsWith(`${township.fields['code'] as string}-`)))!;
const lt02Report = reportUnder(lt02);

/** Changes a PC writes a day (or `days`) after the demo was loaded, each on the PC's clock. */
function writes(device: string, specs: WriteSpec[], days = 1): Change[] {
  let clock: ClockState = INITIAL_CLOCK;
  return specs.map((spec) => {
    const made = makeChange(spec, undefined, { device, author: `clerk-${device}` }, clock, DEMO_CLOCK_START + days * DAY);
    clock = made.clock;
    return made.change;
  });
}

function changesBundle(device: string, changes: Change[]): BundleInput {
  return {
    county: { code: 'LT' },
    sender: { device, account: `clerk-${device}`, scope: 'LT' },
    kind: 'changes',
    changes,
    vector: { ...vectorOf(changes) },
    created: new Date(DEMO_CLOCK_START + 2 * DAY).toISOString(),
  };
}

interface World {
  county: County;
  authorityFile: string;
  countyFile: string;
  countyPc: Pc;
  countyCertificate: Certificate;
  township02: Pc;
  township03: Pc;
  certificates: Certificate[];
}

let w: World;
beforeAll(async () => {
  // A real county's authority (not the demo's), its county PC holding the demo county's data, and
  // two township PCs enrolled for LT-02 and LT-03.
  const county = await makeCounty('LT');
  const countyPc = await makePc(DEMO_DEVICE);
  const township02 = await makePc('0000000000000a02');
  const township03 = await makePc('0000000000000a03');
  const countyCertificate = await certify(county, countyPc, { role: 'countyAdmin', scope: 'LT', ...VALID });
  const certificates = [
    countyCertificate,
    await certify(county, township02, { role: 'townshipOfficer', scope: 'LT-02', ...VALID }),
    await certify(county, township03, { role: 'townshipOfficer', scope: 'LT-03', ...VALID }),
  ];
  const countyFile = await bundleFile('county.leaguesync', demo, [...certificates, await seal(countyPc, countyChanges)]);
  const authorityFile = file('lt-authority.json', JSON.stringify(county.created.record));
  w = { county, authorityFile, countyFile, countyPc, countyCertificate, township02, township03, certificates };
}, 60_000);

const members = (stdout: string, code: string): number => (JSON.parse(stdout) as { committees: { code: string; members: number }[] }).committees.find((c) => c.code === code)!.members;
const countyName = (stdout: string): unknown => (JSON.parse(stdout) as { county: { name: unknown } }).county.name;

describe('bundle verify: authenticity beside integrity', () => {
  it('the county’s own file, checked against its authority: every change authentic, exit 0', async () => {
    const { code, stdout } = await cli(['bundle', 'verify', w.countyFile, '--authority', w.authorityFile]);
    expect(code).toBe(0);
    expect(stdout).toContain(`电脑 ${DEMO_DEVICE}（PC ${DEMO_DEVICE}）：已核验 ${demo.changes.length} 条，被拒绝 0 条，未核验 0 条`);
    expect(stdout).toContain(`真实可信：全部 ${demo.changes.length} 条变更`);
  });

  it('without an authority it checks integrity only, and says every change is unverified (exit 0)', async () => {
    const { code, stdout } = await cli(['bundle', 'verify', w.countyFile]);
    expect(code).toBe(0);
    expect(stdout).toContain(`未核验真实性：没有给出县的授权（--authority <文件> 或 --demo-authority），${demo.changes.length} 条变更都算作未核验。`);
    expect(stdout).not.toContain('真实可信');
  });

  it('the demo’s own file verifies against the demo authority, with a warning that its keys are published', async () => {
    const demoFile = path.join(dir, 'demo.leaguesync');
    expect((await cli(['demo', '--out', demoFile])).code).toBe(0);
    const { code, stdout } = await cli(['bundle', 'verify', demoFile, '--demo-authority', '--lang', 'ug']);
    expect(code).toBe(0);
    expect(stdout).toContain('دىققەت: بۇ ئۈلگە ناھىيەنىڭ ھوقۇقى');
    // Against a real county's authority the demo's file is not believed: its PC is not this county's.
    const real = await cli(['bundle', 'verify', demoFile, '--authority', w.authorityFile]);
    expect(real.code).toBe(3);
    expect(real.stdout).toContain(`被拒绝 ${demo.changes.length} 条（certificate-untrusted）：证书不是本县团县委签发的`);
  });

  it('reads the public part of an authority key file, and refuses an altered authority record', async () => {
    const keyFile = file('lt.leaguekey', writeAuthorityFile(w.county.created.file));
    expect((await cli(['bundle', 'verify', w.countyFile, '--authority', keyFile])).code).toBe(0);
    const altered = file('altered-authority.json', JSON.stringify({ ...w.county.created.record, name: { zh: '伪造县' } }));
    const refused = await cli(['bundle', 'verify', w.countyFile, '--authority', altered]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('（tampered）：授权记录的签名不成立：文件被改动过。');
    expect((await cli(['bundle', 'verify', w.countyFile, '--authority', file('not-json', 'x')])).code).toBe(1);
    expect((await cli(['bundle', 'verify', w.countyFile, '--authority', w.authorityFile, '--demo-authority'])).code).toBe(2);
  });
});

/**
 * One attack per case: the file an adversary hands the county, what `bundle verify` must refuse
 * (reason, count) and what in the same file it must still authorize.
 */
interface Attack {
  name: string;
  make(): Promise<{ bundle: string; refused: Record<string, number>; authorized: number; writer: string }>;
}

/** A file from a PC certified by another authority (a forger's "LT", or county KC) raising LT-02's figures. */
async function foreignPcFile(name: string, countyCode: string, device: string, scope: string, reason: string) {
  const pc = await makePc(device);
  const certificate = await certify(await makeCounty(countyCode), pc, { role: 'countyAdmin', scope, ...VALID });
  const changes = writes(pc.id, [{ table: 'statReport', row: lt02Report.row, scope: 'LT', fields: { members: 1_000_000 } }], 3);
  return { bundle: await bundleFile(`${name}.leaguesync`, changesBundle(pc.id, changes), [certificate, await seal(pc, changes)]), refused: { [reason]: 1 }, authorized: 0, writer: pc.id };
}

const ATTACKS: Attack[] = [
  {
    name: 'a township approving its own report (edits of an approved report are locked; a new draft’s approval refused)',
    async make() {
      const [own, approve] = writes(w.township02.id, [
        { table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { roundId: 'r-new', orgId: lt02.row, period: '2026', status: 'submitted', members: 7 } },
        { table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { status: 'approved' } },
      ]);
      const changes = [own!, approve!];
      return { bundle: await bundleFile('self-approval.leaguesync', changesBundle(w.township02.id, changes), [...w.certificates, await seal(w.township02, changes)]), refused: { 'status-not-allowed': 1 }, authorized: 1, writer: w.township02.id };
    },
  },
  {
    name: 'a township editing another township’s figures',
    async make() {
      const changes = writes(w.township03.id, [
        { table: 'statReport', row: 'new-report-lt03', scope: 'LT-03', fields: { roundId: 'r-new', orgId: lt03.row, period: '2026', status: 'draft', members: 9 } },
        { table: 'statReport', row: lt02Report.row, scope: 'LT-03', fields: { members: 1 } },
      ]);
      return { bundle: await bundleFile('other-township.leaguesync', changesBundle(w.township03.id, changes), [...w.certificates, await seal(w.township03, changes)]), refused: { 'outside-scope': 1 }, authorized: 1, writer: w.township03.id };
    },
  },
  {
    name: 'a PC claiming the county PC’s device id, with its own key (a forged device id)',
    async make() {
      const forger = await makePc(DEMO_DEVICE);
      const changes = writes(DEMO_DEVICE, [{ table: 'org', row: countyOrg.row, scope: 'LT', fields: { name: { zh: '伪造县委' } } }], 3);
      return { bundle: await bundleFile('forged-id.leaguesync', changesBundle(DEMO_DEVICE, changes), [await seal(forger, changes)]), refused: { 'wrong-key': 1 }, authorized: 0, writer: DEMO_DEVICE };
    },
  },
  {
    name: 'a copied certificate (the county PC’s) carried with another key',
    async make() {
      const forger = await makePc(DEMO_DEVICE);
      const changes = writes(DEMO_DEVICE, [{ table: 'statReport', row: lt02Report.row, scope: 'LT', fields: { members: 1_000_000 } }], 3);
      return { bundle: await bundleFile('copied-certificate.leaguesync', changesBundle(DEMO_DEVICE, changes), [w.countyCertificate, await seal(forger, changes)]), refused: { 'wrong-key': 1 }, authorized: 0, writer: DEMO_DEVICE };
    },
  },
  {
    name: 'a signed change whose value was altered after signing',
    async make() {
      const changes = writes(w.township02.id, [
        { table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { roundId: 'r-new', orgId: lt02.row, period: '2026', status: 'draft', members: 7 } },
        { table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { members: 8 } },
      ]);
      const sealed = await seal(w.township02, changes);
      const altered = [changes[0]!, { ...changes[1]!, fields: { members: 8000 } }];
      return { bundle: await bundleFile('altered.leaguesync', changesBundle(w.township02.id, altered), [...w.certificates, sealed]), refused: { 'hash-not-sealed': 1 }, authorized: 1, writer: w.township02.id };
    },
  },
  {
    name: 'an old signed change replayed under a new id',
    async make() {
      const changes = writes(w.township02.id, [
        { table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { roundId: 'r-new', orgId: lt02.row, period: '2026', status: 'draft', members: 7 } },
      ]);
      const sealed = await seal(w.township02, changes);
      const [later] = writes(w.township02.id, [{ table: 'statReport', row: 'x', scope: 'LT-02', fields: { members: 0 } }], 4);
      const replayed = { ...changes[0]!, id: later!.id, hlc: later!.hlc };
      return { bundle: await bundleFile('replay.leaguesync', changesBundle(w.township02.id, [changes[0]!, replayed]), [...w.certificates, sealed]), refused: { 'no-seal': 1 }, authorized: 1, writer: w.township02.id };
    },
  },
  {
    name: 'a revoked PC’s changes after the last one the county had seen',
    async make() {
      const before = writes(w.township02.id, [{ table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { roundId: 'r-new', orgId: lt02.row, period: '2026', status: 'draft', members: 7 } }]);
      const seen: Seal = await seal(w.township02, before);
      const revocation = await revoke(w.county, w.township02, before[0]!.hlc, [seen]);
      const after = writes(w.township02.id, [{ table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { members: 900 } }], 5);
      const changes = [...before, ...after];
      return { bundle: await bundleFile('revoked.leaguesync', changesBundle(w.township02.id, changes), [...w.certificates, seen, revocation, await seal(w.township02, after)]), refused: { revoked: 1 }, authorized: 1, writer: w.township02.id };
    },
  },
  {
    name: 'a certificate whose chain does not reach the county (a foreign authority claiming LT)',
    make: () => foreignPcFile('foreign-authority', 'LT', '0000000000000f01', 'LT', 'certificate-untrusted'),
  },
  {
    name: 'a PC of another county, its changes inside a file that claims this county',
    make: () => foreignPcFile('other-county-pc', 'KC', '0000000000000c01', 'KC', 'other-county'),
  },
];

describe('each attack of the issue, as a file handed to the county', () => {
  it.each(ATTACKS)('$name: refused with its reason, exit 3, the rest kept', async (attack) => {
    const { bundle, refused, authorized, writer } = await attack.make();
    for (const lang of ['zh-CN', 'ug'] as const) {
      const { code, stdout } = await cli(['bundle', 'verify', bundle, '--authority', w.authorityFile, '--held', w.countyFile, '--json', '--lang', lang]);
      expect(code).toBe(3);
      const report = JSON.parse(stdout) as { trust: { authentic: boolean; writers: { device: string; authorized: number; refused: Record<string, number> }[] } };
      expect(report.trust.authentic).toBe(false);
      expect(report.trust.writers.find((x) => x.device === writer)).toMatchObject({ authorized, refused });
    }
    const text = await cli(['bundle', 'verify', bundle, '--authority', w.authorityFile, '--held', w.countyFile]);
    const [reason] = Object.keys(refused);
    expect(text.stdout).toMatch(new RegExp(`被拒绝 1 条（${reason}）：`));
    expect(text.stdout).toContain('文件完好，但不全真实可信');
    const ug = await cli(['bundle', 'verify', bundle, '--authority', w.authorityFile, '--held', w.countyFile, '--lang', 'ug']);
    expect(ug.stdout).toMatch(new RegExp(`رەت قىلىنغىنى 1 \\(${reason}\\): `));

    // Merged with the county's own file, the report counts the honest figures and names the refusal.
    const merged = await cli(['report', w.countyFile, bundle, '--authority', w.authorityFile]);
    expect(merged.code).toBe(0);
    expect(members(merged.stdout, 'LT-02')).toBe(members((await cli(['report', w.countyFile, '--authority', w.authorityFile])).stdout, 'LT-02'));
    expect(merged.stderr).toContain('汇总没有计入以下被拒绝的变更');
    expect(merged.stderr).toContain(`（${reason}）`);
  });

  it('a bundle of another county is refused whole (wrong-county), exit 1', async () => {
    const other = await bundleFile('kc.leaguesync', { ...changesBundle(w.township02.id, []), county: { code: 'KC' } }, []);
    const { code, stderr } = await cli(['bundle', 'verify', other, '--authority', w.authorityFile]);
    expect(code).toBe(1);
    expect(stderr).toContain('wrong-county');
    expect((await cli(['report', w.countyFile, other, '--authority', w.authorityFile])).stderr).toContain('wrong-county');
  });
});

describe('report over a forged township file (the issue’s case)', () => {
  it('prints the honest figures and county name, and says on stderr what it refused', async () => {
    // An unenrolled PC edits LT-02’s report to 1,000,000 members and renames the county, unsigned.
    const forger = '00000000000000ff';
    const changes = writes(forger, [
      { table: 'statReport', row: lt02Report.row, scope: 'LT-02', fields: { members: 1_000_000 } },
      { table: 'org', row: countyOrg.row, scope: 'LT', fields: { name: { zh: '伪造的县委', ug: 'ساختا' } } },
    ]);
    const forged = await bundleFile('forged-township.leaguesync', changesBundle(forger, changes), []);
    const honest = await cli(['report', w.countyFile, '--authority', w.authorityFile]);
    const unverified = await cli(['report', w.countyFile, forged]);
    // Without an authority the report cannot tell: it says every change is unverified.
    expect(members(unverified.stdout, 'LT-02')).toBeGreaterThan(1_000_000);
    expect(unverified.stderr).toContain('未核验真实性');

    for (const args of [[w.countyFile, forged], [forged, w.countyFile]]) {
      const { code, stdout, stderr } = await cli(['report', ...args, '--authority', w.authorityFile]);
      expect(code).toBe(0);
      expect(stdout).toBe(honest.stdout);
      expect(members(stdout, 'LT-02')).toBeLessThan(1000);
      expect(countyName(stdout)).toEqual(countyOrg.fields['name']);
      expect(stderr).toContain(`电脑 ${forger}（未登记的电脑）：已核验 0 条，被拒绝 2 条，未核验 0 条`);
      expect(stderr).toContain('被拒绝 2 条（no-seal）：没有签章（未签名，或签章尚未送达）');
    }
    const ug = await cli(['report', w.countyFile, forged, '--authority', w.authorityFile, '--lang', 'ug']);
    expect(ug.stderr).toContain('رەت قىلىنغىنى 2 (no-seal): مۆھۈرى يوق');
  });

  it('a file with a certificate arriving in another file still decides the same (order of files does not matter)', async () => {
    const changes = writes(w.township02.id, [
      { table: 'statReport', row: 'new-report-lt02', scope: 'LT-02', fields: { roundId: 'r-new', orgId: lt02.row, period: '2026', status: 'submitted', members: 7 } },
    ]);
    const noCertificate = await bundleFile('no-certificate.leaguesync', changesBundle(w.township02.id, changes), [await seal(w.township02, changes)]);
    const alone = await cli(['bundle', 'verify', noCertificate, '--authority', w.authorityFile, '--json']);
    expect(alone.code).toBe(3);
    expect(alone.stdout).toContain('"unknown-device": 1');
    const a = await cli(['report', w.countyFile, noCertificate, '--authority', w.authorityFile]);
    const b = await cli(['report', noCertificate, w.countyFile, '--authority', w.authorityFile]);
    expect(a).toEqual(b);
    expect(a.stderr).not.toContain('汇总没有计入');
  });
});

