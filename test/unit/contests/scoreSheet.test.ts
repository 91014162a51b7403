import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readScoreSheet, scoreSheetXlsx } from '../../../shared/contests/scoreSheet';
import { contest, entry, score } from './fixtures';

const TEXTS = { title: '评分表', instructions: '填写分数', code: '编号', sheetName: '评分' };

describe('judge score sheets', () => {
  const c = contest();
  const entries = [entry(1), entry(2), entry(3)];

  it('lists entries by code only, with the judge\'s existing points, and reads back to the same points', async () => {
    const bytes = await scoreSheetXlsx(c, 'j1', entries, [score('e2', 'j1', 7)], 'zh-CN', TEXTS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.state === 'visible')!;
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain('E-001');
    expect(text).not.toContain('作者1');
    const read = await readScoreSheet(bytes, c, 'j1', entries);
    expect(read).toEqual({ ok: true, points: new Map([['e2', { theme: 7, content: 7, language: 7, creativity: 7 }]]), problems: [] });
  });

  it('keeps the good cells and names every bad one by cell', async () => {
    const bytes = await scoreSheetXlsx(c, 'j1', entries, [], 'ug', TEXTS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.state === 'visible')!;
    sheet.getRow(4).values = ['E-001', 8, 9, 'abc', 7];
    sheet.getRow(5).values = ['E-002', 11, 5, 5, 5];
    sheet.getRow(6).values = ['E-999', 1, 1, 1, 1];
    const filled = new Uint8Array(await book.xlsx.writeBuffer());
    const read = await readScoreSheet(filled, c, 'j1', entries);
    expect(read.ok && read.problems).toEqual([
      { code: 'not-a-number', cell: 'D4', detail: { value: 'abc' } },
      { code: 'out-of-range', cell: 'B5', detail: { value: '11', max: 10 } },
      { code: 'unknown-code', cell: 'A6', detail: { code: 'E-999' } },
    ]);
    expect(read.ok && read.points.get('e1')).toEqual({ theme: 8, content: 9, creativity: 7 });
    expect(await readScoreSheet(filled, c, 'j2', entries)).toEqual({ ok: false, reason: 'judge-mismatch' });
    expect(await readScoreSheet(new Uint8Array([1, 2, 3]), c, 'j1', entries)).toEqual({ ok: false, reason: 'not-a-sheet' });
  });
});
