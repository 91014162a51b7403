import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../../../shared/domain/stats';
import { MAX_FIGURE } from '../../../../shared/stats/report/figureCell';
import { META_SHEET, TEMPLATE_FORMAT } from '../../../../shared/stats/report/templateMeta';
import { readTemplate } from '../../../../shared/stats/report/templateRead';
import { LOCALES, readBack, sheetProtection, xlsxParts } from '../../report/helpers';
import { expectation, rows, template } from './templateFixtures';

const FIRST = 5;
const LAST = FIRST + rows.orgs.length - 1;

describe('township template: what is written', () => {
  it('has one row per reporting unit of the township in the round, in code order, with their values', () => {
    expect(rows.orgs).toHaveLength(37);
    expect(rows.orgs.map((o) => o.code)).toEqual(rows.orgs.map((o) => o.code).sort());
    expect(rows.orgs.every((o) => o.code.startsWith('LT-01-'))).toBe(true);
    expect(rows.values.size).toBe(37);
  });

  it.each(['zh-CN', 'ug'] as const)('%s: bilingual header, frozen, codes and names with prefilled figures', async (lang) => {
    const ws = (await readBack(await template(lang))).getWorksheet(LOCALES[lang].templateSheet.sheetName)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, rightToLeft: lang === 'ug' });
    const [own, other] = lang === 'ug' ? [LOCALES.ug, LOCALES['zh-CN']] : [LOCALES['zh-CN'], LOCALES.ug];
    expect(ws.getRow(3).values).toEqual([undefined, own.templateSheet.columns.code, own.templateSheet.columns.name, ...FIGURES.map((f) => own.figures[f])]);
    expect(ws.getRow(4).values).toEqual([undefined, other.templateSheet.columns.code, other.templateSheet.columns.name, ...FIGURES.map((f) => other.figures[f])]);
    rows.orgs.forEach((org, i) => {
      const row = ws.getRow(FIRST + i);
      expect(row.getCell(1).value).toBe(org.code);
      const values = rows.values.get(org.code)!;
      expect(FIGURES.map((f, c) => row.getCell(3 + c).value)).toEqual(FIGURES.map((f) => values[f]));
    });
    expect(ws.getCell(`A${LAST + 1}`).value).toBeNull();
  });

  it('locks codes and names and opens the figure cells, each checked as a whole number from 0', async () => {
    const bytes = await template();
    const ws = (await readBack(bytes)).worksheets[0]!;
    expect(sheetProtection(ws)).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(sheetProtection(ws)).not.toHaveProperty('insertRows', true);
    for (let row = FIRST; row <= LAST; row += 1) {
      expect(ws.getCell(row, 1).protection?.locked, `A${row}`).not.toBe(false);
      expect(ws.getCell(row, 2).protection?.locked, `B${row}`).not.toBe(false);
      for (let column = 3; column < 3 + FIGURES.length; column += 1) {
        const cell = ws.getCell(row, column);
        expect(cell.protection?.locked, cell.address).toBe(false);
        expect(cell.dataValidation, cell.address).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, MAX_FIGURE], allowBlank: true, showErrorMessage: true });
      }
    }
    // Title and header cells stay locked.
    expect(ws.getCell('C3').protection?.locked).not.toBe(false);
    const xml = xlsxParts(bytes)['xl/worksheets/sheet1.xml'] ?? '';
    // OOXML lists what protection allows as "0": columns and rows may be resized, nothing else.
    expect(xml).toMatch(/<sheetProtection sheet="1" formatColumns="0" formatRows="0"\/>/);
    expect(xml).toMatch(/<dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="[^"]{1,32}" error="[^"\n]+" sqref="C5:H41"><formula1>0<\/formula1><formula2>10000000<\/formula2><\/dataValidation><\/dataValidations>/);
    expect(xml.match(/<dataValidation /g)).toHaveLength(1);
  });

  it('says which county, township, round and layout it is on a very hidden sheet', async () => {
    const workbook = await readBack(await template());
    const meta = workbook.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    const pairs = Object.fromEntries(meta.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1, 3)));
    expect(pairs).toMatchObject({
      format: TEMPLATE_FORMAT,
      version: 1, // a template without sex columns stays readable by builds from before the split
      county: 'LT',
      township: 'LT-01',
      round: 'demo-round-2025',
      period: '2025',
      sheet: LOCALES['zh-CN'].templateSheet.sheetName,
      firstDataRow: FIRST,
      'column.code': 1,
      'column.members': 3,
      'column.recommendedToParty': 8,
    });
  });
});

describe('township template: reading an untouched one back', () => {
  it.each(['zh-CN', 'ug'] as const)('%s: every row and value, no problems', async (lang) => {
    const result = await readTemplate(await template(lang), expectation);
    if (!result.ok) throw new Error(result.reason);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.code)).toEqual(expectation.orgCodes);
    for (const row of result.rows) {
      const values = rows.values.get(row.code)!;
      expect(row.values).toEqual(Object.fromEntries(FIGURES.map((f) => [f, values[f]])));
    }
  });
});
