/**
 * CSV for spreadsheets (Excel, WPS): RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark,
 * without which Excel on a Chinese or Uyghur Windows reads the file in the local code page and
 * shows mojibake.
 */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';

export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One cell. Text starting with = + - @ tab or CR is a formula to a spreadsheet (a name typed as
 * `=HYPERLINK(...)` in a branch's record would run on the county's PC), so it is prefixed with an
 * apostrophe, which spreadsheets show as plain text. Numbers are written as numbers.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
