import { describe, expect, it } from 'vitest';
import type { Org } from '../../../../shared/domain/org';
import { SEX_FIGURES, roundColumns, type ReportingRound, type StatReport } from '../../../../shared/domain/stats';
import { countySummaryTable } from '../../../../shared/stats/report/countySummaryTable';
import { tableToCsv } from '../../../../shared/report/csv';
import { toHtmlTable } from '../../../../shared/report/html';
import { templateRows, writeTemplate } from '../../../../shared/stats/report/template';
import { META_SHEET } from '../../../../shared/stats/report/templateMeta';
import { readTemplate, type TemplateExpectation } from '../../../../shared/stats/report/templateRead';
import { toXlsx } from '../../../../shared/report/xlsx';
import { rollUpAll } from '../../../../shared/stats/rollup';
import { LOCALES, readBack, summaryOf } from '../../report/helpers';
import { dataSheet, resaved } from './templateFixtures';

const org = (code: string, kind: Org['kind'], parentId: string | null): Org => ({ id: code, code, name: { zh: code }, kind, parentId, archived: false });
const orgs = [org('XC', 'county', null), org('XC-01', 'township', 'XC'), org('XC-01-001', 'branch', 'XC-01'), org('XC-01-002', 'branch', 'XC-01'), org('XC-02', 'township', 'XC'), org('XC-02-001', 'branch', 'XC-02')];
const splitRound: ReportingRound = {
  id: 'q4',
  period: '2026Q4',
  figures: ['members', 'newMembers', 'youth1435', 'youth1428', 'cadres'],
  orgIds: ['XC-01-001', 'XC-01-002', 'XC-02-001'],
  deadline: '2026-12-31',
  status: 'open',
  bySex: true,
};
const report = (orgId: string, figures: Partial<StatReport>): StatReport => ({ id: `q4:${orgId}`, roundId: 'q4', orgId, period: '2026Q4', status: 'approved', ...figures });
const reports = [
  report('XC-01-001', { members: 40, membersMale: 22, membersFemale: 18, newMembers: 5, newMembersMale: 2, newMembersFemale: 3, youth1435: 200, youth1435Male: 104, youth1435Female: 96, youth1428: 90, youth1428Male: 47, youth1428Female: 43, cadres: 2 }),
  report('XC-01-002', { members: 10, membersMale: 4, membersFemale: 6, newMembers: 1, newMembersMale: 0, newMembersFemale: 1, youth1435: 50, youth1435Male: 20, youth1435Female: 30, youth1428: 30, youth1428Male: 12, youth1428Female: 18, cadres: 1 }),
  report('XC-02-001', { members: 7, membersMale: 3, membersFemale: 4, newMembers: 0, newMembersMale: 0, newMembersFemale: 0, youth1435: 20, youth1435Male: 9, youth1435Female: 11, youth1428: 15, youth1428Male: 7, youth1428Female: 8, cadres: 1 }),
];

describe('county summary of a round split by sex', () => {
  const summary = summaryOf({ orgs, rounds: [splitRound], reports, countyCode: 'XC' });

  it('carries each split figure by sex, rolled up as the statistics roll them up', () => {
    const rolled = rollUpAll(orgs, reports, '2026Q4');
    expect(summary.round.bySex).toBe(true);
    expect(summary.committees.map((c) => c.membersFemale)).toEqual([24, 4]);
    for (const f of SEX_FIGURES) expect(summary.totals[f], f).toBe(rolled.get('XC')!.figures[f]);
    expect(summary.totals).toMatchObject({ members: 57, membersMale: 29, membersFemale: 28, youth1428Female: 69 });
  });

  it('without the split, the summary has no sex figures at all (as before the split existed)', () => {
    const plain = summaryOf({ orgs, rounds: [{ ...splitRound, bySex: undefined }], reports, countyCode: 'XC' });
    expect(plain.round).not.toHaveProperty('bySex');
    for (const f of SEX_FIGURES) expect(plain.totals).not.toHaveProperty(f);
    const columns = countySummaryTable(plain, 'zh-CN', LOCALES).columns.map((c) => c.key);
    expect(columns).toEqual(['code', 'name', 'reports', 'members', 'newMembers', 'youth1435', 'youth1428', 'ratio', 'target', 'overTarget']);
  });

  it.each(['zh-CN', 'ug'] as const)('%s: the table puts male and female after each figure, in CSV, xlsx and the HTML printed to PDF', async (lang) => {
    const table = countySummaryTable(summary, lang, LOCALES);
    expect(table.columns.map((c) => c.key).slice(3, 15)).toEqual([
      'members',
      'membersMale',
      'membersFemale',
      'newMembers',
      'newMembersMale',
      'newMembersFemale',
      'youth1435',
      'youth1435Male',
      'youth1435Female',
      'youth1428',
      'youth1428Male',
      'youth1428Female',
    ]);
    expect(table.totalRow).toMatchObject({ membersMale: 29, membersFemale: 28 });
    const csv = tableToCsv(table);
    expect(csv).toContain(LOCALES[lang].figures.membersFemale);
    // The HTML writes the label's left-to-right isolate (⁦14–28⁩) as a <bdi>.
    expect(toHtmlTable(table)).toContain(LOCALES[lang].figures.youth1428Female.replace(/\u2066([^\u2069]*)\u2069/g, '<bdi dir="ltr">$1</bdi>'));
    const sheet = (await readBack(await toXlsx(table))).worksheets[0]!;
    const headers = sheet.getRow(3).values as unknown[];
    const col = headers.indexOf(LOCALES[lang].figures.membersFemale);
    expect(col).toBeGreaterThan(0);
    let total: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'XC') total = row.getCell(col).value;
    });
    expect(total).toBe(28);
  });
});

describe('township template of a round split by sex', () => {
  const township = orgs[1]!;
  const rows = templateRows(orgs, reports, splitRound, township.id);
  const expectation: TemplateExpectation = {
    countyCode: 'XC',
    roundId: 'q4',
    townshipCode: 'XC-01',
    orgCodes: rows.orgs.map((o) => o.code),
    figures: roundColumns(splitRound),
  };
  const write = () => writeTemplate({ county: { code: 'XC' }, township, round: splitRound, orgs: rows.orgs, values: rows.values, lang: 'zh-CN', locales: LOCALES });

  it('has the sex columns after each split figure, prefilled, open for entry, and says it is the split layout (version 2)', async () => {
    const workbook = await readBack(await write());
    const sheet = dataSheet(workbook);
    const zh = LOCALES['zh-CN'].figures;
    expect((sheet.getRow(3).values as unknown[]).slice(3)).toEqual(roundColumns(splitRound).map((f) => zh[f]));
    expect(sheet.getRow(5).getCell(5).value).toBe(18); // membersFemale of XC-01-001
    expect(sheet.getRow(5).getCell(5).protection?.locked).toBe(false);
    const meta = Object.fromEntries(workbook.getWorksheet(META_SHEET)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1, 3)));
    expect(meta).toMatchObject({ version: 2, 'column.members': 3, 'column.membersMale': 4, 'column.membersFemale': 5, 'column.cadres': 15 });
  });

  it('reads every sex figure back, and points at a bad sex cell', async () => {
    const untouched = await readTemplate(await write(), expectation);
    if (!untouched.ok) throw new Error(untouched.reason);
    expect(untouched.problems).toEqual([]);
    expect(untouched.rows[0]!.values).toMatchObject({ members: 40, membersMale: 22, membersFemale: 18, youth1428Female: 43 });
    const filled = await resaved(await write(), (wb) => {
      dataSheet(wb).getCell('E6').value = 'ten';
      dataSheet(wb).getCell('D6').value = 5;
    });
    const read = await readTemplate(filled, expectation);
    if (!read.ok) throw new Error(read.reason);
    expect(read.problems).toEqual([{ sheet: dataSheet(await readBack(filled)).name, cell: 'E6', code: 'XC-01-002', figure: 'membersFemale', reason: 'cell-not-a-number', value: 'ten' }]);
    expect(read.rows[1]!.values.membersMale).toBe(5);
  });

  it('is refused for a round without the split, and a plain template for a round with it: wrong-figures', async () => {
    const plain = await readTemplate(await write(), { ...expectation, figures: splitRound.figures });
    expect(plain).toMatchObject({ ok: false, reason: 'wrong-figures' });
    const plainBytes = await writeTemplate({ county: { code: 'XC' }, township, round: { ...splitRound, bySex: false }, orgs: rows.orgs, values: rows.values, lang: 'ug', locales: LOCALES });
    expect(await readTemplate(plainBytes, expectation)).toMatchObject({ ok: false, reason: 'wrong-figures' });
  });
});
