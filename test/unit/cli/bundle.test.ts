import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { decodeBundle, encodeBundle } from '../../../shared/sync/bundle/index';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { rebuild, utf8 } from '../bundle/bundleFixtures';
import { APP_REGISTRY, APP_TABLES } from '../../../shared/app/registry';
import { demoBundleInput } from '../../../shared/app/demo';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'league-desk-cli-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** One change per write: organisations, the round, reports, job notices and placements, contest rows. */
const DEMO_CHANGES = APP_REGISTRY.demoWrites(generateDemoCounty()).length;
const file = (name: string) => path.join(dir, name);

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const HAN = /[\u4E00-\u9FFF]/;

const demoFile = file('luntai.leaguesync');
const written = await cli(['demo', '--out', demoFile]);
/** The demo bundle with one change line altered after the fact: damage a checksum must catch. */
const tamperedFile = file('tampered.leaguesync');
writeFileSync(
  tamperedFile,
  await rebuild(readFileSync(demoFile), (entries) => {
    const text = new TextDecoder().decode(entries['changes.ndjson']);
    entries['changes.ndjson'] = utf8(text.replace('"members":', '"members":1'));
  }),
);

describe('league-desk demo --out', () => {
  it('writes the demo county as a full bundle and says so', async () => {
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toContain(demoFile);
    expect(written.stdout).toContain(String(DEMO_CHANGES));
    const decoded = await decodeBundle(readFileSync(demoFile), { tables: APP_TABLES, expectedCounty: 'LT' });
    expect(decoded.ok && decoded.manifest).toMatchObject({ kind: 'full', county: { code: 'LT' }, counts: { changes: DEMO_CHANGES } });
  });

  it('writes the same bytes every time', async () => {
    const again = file('again.leaguesync');
    expect((await cli(['demo', '--out', again, '--lang', 'ug'])).code).toBe(0);
    expect(readFileSync(again)).toEqual(readFileSync(demoFile));
  });

  it('keeps stdout pure JSON with --json', async () => {
    const result = await cli(['demo', '--json', '--out', file('json.leaguesync')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('totals');
  });

  it('exits 1 with a localized message when the file cannot be written', async () => {
    const result = await cli(['demo', '--out', path.join(dir, 'no-such-folder', 'x.leaguesync')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法写入文件');
  });
});

describe('league-desk bundle info', () => {
  it('shows the manifest and counts for people', async () => {
    const { code, stdout, stderr } = await cli(['bundle', 'info', demoFile]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('共青团轮台县委员会（LT）');
    expect(stdout).toContain('统计报表 (statReport): 245');
    // Every table by its name, not only the statistics ones.
    expect(stdout).toContain('招聘信息 (notice): ');
    expect(stdout).toContain('参赛作品 (entry): ');
    expect(stdout).toContain('de00000000000001');
    expect(stdout).toContain('bundle verify');
  });

  it('names the sending PC when the file says who sent it', async () => {
    const named = file('named.leaguesync');
    writeFileSync(named, await encodeBundle({ ...demoBundleInput(), sender: { ...demoBundleInput().sender, name: '轮台镇团委 1号机' } }, { tables: APP_TABLES }));
    const zh = await cli(['bundle', 'info', named]);
    expect(zh.stdout).toContain('发送方：轮台镇团委 1号机（设备 de00000000000001）');
    expect((await cli(['bundle', 'info', demoFile])).stdout).toContain('发送方：未命名的电脑（设备 de00000000000001）');
  });

  it('speaks Uyghur', async () => {
    const { code, stdout } = await cli(['bundle', 'info', demoFile, '--lang', 'ug']);
    expect(code).toBe(0);
    expect(stdout).toMatch(ARABIC_SCRIPT);
    expect(stdout).not.toMatch(HAN);
    expect(stdout).toContain('ستاتىستىكا جەدۋىلى (statReport): 245');
    expect(stdout).toContain('ئىشقا قوبۇل قىلىش ئۇچۇرى (notice): ');
  });

  it('prints the manifest and entries as JSON with --json', async () => {
    const { code, stdout } = await cli(['bundle', 'info', demoFile, '--json']);
    expect(code).toBe(0);
    const info = JSON.parse(stdout) as { manifest: { counts: { byTable: Record<string, number> } }; entries: Array<{ name: string }> };
    expect(info.manifest.counts.byTable).toMatchObject({ org: 263, round: 1, statReport: 245 });
    expect(Object.values(info.manifest.counts.byTable).reduce((a, b) => a + b, 0)).toBe(DEMO_CHANGES);
    expect(info.entries.map((e) => e.name)).toEqual(['manifest.json', 'changes.ndjson', 'trust.ndjson']);
  });

  it('refuses a file that is no bundle, with exit 1', async () => {
    const notBundle = file('notes.txt');
    writeFileSync(notBundle, 'just some notes');
    const { code, stderr } = await cli(['bundle', 'info', notBundle]);
    expect(code).toBe(1);
    expect(stderr).toContain('not-a-zip');
  });
});

describe('league-desk bundle verify', () => {
  it('exits 0 for an intact bundle', async () => {
    const { code, stdout, stderr } = await cli(['bundle', 'verify', demoFile, '--county', 'LT']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(String(DEMO_CHANGES));
  });

  it('exits 1 for a tampered bundle, with the reason code and the message on stderr', async () => {
    const { code, stdout, stderr } = await cli(['bundle', 'verify', tamperedFile]);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toContain('hash-mismatch');
    expect(stderr).toContain('changes.ndjson');
    expect(stderr).toContain('与它的校验值不符');
  });

  it('gives the Uyghur message with --lang ug', async () => {
    const { code, stderr } = await cli(['bundle', 'verify', tamperedFile], { LEAGUE_DESK_LANG: 'ug' });
    expect(code).toBe(1);
    expect(stderr).toContain('hash-mismatch');
    expect(stderr).toContain('تەكشۈرۈش قىممىتى');
    expect(stderr).not.toMatch(HAN);
  });

  it('refuses another county\'s bundle when told which county this is', async () => {
    const { code, stderr } = await cli(['bundle', 'verify', demoFile, '--county', 'KC']);
    expect(code).toBe(1);
    expect(stderr).toContain('wrong-county');
    expect(stderr).toContain('KC');
  });

  it('prints the verdict as JSON with --json, refusals included', async () => {
    const good = await cli(['bundle', 'verify', demoFile, '--json']);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, changes: DEMO_CHANGES, blobs: 0 });
    const bad = await cli(['bundle', 'verify', tamperedFile, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, reason: 'hash-mismatch', detail: { entry: 'changes.ndjson' } });
  });

  it('exits 1 with a localized message for a missing file', async () => {
    const { code, stderr } = await cli(['bundle', 'verify', file('nowhere.leaguesync')]);
    expect(code).toBe(1);
    expect(stderr).toContain('找不到文件');
  });
});

describe('league-desk bundle usage errors', () => {
  it.each([
    [['bundle'], 'info|verify'],
    [['bundle', 'frob', 'x'], 'frob'],
    [['bundle', 'verify'], '<file>'],
    [['bundle', 'verify', 'a', 'b'], 'b'],
    [['bundle', 'verify', 'a', '--county'], '--county'],
  ])('%j: exits 2 naming %s', async (argv, culprit) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(culprit);
  });

  it('is listed in help with its usage', async () => {
    expect((await cli(['help'])).stdout).toMatch(/^\s+bundle\s+\S/m);
    expect((await cli(['help', 'bundle'])).stdout).toContain('league-desk bundle info|verify');
  });
});

describe('bin/league-desk.mjs bundle verify', () => {
  it('exits 1 on a tampered file in a real process, naming hash-mismatch', () => {
    const result = spawnSync(process.execPath, ['bin/league-desk.mjs', 'bundle', 'verify', tamperedFile], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LEAGUE_DESK_LANG: '' },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('hash-mismatch');
  }, 60_000);
});
