import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../../shared/report/spreadsheetCheck';
import { META_SHEET } from '../../../../shared/stats/report/templateMeta';
import { readTemplate, rowsToStore, type TemplateReadResult } from '../../../../shared/stats/report/templateRead';
import { templateMessage } from '../../../../shared/stats/report/templateMessages';
import { REPORT_LOCALES } from '../../../../renderer/src/features/reports/reportLocales';
import { readBack } from '../../report/helpers';
import { dataSheet, expectation, resaved, rows, template } from './templateFixtures';

const codes = rows.orgs.map((o) => o.code);
const FIRST = 5;

function ok(result: TemplateReadResult): Extract<TemplateReadResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

function metaSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  return workbook.worksheets.find((s) => s.getCell('A1').value === 'format')!;
}

function setMeta(workbook: ExcelJS.Workbook, key: string, value: string | number): void {
  metaSheet(workbook).eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
}

describe('reading a filled template saved again by a spreadsheet program', () => {
  it('accepts numbers stored as text, full-width and Arabic-Indic digits, separators, formulas and empty cells', async () => {
    const bytes = await resaved(await template(), (wb) => {
      const row = dataSheet(wb).getRow(FIRST);
      row.getCell(3).value = '120'; // members, stored as text
      row.getCell(4).value = '１２'; // newMembers, typed with a Chinese input method
      row.getCell(5).value = '4,486 '; // youth1435, with a thousands separator and a trailing space
      row.getCell(6).value = null; // youth1428, left empty
      row.getCell(7).value = '٣'; // cadres, Arabic-Indic digit
      row.getCell(8).value = { formula: '1+1', result: 2 }; // recommendedToParty, a formula with its cached result
      // Blank and formatted rows far below the table, as Excel leaves after someone scrolled and typed spaces.
      for (const r of [60, 61, 500]) {
        dataSheet(wb).getCell(r, 3).value = '  ';
        dataSheet(wb).getCell(r, 4).numFmt = '0.00';
      }
    });
    const result = ok(await readTemplate(bytes, expectation));
    // The formula is read at its last value, and said so (see 'formula cells' below).
    expect(result.problems.map((p) => p.reason)).toEqual(['cell-formula']);
    expect(result.rows).toHaveLength(37);
    expect(result.rows[0]).toEqual({
      code: codes[0],
      row: FIRST,
      values: { members: 120, newMembers: 12, youth1435: 4486, youth1428: null, cadres: 3, recommendedToParty: 2 },
      formulas: ['recommendedToParty'],
    });
  });

  it('lists every problem by sheet, cell, code and figure, and keeps the readable values', async () => {
    const bytes = await resaved(await template(), (wb) => {
      const ws = dataSheet(wb);
      const bad = ws.getRow(FIRST + 1);
      bad.getCell(3).value = -3;
      bad.getCell(4).value = 2.5;
      bad.getCell(5).value = 'abc';
      bad.getCell(6).value = '13912345678'; // a phone number in the wrong column
      ws.getCell(FIRST + 2, 1).value = 'LT-99-001'; // a branch of another township
      ws.getCell(FIRST + 4, 1).value = codes[3]!; // the same code twice; codes[4] is then missing
      ws.getCell(FIRST + 5, 1).value = ` ${codes[5]!.toLowerCase()} `; // re-typed in lower case
      ws.getCell(FIRST + 40, 3).value = 17; // figures below the table, on a row with no code
    });
    const result = ok(await readTemplate(bytes, expectation));
    const sheetName = dataSheet(await readBack(bytes)).name;
    expect(result.problems).toEqual([
      { sheet: sheetName, cell: 'C6', code: codes[1], figure: 'members', reason: 'cell-negative', value: '-3' },
      { sheet: sheetName, cell: 'D6', code: codes[1], figure: 'newMembers', reason: 'cell-not-whole', value: '2.5' },
      { sheet: sheetName, cell: 'E6', code: codes[1], figure: 'youth1435', reason: 'cell-not-a-number', value: 'abc' },
      { sheet: sheetName, cell: 'F6', code: codes[1], figure: 'youth1428', reason: 'cell-too-large', value: '13912345678' },
      { sheet: sheetName, cell: 'A7', code: 'LT-99-001', figure: null, reason: 'unknown-branch' },
      { sheet: sheetName, cell: 'A9', code: codes[3], figure: null, reason: 'duplicate-branch' },
      { sheet: sheetName, cell: 'A45', code: null, figure: null, reason: 'missing-code' },
      { sheet: sheetName, cell: null, code: codes[2], figure: null, reason: 'missing-branch' },
      { sheet: sheetName, cell: null, code: codes[4], figure: null, reason: 'missing-branch' },
    ]);
    const second = result.rows.find((r) => r.code === codes[1])!;
    expect(Object.keys(second.values).sort()).toEqual(['cadres', 'recommendedToParty']);
    expect(result.rows.find((r) => r.code === codes[5])?.row).toBe(FIRST + 5);
    expect(result.rows).toHaveLength(37 - 2);
  });

  it('holds back a row whose figures disagree by the statistics\' rules, naming the cell: members above youth 14–28', async () => {
    // Seen: a template stored members 90 against youth 14–28 60.
    const bytes = await resaved(await template(), (wb) => {
      const row = dataSheet(wb).getRow(FIRST + 2);
      row.getCell(3).value = 90; // members
      row.getCell(5).value = 300; // youth1435
      row.getCell(6).value = 60; // youth1428
    });
    const result = ok(await readTemplate(bytes, expectation));
    const sheetName = dataSheet(await readBack(bytes)).name;
    expect(result.problems).toEqual([
      { sheet: sheetName, cell: 'C7', code: codes[2], figure: 'members', reason: 'figure-above-figure', related: 'youth1428', params: { value: 90, limit: 60 } },
    ]);
    expect(result.rows.map((r) => r.code)).not.toContain(codes[2]);
    expect(result.rows).toHaveLength(37 - 1);
  });

  it('finds its metadata even when another program renamed the sheet or made it visible', async () => {
    const bytes = await resaved(await template(), (wb) => {
      const meta = metaSheet(wb);
      meta.state = 'visible';
      meta.name = 'Sheet2';
    });
    expect(ok(await readTemplate(bytes, expectation)).rows).toHaveLength(37);
  });
});

describe('refusing what is not this township\'s template for this round', () => {
  it.each([
    ['an empty file', new Uint8Array()],
    ['a PDF', strToU8('%PDF-1.7\n1 0 obj<<>>endobj\n')],
    ['a zip that is not a workbook', zipSync({ 'readme.txt': strToU8('hello') })],
    ['random bytes after a zip signature', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])],
  ])('%s: not-a-spreadsheet', async (_, bytes) => {
    expect(await readTemplate(bytes, expectation)).toMatchObject({ ok: false, reason: 'not-a-spreadsheet' });
  });

  it('a template cut short (a copy pulled out too soon): not-a-spreadsheet', async () => {
    const bytes = await template();
    expect(await readTemplate(bytes.slice(0, Math.floor(bytes.length / 2)), expectation)).toMatchObject({ ok: false, reason: 'not-a-spreadsheet' });
  });

  it('an Excel 97–2003 or WPS .et file: legacy-format', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readTemplate(ole, expectation)).toMatchObject({ ok: false, reason: 'legacy-format' });
  });

  it('a workbook someone made themselves: not-our-template', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['LT-01-001', 5]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readTemplate(bytes, expectation)).toEqual({ ok: false, reason: 'not-our-template', detail: {} });
    const tampered = await resaved(await template(), (wb) => setMeta(wb, 'format', 'something-else'));
    expect(await readTemplate(tampered, expectation)).toMatchObject({ ok: false, reason: 'not-our-template' });
  });

  it('a template from a newer League Desk: template-too-new, with both versions', async () => {
    // Version 2 is the layout with sex columns (this build reads it); 3 is from a build to come.
    const bytes = await resaved(await template(), (wb) => setMeta(wb, 'version', 3));
    expect(await readTemplate(bytes, expectation)).toEqual({ ok: false, reason: 'template-too-new', detail: { version: 3, supported: 2 } });
  });

  it.each([
    ['wrong-county', { countyCode: 'KC' }, { found: 'LT', expected: 'KC' }],
    ['wrong-township', { townshipCode: 'LT-02' }, { found: 'LT-01', expected: 'LT-02' }],
    ['wrong-round', { roundId: 'demo-round-2026' }, { found: 'demo-round-2025', expected: 'demo-round-2026' }],
    ['wrong-figures', { figures: ['members', 'youth1428'] as const }, { found: 'members,newMembers,youth1435,youth1428,cadres,recommendedToParty', expected: 'members,youth1428' }],
  ])('%s', async (reason, change, detail) => {
    expect(await readTemplate(await template(), { ...expectation, ...change })).toEqual({ ok: false, reason, detail });
  });

  it('a workbook whose data sheet is gone: not-our-template', async () => {
    const bytes = await resaved(await template(), (wb) => setMeta(wb, 'sheet', 'no such sheet'));
    expect(await readTemplate(bytes, expectation)).toMatchObject({ ok: false, reason: 'not-our-template' });
    expect(META_SHEET).toBe('LeagueDesk');
  });
});

describe('zip bombs', () => {
  const contentTypes = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

  it('refuses a workbook that unpacks to more than the limit, from its directory, without unpacking it', async () => {
    const bytes = zipSync({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': new Uint8Array(65 * 1024 * 1024) }, { level: 9 });
    expect(bytes.length).toBeLessThan(200_000);
    expect(await readTemplate(bytes, expectation)).toEqual({ ok: false, reason: 'too-large', detail: { limit: 64 } });
  });

  it('holds a part that lies about its size to the size it declared', async () => {
    const bytes = zipSync({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    // Rewrite the declared uncompressed size of the big part to 100 bytes, in both headers.
    const view = new DataView(bytes.buffer);
    for (let at = 0; at < bytes.length - 4; at += 1) {
      const signature = view.getUint32(at, true);
      const nameAt = signature === 0x04034b50 ? at + 30 : signature === 0x02014b50 ? at + 46 : -1;
      if (nameAt < 0) continue;
      const name = new TextDecoder().decode(bytes.subarray(nameAt, nameAt + 15));
      if (name === 'xl/workbook.xml') view.setUint32(signature === 0x04034b50 ? at + 22 : at + 24, 100, true);
    }
    // What exceljs is handed holds the part at its declared 100 bytes, not the 40 MB it inflates to.
    const opened = openSpreadsheet(bytes);
    if (!opened.ok) throw new Error(opened.reason);
    // Read from the directory: every part stored uncompressed, its stored bytes its whole content,
    // so JSZip in exceljs cannot inflate anything beyond what was checked.
    const parts: Array<[string, number, number, number]> = [];
    unzipSync(opened.bytes, {
      filter: (file) => {
        parts.push([file.name, file.compression, file.size, file.originalSize]);
        return false;
      },
    });
    expect(parts).toEqual([
      ['[Content_Types].xml', 0, contentTypes.length, contentTypes.length],
      ['xl/workbook.xml', 0, 100, 100],
    ]);
    expect(await readTemplate(bytes, expectation)).toMatchObject({ ok: false, reason: 'not-a-spreadsheet' });
  });
});

describe('formula cells', () => {
  it('flags each figure cell holding a formula (=1+1, HYPERLINK, a DDE call) and holds its row back unless the person chooses its last values', async () => {
    // Each formula's last value is the figure the cell held, so the rows' figures still agree.
    const held: number[] = [];
    const bytes = await resaved(await template(), (wb) => {
      const ws = dataSheet(wb);
      const formulas = ['1+1', 'HYPERLINK("http://example.invalid","7")', "cmd|' /C calc'!A0"];
      formulas.forEach((formula, i) => {
        const cell = ws.getRow(FIRST + i).getCell(3 + i);
        held.push(cell.value as number);
        cell.value = { formula, result: cell.value as number };
      });
    });
    const sheetName = dataSheet(await readBack(bytes)).name;
    const result = ok(await readTemplate(bytes, expectation));
    expect(result.problems).toEqual([
      { sheet: sheetName, cell: `C${FIRST}`, code: codes[0], figure: 'members', reason: 'cell-formula', value: String(held[0]), formula: '=1+1' },
      { sheet: sheetName, cell: `D${FIRST + 1}`, code: codes[1], figure: 'newMembers', reason: 'cell-formula', value: String(held[1]), formula: '=HYPERLINK("http://example.invalid","7")' },
      { sheet: sheetName, cell: `E${FIRST + 2}`, code: codes[2], figure: 'youth1435', reason: 'cell-formula', value: String(held[2]), formula: "=cmd|' /C calc'!A0" },
    ]);
    // Nothing is lost silently: the rows are read with their last values, and stored only by choice.
    expect(result.rows.slice(0, 3).map((r) => r.formulas)).toEqual([['members'], ['newMembers'], ['youth1435']]);
    expect(held.every((n) => n > 0)).toBe(true);
    expect(result.rows[0]!.values.members).toBe(held[0]);
    expect(rowsToStore(result.rows, false).map((r) => r.code)).toEqual(codes.slice(3));
    expect(rowsToStore(result.rows, true)).toEqual(result.rows);
    // Said in both languages, with the formula and its value.
    expect(templateMessage(result.problems[0]!, REPORT_LOCALES['zh-CN'], 'zh-CN')).toContain('=1+1');
    expect(templateMessage(result.problems[0]!, REPORT_LOCALES.ug, 'ug')).toContain(`=1+1`);
    expect(templateMessage(result.problems[0]!, REPORT_LOCALES.ug, 'ug')).toContain(String(held[0]));
  });
});
