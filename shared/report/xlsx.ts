import ExcelJS from 'exceljs';
import { neutralizeFormula, plainCellText } from './cellText';
import { interpolate } from '../i18n/interpolate';
import {
  columnWidth,
  headerPair,
  isForeignText,
  otherLang,
  type CellValue,
  type ColumnKind,
  type ReportColumn,
  type ReportTable,
} from './table';

/*
 * Report tables as xlsx, through exceljs. Runs in Node (the CLI; exceljs's "main") and in the
 * renderer (Vite takes exceljs's "browser" build, dist/exceljs.min.js); test/unit/report/
 * browserBundle.test.ts bundles this file for the browser and runs the result.
 *
 * Layout of one sheet: title, subtitle, the header in the table's language, the header in the
 * other language, the rows, the total row, a blank row, the footnotes. The two header rows are
 * frozen and repeat on every printed page.
 */

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  code: '@',
  integer: '#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

/** Where addTableSheet put things, for callers that add to the sheet (the township template). */
export interface SheetLayout {
  sheet: ExcelJS.Worksheet;
  headerRows: [number, number];
  /** First and last row of table.rows (last < first when there are none). */
  firstDataRow: number;
  lastDataRow: number;
  /** Column number (1-based) of each column key. */
  columnOf: ReadonlyMap<string, number>;
}

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const HEADER_ROWS: [number, number] = [3, 4];
const FIRST_DATA_ROW = 5;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9AA5B1' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** A workbook with the app as author. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'League Desk';
  workbook.lastModifiedBy = 'League Desk';
  return workbook;
}

/** One workbook, one sheet per table, as the bytes of an .xlsx file. */
export async function toXlsx(tables: ReportTable | readonly ReportTable[]): Promise<Uint8Array> {
  const workbook = newWorkbook();
  for (const table of Array.isArray(tables) ? tables : [tables]) addTableSheet(workbook, table);
  return workbookBytes(workbook);
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // Node returns a Buffer, the browser build its Buffer polyfill; both are copied into a plain
  // Uint8Array so callers (the bridge's saveFile, fs.writeFileSync) see one type.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable): SheetLayout {
  const rtl = table.direction === 'rtl';
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, table.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROWS[1], topLeftCell: `A${FIRST_DATA_ROW}`, rightToLeft: rtl }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: table.columns.length > 7 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${footerCodes(table.pageFooter)}` },
  });
  const count = table.columns.length;
  sheet.columns = table.columns.map((column) => ({ key: column.key, width: columnWidth(column) }));

  banner(sheet, TITLE_ROW, count, table.title, { bold: true, size: 14 }, rtl);
  banner(sheet, SUBTITLE_ROW, count, table.subtitle ?? '', { size: 11 }, rtl);
  headerRow(sheet, HEADER_ROWS[0], table, 0);
  headerRow(sheet, HEADER_ROWS[1], table, 1);

  let rowNumber = FIRST_DATA_ROW;
  for (const row of table.rows) dataRow(sheet, rowNumber++, table, row, false);
  const lastDataRow = rowNumber - 1;
  if (table.totalRow) dataRow(sheet, rowNumber++, table, table.totalRow, true);
  rowNumber += 1;
  for (const note of table.footnotes ?? []) banner(sheet, rowNumber++, count, note, { size: 9 }, rtl);

  return {
    sheet,
    headerRows: HEADER_ROWS,
    firstDataRow: FIRST_DATA_ROW,
    lastDataRow,
    columnOf: new Map(table.columns.map((column, i) => [column.key, i + 1])),
  };
}

/** A line of text across the whole table width (title, subtitle, footnote). */
function banner(sheet: ExcelJS.Worksheet, row: number, columns: number, text: string, font: Partial<ExcelJS.Font>, rtl: boolean): void {
  const cell = sheet.getCell(row, 1);
  cell.value = neutralizeFormula(text);
  cell.font = font;
  cell.alignment = { wrapText: true, vertical: 'top', readingOrder: rtl ? 'rtl' : 'ltr' };
  if (columns > 1) sheet.mergeCells(row, 1, row, columns);
  // Merged cells do not grow with wrapped text in Excel; give long lines room across the table's width.
  const tableWidth = sheet.columns.reduce((sum, column) => sum + (column.width ?? 10), 0);
  const lines = Math.max(1, Math.ceil((displayWidth(text) * (font.size ?? 11)) / 11 / Math.max(10, tableWidth - 2)));
  sheet.getRow(row).height = Math.max(font.size ?? 11, 11) * 1.4 * lines + 2;
}

function headerRow(sheet: ExcelJS.Worksheet, row: number, table: ReportTable, which: 0 | 1): void {
  const lang = which === 0 ? table.lang : otherLang(table.lang);
  let lines = 1;
  table.columns.forEach((column, i) => {
    const cell = sheet.getCell(row, i + 1);
    const text = headerPair(column, table.lang)[which];
    cell.value = neutralizeFormula(text);
    cell.font = which === 0 ? { bold: true } : { size: 9, color: { argb: 'FF444444' } };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, readingOrder: lang === 'ug' ? 'rtl' : 'ltr' };
    // The smaller second-row font fits about a fifth more per line.
    lines = Math.max(lines, Math.ceil(displayWidth(text) / ((columnWidth(column) - 1) * (which === 0 ? 1 : 1.2))));
  });
  // Excel and WPS do not grow a row for wrapped text written by a program; a clipped header is unreadable.
  sheet.getRow(row).height = lines * (which === 0 ? 15 : 12) + 4;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const ARABIC = /\p{Script=Arabic}/u;

/**
 * About how wide a text is in Excel's width unit (one "0" of the default font): Chinese characters
 * take two, joined Arabic-script letters a little less than one.
 */
function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDE.test(c) ? 2 : ARABIC.test(c) ? 0.8 : 1;
  return width;
}

function dataRow(sheet: ExcelJS.Worksheet, row: number, table: ReportTable, values: Readonly<Record<string, CellValue>>, total: boolean): void {
  table.columns.forEach((column, i) => {
    const cell = sheet.getCell(row, i + 1);
    const value = values[column.key];
    cell.value = excelValue(column, value ?? null, table.untranslatedMark);
    cell.numFmt = NUMBER_FORMATS[column.kind];
    cell.border = total ? { ...BOX, top: { style: 'medium' } } : BOX;
    if (total) cell.font = { bold: true };
    const textLang = isForeignText(value) ? value.lang : table.lang;
    if (column.kind === 'code') cell.alignment = { readingOrder: 'ltr' };
    else if (column.kind === 'text') cell.alignment = { readingOrder: textLang === 'ug' ? 'rtl' : 'ltr', wrapText: true };
  });
}

/** Every string is made formula-safe here, the one place text reaches a cell. */
function excelValue(column: ReportColumn, value: CellValue, untranslatedMark: string): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (column.kind === 'date' && typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // A real date, so Excel sorts and filters it as one; UTC, because exceljs writes UTC serials.
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  return neutralizeFormula(plainCellText(value, untranslatedMark));
}

/** "第 {{page}} 页，共 {{pages}} 页" → "第 &P 页，共 &N 页"; a literal & is doubled, as Excel requires. */
export function footerCodes(template: string): string {
  return interpolate(template.replace(/&/g, '&&'), { page: '&P', pages: '&N' });
}

/** Excel's rules for sheet names: no []:*?/\, no leading or trailing apostrophe, 1–31 characters, unique. */
function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const clean = (text: string, length: number): string =>
    Array.from(text.replace(/[[\]:*?/\\]/g, ' ')).slice(0, length).join('').replace(/^[\s']+|[\s']+$/g, '');
  const base = clean(wanted, 31) || 'Sheet';
  const taken = (name: string): boolean => workbook.worksheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  let name = base;
  for (let n = 2; taken(name); n += 1) name = `${clean(base, 26)} (${n})`;
  return name;
}
