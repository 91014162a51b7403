import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliRun';
import type { CountySummary } from '../../../shared/stats/report/countySummary';
import { encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import { INITIAL_CLOCK } from '../../../shared/sync/hlc';
import { vectorOf } from '../../../shared/sync/vector';
import { makeChange } from '../../../shared/sync/write';
import { APP_TABLES } from '../../../shared/app/registry';
import { DEMO_CLOCK_START } from '../../../shared/demo/writer';
import { demoBundleInput } from '../../../shared/app/demo';

const dir = tempDir('league-desk-cli-report-demo-');

async function workbook(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs's own global Buffer type merges with Node's into one no value has; see test/unit/report/helpers.ts.
  await wb.xlsx.load(readFileSync(file) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb.worksheets[0]!;
}

describe('league-desk report --demo', () => {
  it('prints the county summary as JSON, figures and ratio as numbers', async () => {
    const { code, stdout, stderr } = await cli(['report', '--demo']);
    expect(code).toBe(0);
    expect(stderr).toContain('2025年度（应报 245 个单位，已审核 245 个）');
    const summary = JSON.parse(stdout) as CountySummary;
    expect(summary.round).toEqual({ id: 'demo-round-2025', period: '2025', deadline: '2026-01-20', status: 'closed' });
    expect(summary.choice).toBe('complete');
    expect(summary.coverage).toEqual({ expected: 245, approved: 245, pending: 0, share: 1, partial: false });
    expect(summary.statuses).toEqual(['approved']);
    expect(summary.totals).toEqual({
      reports: 245,
      members: 5849,
      newMembers: 934,
      youth1435: 26328,
      youth1428: 12028,
      leagueYouthRatio: 5849 / 12028,
      target: null,
      overTarget: null,
    });
    expect(summary.committees).toHaveLength(17);
    expect(summary.committees[0]).toMatchObject({ code: 'LT-01', name: { zh: '轮台镇团委' }, kind: 'township', members: 905 });
    expect(typeof summary.committees[0]!.leagueYouthRatio).toBe('number');
    // --kind stats and --period 2025 are the defaults.
    const named = await cli(['report', '--demo', '--kind', 'stats', '--period', '2025']);
    expect(JSON.parse(named.stdout)).toEqual({ ...summary, choice: 'chosen' });
    expect(named.stderr).toBe('汇总的报表期：2025年度（应报 245 个单位，已审核 245 个）。\n');
  });

  it('writes CSV that starts with a byte-order mark and ends with the county total (48.6%)', async () => {
    const { code, stdout } = await cli(['report', '--demo', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF组织代码,组织名称,计入报表数,团员,新发展团员,14–35 岁青年,14–28 岁青年,团青比例（小数，0.4863 即 48.63%）,目标比例（小数，0.4863 即 48.63%）,超出目标\r\n')).toBe(true);
    const lines = stdout.split('\r\n');
    expect(lines.at(-2)).toBe('LT,合计,245,5849,934,26328,12028,0.4863,,');
    const ug = await cli(['report', '--demo', '--format', 'csv', '--lang', 'ug']);
    expect(ug.stdout.split('\r\n')[1]).toBe('LT-01,轮台镇团委 (تەرجىمە قىلىنمىغان),37,905,119,4486,1935,0.4677,,');
  });

  it('writes CSV to a file with --out, as UTF-8 bytes with a BOM, and says so', async () => {
    const file = path.join(dir, 'summary.csv');
    const { code, stdout } = await cli(['report', '--demo', '--format', 'csv', '--out', file]);
    expect(code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(stdout).toBe(`已把报表写入 ${file}（${bytes.length} 字节）。\n`);
  });

  it.each([
    ['zh-CN', false],
    ['ug', true],
  ] as const)('writes xlsx with --out in %s: cells, formats, frozen header, direction', async (lang, rtl) => {
    const file = path.join(dir, `summary.${lang}.xlsx`);
    const { code } = await cli(['report', '--demo', '--format', 'xlsx', '--out', file, '--lang', lang]);
    expect(code).toBe(0);
    const ws = await workbook(file);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, rightToLeft: rtl });
    const total = ws.getRow(5 + 17);
    expect(total.getCell(1).value).toBe('LT');
    expect([4, 5, 6, 7].map((c) => total.getCell(c).value)).toEqual([5849, 934, 26328, 12028]);
    expect(total.getCell(4).numFmt).toBe('#,##0');
    expect(total.getCell(8).value).toBeCloseTo(0.4863, 4);
    expect(total.getCell(8).numFmt).toBe('0.0%');
    expect(total.getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(4).value).toBe(rtl ? 'ئىتتىپاق ئەزالىرى' : '团员');
    expect(ws.getRow(4).getCell(4).value).toBe(rtl ? '团员' : 'ئىتتىپاق ئەزالىرى');
  });

  it('refuses to send xlsx to the terminal', async () => {
    expect(await cli(['report', '--demo', '--format', 'xlsx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'xlsx 是二进制文件，不能输出到终端。请用 --out <文件> 指定保存位置。\n',
    });
  });

  it('says which period has no round, and refuses malformed periods, unknown kinds, and --demo with files', async () => {
    expect(await cli(['report', '--demo', '--period', '2024Q1'])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('2024Q1') });
    expect(await cli(['report', '--demo', '--period', '2025Q5'])).toMatchObject({ code: 2, stdout: '' });
    expect(await cli(['report', '--demo', '--kind', 'contests'])).toMatchObject({ code: 2, stderr: expect.stringContaining('stats') });
    expect(await cli(['report', '--demo', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('json, csv, xlsx') });
    expect(await cli(['report', '--demo', 'some.leaguesync'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--demo') });
  });

  it('leaves nothing behind when the output cannot be written', async () => {
    const target = path.join(dir, 'no-such-folder', 'summary.xlsx');
    const { code, stderr } = await cli(['report', '--demo', '--format', 'xlsx', '--out', target]);
    expect(code).toBe(1);
    expect(stderr).toContain(target);
    expect(existsSync(target)).toBe(false);
  });
});

/** A county PC's changes bundle that sets one organisation's control ratio, a day after the demo. */
function targetBundle(orgId: string, maxRatio: number): BundleInput {
  const device = '00000000000000c3';
  const at = DEMO_CLOCK_START + 86_400_000;
  const { change } = makeChange(
    { table: 'target', row: `target:org:${orgId}`, fields: { appliesTo: 'org', subject: orgId, maxRatio }, scope: 'LT' },
    undefined,
    { device, author: 'county-clerk' },
    INITIAL_CLOCK,
    at,
  );
  return {
    county: { code: 'LT' },
    sender: { device, account: 'county-clerk', scope: 'LT' },
    kind: 'changes',
    changes: [change],
    vector: { ...vectorOf([change]) },
    created: new Date(at).toISOString(),
  };
}

/** The county opens a 2026 round the day after the demo and approves one branch's report in it. */
function newRoundBundle(): BundleInput {
  const device = '00000000000000c3';
  const at = DEMO_CLOCK_START + 86_400_000;
  const demo = demoBundleInput();
  const branches = demo.changes.find((c) => c.table === 'round')!.fields['orgIds'] as string[];
  const specs = [
    { table: 'round' as const, row: 'round-2026', scope: 'LT', fields: { period: '2026', figures: ['members', 'youth1435', 'youth1428'], orgIds: branches, deadline: '2027-01-20', status: 'open' } },
    {
      table: 'statReport' as const,
      row: `round-2026:${branches[0]}`,
      scope: 'LT',
      fields: { roundId: 'round-2026', orgId: branches[0], period: '2026', status: 'approved', members: 25, youth1435: 60, youth1428: 40 },
    },
  ];
  let clock = INITIAL_CLOCK;
  const changes = specs.map((spec) => {
    const made = makeChange(spec, undefined, { device, author: 'county-clerk' }, clock, at);
    clock = made.clock;
    return made.change;
  });
  return { county: { code: 'LT' }, sender: { device, account: 'county-clerk', scope: 'LT' }, kind: 'changes', changes, vector: vectorOf(changes), created: new Date(at).toISOString() };
}

/** stderr without its first line: what the files were checked against (trustSupport.ts). */
const withoutTrustLine = (stderr: string): string => stderr.slice(stderr.indexOf('\n') + 1);

describe('league-desk report FILE… after a new round opened', () => {
  it('keeps to the round that stands for the county, says so, and marks a chosen partial round as partial', async () => {
    const demoFile = path.join(dir, 'demo-before-2026.leaguesync');
    writeFileSync(demoFile, await encodeBundle(demoBundleInput(), { tables: APP_TABLES }));
    const newRound = path.join(dir, 'round-2026.leaguesync');
    writeFileSync(newRound, await encodeBundle(newRoundBundle(), { tables: APP_TABLES }));

    const byDefault = await cli(['report', demoFile, newRound]);
    expect(byDefault.code).toBe(0);
    expect(JSON.parse(byDefault.stdout)).toMatchObject({ round: { id: 'demo-round-2025' }, choice: 'complete', totals: { members: 5849 } });
    // Files checked against no county authority: first it says every change is unverified.
    expect(byDefault.stderr.split('\n')[0]).toMatch(/^未核验真实性：/);
    expect(withoutTrustLine(byDefault.stderr)).toBe('汇总的报表期：2025年度（应报 245 个单位，已审核 245 个）——最近一个已审核报表达到应报数九成的报表期。用 --period 可以选择其他报表期。\n');

    const chosen = await cli(['report', demoFile, newRound, '--period', '2026', '--lang', 'ug']);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ round: { id: 'round-2026' }, choice: 'chosen', coverage: { approved: 1, expected: 245, partial: true }, totals: { members: 25 } });
    expect(chosen.stderr.split('\n')[0]).toMatch(/^ھەقىقىيلىقى دەلىللەنمىدى/);
    expect(withoutTrustLine(chosen.stderr).split('\n')).toEqual([
      'يىغىندىسى چىقىرىلغان دوكلات مەزگىلى: 2026-يىللىق (245 ئورۇن تاپشۇرۇشى كېرەك، 1 ئورۇننىڭ دوكلاتى تەستىقلاندى).',
      'دىققەت: سانلىق مەلۇمات تولۇق ئەمەس — تەستىقلانغان دوكلاتلار ئوندىن توققۇزغا يەتمىدى، جەمئىي سان پۈتۈن ناھىيەگە ۋەكىللىك قىلالمايدۇ.',
      '',
    ]);
  });
});

describe('league-desk report FILE…', () => {
  it('takes control ratios from the bundles and flags committees above them', async () => {
    const bundle = path.join(dir, 'demo-for-targets.leaguesync');
    writeFileSync(bundle, await encodeBundle(demoBundleInput(), { tables: APP_TABLES }));
    const targets = path.join(dir, 'targets.leaguesync');
    writeFileSync(targets, await encodeBundle(targetBundle('demo-LT-12', 0.6), { tables: APP_TABLES }));
    const out = path.join(dir, 'targets.xlsx');
    expect(await cli(['report', bundle, targets, '--format', 'xlsx', '--out', out])).toMatchObject({ code: 0 });
    const ws = await workbook(out);
    const row = [...Array(17).keys()].map((i) => ws.getRow(5 + i)).find((r) => r.getCell(1).value === 'LT-12')!;
    expect(row.getCell(8).value as number).toBeGreaterThan(0.6);
    expect([row.getCell(9).value, row.getCell(10).value]).toEqual([0.6, '超出']);
    expect(ws.getRow(5).getCell(9).value).toBeNull();
  });

  it('agrees with --demo on the demo bundle, and writes the same xlsx sheet from bundles', async () => {
    const bundle = path.join(dir, 'demo.leaguesync');
    writeFileSync(bundle, await encodeBundle(demoBundleInput(), { tables: APP_TABLES }));
    // The same summary, the same columns, whichever way it is asked for.
    const fromBundle = await cli(['report', bundle]);
    const fromDemo = await cli(['report', '--demo']);
    expect(JSON.parse(fromBundle.stdout)).toEqual(JSON.parse(fromDemo.stdout));
    expect(withoutTrustLine(fromBundle.stderr)).toBe(fromDemo.stderr);
    expect((await cli(['report', bundle, '--format', 'csv'])).stdout).toBe((await cli(['report', '--demo', '--format', 'csv'])).stdout);

    const [a, b] = [path.join(dir, 'a.xlsx'), path.join(dir, 'b.xlsx')];
    expect((await cli(['report', bundle, '--format', 'xlsx', '--out', a])).code).toBe(0);
    expect((await cli(['report', '--demo', '--format', 'xlsx', '--out', b])).code).toBe(0);
    const [sa, sb] = [await workbook(a), await workbook(b)];
    expect(sa.getSheetValues()).toEqual(sb.getSheetValues());
  });
});
