import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../cli/commands/csv';
import { cli, tempDir } from './cliRun';
import { encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import type { Change } from '../../../shared/sync/change';
import { INITIAL_CLOCK } from '../../../shared/sync/hlc';
import { vectorOf } from '../../../shared/sync/vector';
import { makeChange, type WriteSpec } from '../../../shared/sync/write';
import { APP_TABLES } from '../../../shared/app/registry';
import { DEMO_CLOCK_START } from '../../../shared/demo/writer';
import { demoBundleInput } from '../../../shared/app/demo';

const dir = tempDir('league-desk-cli-report-');

async function bundleFile(name: string, input: BundleInput): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await encodeBundle(input, { tables: APP_TABLES }));
  return file;
}

/** Edits made on a township PC a day after the demo was loaded, as a changes bundle. */
function townshipEdits(specs: WriteSpec[], device = '00000000000000b2'): BundleInput {
  const changes: Change[] = [];
  let clock = INITIAL_CLOCK;
  for (const spec of specs) {
    const made = makeChange(spec, undefined, { device, author: 'township-clerk' }, clock, DEMO_CLOCK_START + 86_400_000);
    changes.push(made.change);
    clock = made.clock;
  }
  return {
    county: { code: 'LT' },
    sender: { device, account: 'township-clerk', scope: 'LT' },
    kind: 'changes',
    changes,
    vector: { ...vectorOf(changes) },
    created: new Date(DEMO_CLOCK_START + 86_400_000).toISOString(),
  };
}

const demo = demoBundleInput();
const demoFile = await bundleFile('demo.leaguesync', demo);
const firstReport = demo.changes.find((c) => c.table === 'statReport')!;
const firstCommittee = demo.changes.find((c) => c.table === 'org' && c.fields['kind'] === 'township')!;
const oldMembers = firstReport.fields['members'] as number;
const editFile = await bundleFile(
  'edit.leaguesync',
  townshipEdits([
    { table: 'statReport', row: firstReport.row, fields: { members: oldMembers + 100 }, scope: firstReport.scope },
    { table: 'org', row: firstCommittee.row, fields: { name: { zh: '=HYPERLINK("http://evil.example","点我")' } }, scope: firstCommittee.scope },
  ]),
);

interface Summary {
  round: { id: string };
  committees: Array<{ code: string; members: number; youth1428: number; reports: number; leagueYouthRatio: number | null }>;
  totals: { members: number; youth1435: number; youth1428: number; reports: number; leagueYouthRatio: number | null };
}

describe('league-desk report', () => {
  it('summarises the demo county by committee, with totals that match the published figures', async () => {
    const { code, stdout, stderr } = await cli(['report', demoFile]);
    expect(code).toBe(0);
    // Which round it took, and why, on stderr; the summary alone on stdout.
    expect(stderr).toBe(`未核验真实性：没有给出县的授权（--authority <文件> 或 --demo-authority），${demo.changes.length} 条变更都算作未核验。\n` + '汇总的报表期：2025年度（应报 245 个单位，已审核 245 个）——最近一个已审核报表达到应报数九成的报表期。用 --period 可以选择其他报表期。\n');
    const summary = JSON.parse(stdout) as Summary;
    expect(summary.round.id).toBe('demo-round-2025');
    expect(summary.totals).toMatchObject({ members: 5849, youth1435: 26328, youth1428: 12028, reports: 245 });
    expect(summary.totals.leagueYouthRatio).toBeCloseTo(5849 / 12028, 12);
    expect(summary.committees.reduce((n, c) => n + c.members, 0)).toBe(5849);
    expect(summary.committees.map((c) => c.code)).toEqual(summary.committees.map((c) => c.code).sort());
    for (const c of summary.committees) expect(c.leagueYouthRatio).toBe(c.youth1428 > 0 ? c.members / c.youth1428 : null);
  });

  it('changes nothing when the same bundle is given twice', async () => {
    const once = await cli(['report', demoFile]);
    expect(await cli(['report', demoFile, demoFile])).toEqual(once);
    expect(await cli(['report', demoFile, editFile, demoFile, editFile])).toEqual(await cli(['report', demoFile, editFile]));
  });

  it('merges edits from another PC, in any order of files', async () => {
    const merged = await cli(['report', demoFile, editFile]);
    expect(merged.code).toBe(0);
    expect((JSON.parse(merged.stdout) as Summary).totals.members).toBe(5849 + 100);
    expect(await cli(['report', editFile, demoFile])).toEqual(merged);
  });

  it('writes CSV with a byte-order mark, CRLF lines, localized headers and formulas defused', async () => {
    const { code, stdout } = await cli(['report', demoFile, editFile, '--format', 'csv']);
    expect(code).toBe(0);
    // The app's columns; the ratio and target columns say they hold fractions.
    expect(stdout.startsWith('\uFEFF组织代码,组织名称,计入报表数,团员,新发展团员,14–35 岁青年,14–28 岁青年,团青比例（小数，0.4863 即 48.63%）,目标比例（小数，0.4863 即 48.63%）,超出目标\r\n')).toBe(true);
    const lines = stdout.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toMatch(/^LT,合计,245,5949,934,26328,12028,0\.49\d*,,$/);
    expect(stdout).toContain(`${firstCommittee.fields['code'] as string},"'=HYPERLINK(""http://evil.example"",""点我"")",`);
    expect((await cli(['report', demoFile, '--format', 'csv', '--lang', 'ug'])).stdout).toMatch(/^\uFEFFتەشكىلات كودى,/);
  });

  it('refuses to summarise a damaged file, naming it, and prints nothing', async () => {
    const damaged = path.join(dir, 'damaged.leaguesync');
    writeFileSync(damaged, 'PK\u0003\u0004 cut short');
    const { code, stdout, stderr } = await cli(['report', demoFile, damaged]);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toContain(damaged);
    expect(stderr).toContain('truncated');
  });

  it('refuses bundles of two counties, and two files that disagree about one change', async () => {
    const other = await bundleFile('other.leaguesync', { ...townshipEdits([]), county: { code: 'KC' } });
    const counties = await cli(['report', demoFile, other]);
    expect(counties.code).toBe(1);
    expect(counties.stderr).toContain('wrong-county');

    const forged = await bundleFile('forged.leaguesync', {
      ...demo,
      changes: demo.changes.map((c) => (c.id === firstReport.id ? { ...c, fields: { ...c.fields, members: 1 } } : c)),
    });
    const disagreeing = await cli(['report', demoFile, forged]);
    expect(disagreeing.code).toBe(1);
    expect(disagreeing.stderr).toContain(firstReport.id);
  });

  it('says so when there is no county or no approved round to summarise', async () => {
    expect(await cli(['report', editFile])).toMatchObject({ code: 1, stdout: '' });
    expect((await cli(['report', editFile])).stderr).toContain('LT');
  });

  it('exits 2 on a wrong format or no files', async () => {
    expect((await cli(['report', demoFile, '--format', 'xml'])).code).toBe(2);
    expect((await cli(['report'])).code).toBe(2);
  });
});

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+86 996 123', "'+86 996 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['ئىتتىپاق', 'ئىتتىپاق'],
  ])('%j → %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes numbers as numbers and nothing for null', () => {
    expect(toCsv([[1, -2, 0.5, null, Number.NaN]])).toBe('\uFEFF1,-2,0.5,,\r\n');
  });
});
