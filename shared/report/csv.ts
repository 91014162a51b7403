import { neutralizeFormula, plainCellText } from './cellText';
import { headerPair, type CellValue, type ReportColumn, type ReportRow, type ReportTable } from './table';

/**
 * CSV for spreadsheets (Excel, WPS): RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark,
 * without which Excel on a Chinese or Uyghur Windows reads the file in the local code page and
 * shows mojibake.
 */
export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';

export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One cell. Text is made formula-safe (cellText.ts) and quoted when it holds a comma, quote or line
 * break. Numbers are written as numbers, so a negative figure stays a number; a number that is not
 * finite has no meaning in a sheet and is left empty rather than written as "NaN".
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A report table as CSV: one header row in the table's language (a percentage column's header
 * saying it holds fractions, `csvFraction`), the rows, the total row. No title or footnotes: a CSV is read back by programs and by Excel's filters, which want one header
 * row and nothing but data below it.
 */
export function tableToCsv(table: ReportTable): string {
  const header = table.columns.map((column) => headerPair(column, table.lang)[0] + (column.kind === 'percent' ? (table.csvFraction ?? '') : ''));
  const body = [...table.rows, ...(table.totalRow ? [table.totalRow] : [])];
  return toCsv([header, ...body.map((row) => table.columns.map((column) => csvValue(column, row, table.untranslatedMark)))]);
}

/**
 * Percentages are written as fractions rounded to four places (0.4863 is 48.63%): a number that
 * sums and charts, with one place more than the published one-decimal percentage.
 */
function csvValue(column: ReportColumn, row: ReportRow, untranslatedMark: string): CsvCell {
  const value: CellValue | undefined = row[column.key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return column.kind === 'percent' ? Number(value.toFixed(4)) : value;
  return plainCellText(value, untranslatedMark);
}
