import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import ugContests from '../../../locales/ug/contests.json';
import zhContests from '../../../locales/zh-CN/contests.json';
import { run } from '../../../cli/main';
import { certificatePagesHtml, certificatesDocument } from '../../../shared/contests/certificate';
import { contestsDemoWriteSpecs, demoContestRows } from '../../../shared/contests/demo';
import { checkEntries } from '../../../shared/contests/eligibility';
import { contestResultsTable, type ContestReportLocales } from '../../../shared/contests/report';
import { contestSchema, entrySchema, scoreSchema } from '../../../shared/contests/rows';
import { rankContest } from '../../../shared/contests/scoring';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { tableToCsv } from '../../../shared/report/csv';
import { validateChangeValues } from '../../../shared/sync/validate';
import { INITIAL_CLOCK } from '../../../shared/sync/hlc';
import { makeChange } from '../../../shared/sync/write';
import { contest, entry, score } from './fixtures';
import { APP_TABLES } from '../../../shared/app/registry';
import { homeCounty } from '../../../shared/orgs/home';

const LOCALES: ContestReportLocales = { 'zh-CN': zhContests, ug: ugContests };

describe('the demo contest', () => {
  const demo = generateDemoCounty();
  const rows = demoContestRows(demo);

  it('is one judged essay contest of 30 entries and 5 judges, the same on every run, every row valid', () => {
    expect(rows.entries).toHaveLength(30);
    expect(rows.contest.judges).toHaveLength(5);
    expect(rows.scores).toHaveLength(150);
    expect(demoContestRows(generateDemoCounty())).toEqual(rows);
    contestSchema.parse(rows.contest);
    for (const e of rows.entries) entrySchema.parse(e);
    for (const s of rows.scores) scoreSchema.parse(s);
    const ranking = rankContest(rows.contest, rows.entries, rows.scores, checkEntries(rows.contest, rows.entries));
    expect(ranking.ranked).toHaveLength(30);
    expect(ranking.ranked.filter((r) => r.tierId !== null)).toHaveLength(19);
  });

  it('becomes changes the sync edge accepts', () => {
    let clock = INITIAL_CLOCK;
    for (const spec of contestsDemoWriteSpecs(demo, homeCounty(demo.orgs)!)) {
      const made = makeChange(spec, undefined, { device: 'de00000000000001', author: 'demo' }, clock, Date.UTC(2026, 0, 25));
      clock = made.clock;
      expect(validateChangeValues(made.change, APP_TABLES)).toEqual([]);
      expect(spec.scope).toBe('LT');
    }
  });
});

describe('results report', () => {
  const c = contest({ judges: [{ id: 'j1', name: 'a' }], tiers: [{ id: 'first', name: { zh: '一等奖', ug: 'بىرىنچى' }, count: 1 }] });
  const entries = [entry(1, { orgId: 'o1', entrantName: '艾力' }), entry(2, { awardOverride: { tierId: 'first', reason: '复议', at: '2026-07-01' } })];
  const ranking = rankContest(c, entries, [score('e1', 'j1', 9), score('e2', 'j1', 8.5)]);
  const orgName = (id: string) => (id === 'o1' ? { zh: '轮台镇团委' } : undefined);

  it('lists rank, code, entrant, organisation, title, score and award, a manual award marked', () => {
    const csv = tableToCsv(contestResultsTable(c, ranking, 'zh-CN', LOCALES, orgName)).split('\r\n');
    expect(csv[0]).toBe('\uFEFF名次,编号,作者,乡镇或单位,作品标题,得分,奖项');
    expect(csv[1]).toBe('1,E-001,艾力,轮台镇团委,作品1,90,一等奖');
    expect(csv[2]).toBe('2,E-002,作者2,,作品2,85,一等奖 *');
  });

  it('in Uyghur: Uyghur headers and awards, a Chinese-only name marked untranslated', () => {
    const table = contestResultsTable(c, ranking, 'ug', LOCALES, orgName);
    expect(table.direction).toBe('rtl');
    expect(table.rows[0]).toMatchObject({ award: 'بىرىنچى', org: { text: '轮台镇团委', untranslated: true } });
  });

  it('prints one certificate page per winner, Uyghur right to left, everything escaped', () => {
    const evil = rankContest(c, [entry(1, { entrantName: '<script>x</script>' })], [score('e1', 'j1', 9)]);
    const input = { contest: c, ranking: evil, locales: LOCALES, issuer: { zh: '共青团轮台县委员会', ug: 'بۈگۈر' }, date: '2026-07-01' };
    const both = certificatePagesHtml({ ...input, mode: 'both' });
    expect(both.match(/<section class="ld-cert /g)).toHaveLength(1);
    expect(both).toContain('lang="ug" dir="rtl"');
    expect(both).toContain('lang="zh-CN" dir="ltr"');
    expect(both).not.toContain('<script>');
    expect(certificatesDocument({ ...input, mode: 'ug' })).toContain('<html lang="ug" dir="rtl">');
    const two = certificatePagesHtml({ ...input, ranking, mode: 'zh-CN' });
    expect(two.match(/<section/g)).toHaveLength(2);
  });
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, {});
  return { code, stdout, stderr };
}

describe('league-desk report --demo --kind contest-results', () => {
  it('gives the ranked results as JSON: rank, code, entrant, score, award', async () => {
    const { code, stdout } = await cli(['report', '--demo', '--kind', 'contest-results', '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { rank: number; code: string; entrant: string; score: number; award: string | null }[];
    expect(rows).toHaveLength(30);
    expect(rows.map((r) => r.rank)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[0]).toMatchObject({ award: '一等奖' });
    expect(rows.filter((r) => r.award === '二等奖')).toHaveLength(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
  });

  it('gives CSV in Uyghur and an xlsx workbook', async () => {
    const csv = await cli(['report', '--demo', '--kind', 'contest-results', '--format', 'csv', '--lang', 'ug']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toContain('مۇكاپات');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = `${mkdtempSync(`${tmpdir()}/ld-contest-`)}/results.xlsx`;
    expect((await cli(['report', '--demo', '--kind', 'contest-results', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain('E-001');
  });
});
