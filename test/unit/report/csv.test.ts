import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../../shared/report/cellText';
import { CSV_BOM, csvCell, tableToCsv, toCsv } from '../../../shared/report/csv';
import type { ReportTable } from '../../../shared/report/table';

/** An RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  return rows;
}

const table = (rows: ReportTable['rows'], extra: Partial<ReportTable> = {}): ReportTable => ({
  title: 'T',
  lang: 'zh-CN',
  direction: 'ltr',
  columns: [
    { key: 'name', kind: 'text', header: { zh: '名称', ug: 'نامى' } },
    { key: 'n', kind: 'integer', header: { zh: '人数', ug: 'سانى' } },
    { key: 'r', kind: 'percent', header: { zh: '比例', ug: 'نىسبىتى' } },
  ],
  rows,
  sheetName: 's',
  untranslatedMark: '未译',
  pageFooter: '{{page}}',
  ...extra,
});

describe('CSV writer', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = tableToCsv(table([{ name: 'a', n: 1, r: 0.5 }]));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('名称,人数,比例\r\na,1,0.5\r\n');
  });

  it('neutralizes a name that would be a formula, and keeps a negative number a number', () => {
    const csv = tableToCsv(table([{ name: '=HYPERLINK("http://evil.example","点我")', n: -5, r: -0.25 }]));
    const [, row] = parseCsv(csv.slice(1));
    expect(row).toEqual([`'=HYPERLINK("http://evil.example","点我")`, '-5', '-0.25']);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+86 996 123', "'+86 996 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a=b', 'a=b'],
    ['ئىتتىپاق', 'ئىتتىپاق'],
  ])('text cell %j → %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes percentages as fractions to four places, empty cells as nothing, and marks untranslated names', () => {
    const csv = tableToCsv(
      table([{ name: { text: 'بۈگۈر', lang: 'ug', untranslated: true }, n: null, r: 5849 / 12028 }], { totalRow: { name: '合计', n: 3, r: null } }),
    );
    expect(csv.slice(1).split('\r\n')).toEqual(['名称,人数,比例', 'بۈگۈر (未译),,0.4863', '合计,3,', '']);
  });

  it('uses the table language for the header row', () => {
    expect(tableToCsv(table([], { lang: 'ug', direction: 'rtl' })).slice(1)).toBe('نامى,سانى,نىسبىتى\r\n');
  });

  it('reads back as the same cells for any text and number (formula starts apart)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(toCsv(rows).slice(1));
        expect(parsed).toEqual(
          rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : neutralizeFormula(cell)))),
        );
      }),
    );
  });
});
