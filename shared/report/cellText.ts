import { isForeignText, type CellValue } from './table';

/**
 * Text that a spreadsheet would take for a formula: a leading = + - @, or a tab or carriage return
 * (both of which Excel skips before looking for the =). A branch name typed as
 * `=HYPERLINK("http://…","点我")` in one township's records would otherwise run on the county's PC
 * when the export is opened (OWASP "CSV injection"); the same text in an xlsx cell becomes a live
 * formula the moment someone edits the cell and presses Enter.
 *
 * The check looks past what hides the start: spaces of every kind (no-break, ideographic), zero-
 * width and other invisible format characters, direction marks (Uyghur text is full of them) and
 * control characters — spreadsheets trim some of these, and a person cannot see any of them — and
 * folds compatibility forms (NFKC: full-width ＝＋－＠, small ﹦﹢﹣﹫) and the minus sign U+2212 to
 * the characters they stand for.
 */
const FORMULA_START = /^[=+\-@]/;
const CONTROL_START = /^[\t\r]/;
const HIDDEN_START = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]+/u;

function startsLikeFormula(text: string): boolean {
  if (CONTROL_START.test(text)) return true;
  const visible = text.replace(HIDDEN_START, '');
  const first = String.fromCodePoint(visible.codePointAt(0) ?? 0x20);
  return FORMULA_START.test(first.normalize('NFKC').replace('\u2212', '-'));
}

/**
 * The text a spreadsheet shows as plain text: a leading apostrophe, which Excel and WPS treat as
 * "this is text". Applied to text cells only; a negative number is a number and stays one.
 */
export function neutralizeFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** A text cell as it is written to a file: the other language's text gets the untranslated mark. */
export function plainCellText(value: string | Extract<CellValue, object>, untranslatedMark: string): string {
  return isForeignText(value) ? `${value.text} (${untranslatedMark})` : value;
}
