import { isForeignText, type CellValue } from './table';

/**
 * Text that a spreadsheet would take for a formula: a leading = + - @, or a tab or carriage return
 * (both of which Excel skips before looking for the =). A branch name typed as
 * `=HYPERLINK("http://…","点我")` in one township's records would otherwise run on the county's PC
 * when the export is opened (OWASP "CSV injection"); the same text in an xlsx cell becomes a live
 * formula the moment someone edits the cell and presses Enter.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text a spreadsheet shows as plain text: a leading apostrophe, which Excel and WPS treat as
 * "this is text". Applied to text cells only; a negative number is a number and stays one.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text cell as it is written to a file: the other language's text gets the untranslated mark. */
export function plainCellText(value: string | Extract<CellValue, object>, untranslatedMark: string): string {
  return isForeignText(value) ? `${value.text} (${untranslatedMark})` : value;
}
