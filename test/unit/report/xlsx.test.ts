import { describe, expect, it } from 'vitest';
import { countySummaryTable } from '../../../shared/stats/report/countySummaryTable';
import type { ReportTable } from '../../../shared/report/table';
import { footerCodes, toXlsx } from '../../../shared/report/xlsx';
import { LOCALES, demoInput, readBack, sheet, summaryOf, xlsxParts } from './helpers';

const demoSummary = summaryOf(demoInput());

describe('xlsx writer: the demo county summary, read back', () => {
  it.each(['zh-CN', 'ug'] as const)('%s: titles, both header rows, figures, formats, total row', async (lang) => {
    const table = countySummaryTable(demoSummary, lang, LOCALES);
    const ws = sheet(await readBack(await toXlsx(table)));
    const m = LOCALES[lang];
    expect(ws.name).toBe(m.countySummary.sheetName);
    expect(ws.getCell('A1').value).toBe(m.countySummary.title);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain(lang === 'ug' ? 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر' : '共青团轮台县委员会');
    // Header in the report's language first, the other language under it.
    const other = lang === 'ug' ? LOCALES['zh-CN'] : LOCALES.ug;
    expect(ws.getRow(3).getCell(4).value).toBe(m.figures.members);
    expect(ws.getRow(4).getCell(4).value).toBe(other.figures.members);
    expect(ws.getRow(3).getCell(8).value).toBe(m.countySummary.columns.ratio);

    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe('LT-01');
    expect(first.getCell(2).value).toBe(lang === 'ug' ? `轮台镇团委 (${m.untranslated})` : '轮台镇团委');
    expect(first.getCell(4).numFmt).toBe('#,##0');
    expect(first.getCell(8).numFmt).toBe('0.0%');

    const total = ws.getRow(5 + demoSummary.committees.length);
    expect(total.getCell(2).value).toBe(m.countySummary.total);
    expect([4, 6, 7].map((c) => total.getCell(c).value)).toEqual([5849, 26328, 12028]);
    expect(total.getCell(8).value).toBeCloseTo(5849 / 12028, 12);
    expect(total.getCell(8).numFmt).toBe('0.0%');
    expect(total.getCell(4).font?.bold).toBe(true);
    // Footnotes after a blank row.
    expect(ws.getRow(total.number + 2).getCell(1).value).toBe(m.countySummary.notes.ratio);
  });

  it.each([
    ['zh-CN', false],
    ['ug', true],
  ] as const)('%s: frozen header rows, right to left: %s', async (lang, rtl) => {
    const bytes = await toXlsx(countySummaryTable(demoSummary, lang, LOCALES));
    const ws = sheet(await readBack(bytes));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, topLeftCell: 'A5', rightToLeft: rtl });
    const xml = xlsxParts(bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    expect(/<sheetView [^>]*rightToLeft="1"/.test(xml)).toBe(rtl);
    // Text cells in Uyghur read right to left; codes always left to right.
    // The demo's committees have Chinese names only: in either report they are Chinese text.
    expect(ws.getCell('B5').alignment?.readingOrder).toBe('ltr');
    expect(ws.getCell(`B${5 + demoSummary.committees.length}`).alignment?.readingOrder).toBe(rtl ? 'rtl' : 'ltr');
    expect(ws.getCell('A5').alignment?.readingOrder).toBe('ltr');
    expect(ws.getCell('A3').alignment?.readingOrder).toBe(rtl ? 'rtl' : 'ltr');
  });

  it('sets up printing: A4, fit to one page wide, header rows on every page, page numbers', async () => {
    const bytes = await toXlsx(countySummaryTable(demoSummary, 'zh-CN', LOCALES));
    const ws = sheet(await readBack(bytes));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    const parts = xlsxParts(bytes);
    expect(parts['xl/workbook.xml']).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>'?[^<]*'?!\$3:\$4<\/definedName>/);
    expect(parts['xl/worksheets/sheet1.xml']).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(ws.columns.map((c) => c.width)).toEqual([14, 34, 11, 11, 11, 11, 11, 14, 10, 10]);
  });

  it('writes no formula anywhere, neutralizes text that would become one, and keeps negative numbers numbers', async () => {
    const hostile: ReportTable = {
      title: '=cmd|"/c calc"!A0',
      lang: 'zh-CN',
      direction: 'ltr',
      columns: [
        { key: 'name', kind: 'text', header: { zh: '+名称', ug: '@نامى' } },
        { key: 'n', kind: 'integer', header: { zh: '数', ug: 'سان' } },
        { key: 'd', kind: 'date', header: { zh: '日期', ug: 'چېسلا' } },
      ],
      rows: [
        { name: '=HYPERLINK("http://evil.example","点我")', n: -5, d: '2026-01-20' },
        { name: { text: '-بۈگۈر', lang: 'ug', untranslated: true }, n: 0, d: null },
      ],
      sheetName: 'a/b[c]:d*e?f\\g that is far too long for excel',
      untranslatedMark: '未译',
      pageFooter: 'P&L {{page}}',
    };
    const bytes = await toXlsx([hostile, hostile]);
    const workbook = await readBack(bytes);
    const ws = sheet(workbook);
    expect(ws.getCell('A1').value).toBe(`'=cmd|"/c calc"!A0`);
    expect(ws.getCell('A3').value).toBe("'+名称");
    expect(ws.getCell('A4').value).toBe("'@نامى");
    expect(ws.getCell('A5').value).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(ws.getCell('A6').value).toBe("'-بۈگۈر (未译)");
    expect(ws.getCell('B5').value).toBe(-5);
    expect(ws.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 0, 20)));
    expect(ws.getCell('C5').numFmt).toBe('yyyy-mm-dd');
    expect(ws.headerFooter.oddFooter).toBe('&CP&&L &P');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['a b c  d e f g that is far too', 'a b c  d e f g that is far (2)']);
    for (const [name, xml] of Object.entries(xlsxParts(bytes))) expect(xml, name).not.toMatch(/<f[ >]/);
  });

  it('turns the page footer into Excel header/footer codes', () => {
    expect(footerCodes('{{page}}-بەت، جەمئىي {{pages}} بەت')).toBe('&P-بەت، جەمئىي &N بەت');
    expect(footerCodes('A & B')).toBe('A && B');
  });
});
