import { unzipSync, zipSync } from 'fflate';

/**
 * Limits on a file offered as a filled template. A 300-branch template is well under 1 MB
 * unpacked, so 64 MB and 2,000 parts leave room for anything Excel or WPS adds while keeping a zip
 * bomb from exhausting memory.
 */
export const SPREADSHEET_LIMITS = { unpackedBytes: 64 * 1024 * 1024, entries: 2000 } as const;

/**
 * What a township template can hold, counted in the sheets' XML before the workbook is parsed
 * (parsing a sheet of 1,048,576 rows took 15 s and 2.9 GB). A township has at most a few hundred
 * reporting organisations, one row each, plus a few heading rows and the metadata sheet's rows:
 * 2,000 rows across all sheets, and 100,000 cells (2,000 rows of 50 columns), leave room for notes
 * someone adds; more cannot be a township's sheet. At most `problems` problems are listed; the
 * preview says how many more there were.
 */
export const TEMPLATE_LIMITS = { rows: 2000, cells: 100_000, problems: 200 } as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The Compound File signature of Excel 97–2003 .xls and WPS .et files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Why bytes offered as a spreadsheet are refused before any of it is read. */
export const SPREADSHEET_REFUSALS = [
  /** Not a zip-based workbook at all (a PDF, a picture, a damaged or cut-short file). */
  'not-a-spreadsheet',
  /** An Excel 97–2003 (.xls) or WPS (.et) file: a spreadsheet, but one this app cannot read. */
  'legacy-format',
  /** Bigger than any template could be once unpacked: refused before it can exhaust memory. */
  'too-large',
  /** More rows than a township's sheet can have (TEMPLATE_LIMITS.rows), counted before the sheet is read. */
  'too-many-rows',
  /** More cells than a township's sheet can have (TEMPLATE_LIMITS.cells), counted before the sheet is read. */
  'too-many-cells',
] as const;
export type SpreadsheetRefusal = (typeof SPREADSHEET_REFUSALS)[number];

/**
 * Checks that bytes are an .xlsx workbook and returns a copy that is safe to hand to exceljs.
 *
 * exceljs unpacks with JSZip, which inflates each part to whatever size it really has: a part whose
 * directory entry claims 1 KB can inflate to gigabytes. So the parts are unpacked here first, with
 * fflate, into buffers of exactly their declared sizes (fflate cannot write past a buffer it was
 * given, so a lying entry comes out cut short and fails to parse later), after checking that the
 * declared sizes add up to less than the limit; then they are packed again uncompressed. exceljs
 * gets bytes whose every part is as big as it says.
 */
export function openSpreadsheet(bytes: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; reason: SpreadsheetRefusal } {
  if (startsWith(bytes, OLE)) return { ok: false, reason: 'legacy-format' };
  if (!startsWith(bytes, ZIP)) return { ok: false, reason: 'not-a-spreadsheet' };
  try {
    const names = new Set<string>();
    let unpacked = 0;
    // First pass: the filter sees each entry's directory record and declines it; nothing is inflated.
    unzipSync(bytes, {
      filter(file) {
        names.add(file.name.replace(/^\//, ''));
        unpacked += file.originalSize;
        return false;
      },
    });
    if (unpacked > SPREADSHEET_LIMITS.unpackedBytes || names.size > SPREADSHEET_LIMITS.entries) return { ok: false, reason: 'too-large' };
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return { ok: false, reason: 'not-a-spreadsheet' };
    const parts = unzipSync(bytes);
    let rows = 0;
    let cells = 0;
    for (const [name, data] of Object.entries(parts)) {
      if (!/^\/?xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
      rows += countElements(data, ROW);
      cells += countElements(data, CELL);
    }
    // Counted in the XML, so a sheet that cannot be a township's is refused before exceljs builds it.
    if (rows > TEMPLATE_LIMITS.rows) return { ok: false, reason: 'too-many-rows' };
    if (cells > TEMPLATE_LIMITS.cells) return { ok: false, reason: 'too-many-cells' };
    return { ok: true, bytes: zipSync(parts, { level: 0 }) };
  } catch {
    // fflate throws on a damaged or cut-short zip.
    return { ok: false, reason: 'not-a-spreadsheet' };
  }
}

const ROW = [0x72, 0x6f, 0x77]; // row
const CELL = [0x63]; // c

/** A byte that may end an element's name in its start tag: space, tab, CR, LF, `>` or `/`. */
const endsName = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a || b === 0x3e || b === 0x2f;
const isNameByte = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2d || b === 0x2e;

/**
 * Start tags of an element in XML bytes, with or without a namespace prefix (`<row …>`, `<x:row …>`),
 * in one pass over the bytes: no text is decoded and nothing is built.
 */
export function countElements(xml: Uint8Array, name: readonly number[]): number {
  let count = 0;
  for (let at = xml.indexOf(0x3c); at !== -1; at = xml.indexOf(0x3c, at + 1)) {
    let start = at + 1;
    // Skip a prefix (`x:`): name bytes followed by a colon.
    let end = start;
    while (end < xml.length && isNameByte(xml[end]!)) end += 1;
    if (xml[end] === 0x3a) start = end + 1;
    if (name.every((b, i) => xml[start + i] === b) && endsName(xml[start + name.length])) count += 1;
  }
  return count;
}
