import { unzipSync, zipSync } from 'fflate';
import type { TemplateRefusal } from './templateReasons';

/**
 * Limits on a file offered as a filled template. A 300-branch template is well under 1 MB
 * unpacked, so 64 MB and 2,000 parts leave room for anything Excel or WPS adds while keeping a zip
 * bomb from exhausting memory.
 */
export const SPREADSHEET_LIMITS = { unpackedBytes: 64 * 1024 * 1024, entries: 2000 } as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The Compound File signature of Excel 97–2003 .xls and WPS .et files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

export type SpreadsheetRefusal = Extract<TemplateRefusal, 'not-a-spreadsheet' | 'legacy-format' | 'too-large'>;

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
    return { ok: true, bytes: zipSync(parts, { level: 0 }) };
  } catch {
    // fflate throws on a damaged or cut-short zip.
    return { ok: false, reason: 'not-a-spreadsheet' };
  }
}
