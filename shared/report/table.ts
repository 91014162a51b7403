import { directionOf, pickText, type BilingualText, type Lang } from '../i18n/lang';

/*
 * The report engine's table model: what a report says, before anyone decides how it is written.
 * Builders (the statistics' county summary in shared/stats/report/, the job figures, contest
 * results…) produce a ReportTable; writers turn it into CSV (csv.ts), xlsx (xlsx.ts) or printable HTML (html.ts).
 * Nothing here knows a file format, and nothing here translates: every label arrives already
 * localized from the caller (shared/ cannot load i18next or the locale files).
 */

/** How a column's values are written: number formats, alignment, formula safety. */
export const COLUMN_KINDS = ['text', 'code', 'integer', 'percent', 'date'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/**
 * A header in both working languages. Headers are always bilingual because a sheet travels: the
 * county prints it in Chinese, a township officer reads it in Uyghur, and the xlsx shows both.
 */
export interface BilingualLabel {
  zh: string;
  ug: string;
}

export interface ReportColumn {
  /** Key into each row. */
  key: string;
  header: BilingualLabel;
  kind: ColumnKind;
  /** Width in characters (xlsx column width, HTML `ch`); the writer picks one by kind if absent. */
  width?: number;
}

/**
 * A text shown in a language other than the report's, because the text in the report's language
 * is missing (DOMAIN.md: "show the other language, marked"). Writers append the table's
 * untranslatedMark and, in HTML, tag the text with its own lang and direction.
 */
export interface ForeignText {
  text: string;
  lang: Lang;
  untranslated: true;
}

/**
 * One cell. Numbers are numbers (a percent is a fraction: 0.486 is 48.6%), dates are `yyyy-mm-dd`
 * strings, null is an empty cell ("no value", never 0).
 */
export type CellValue = string | number | null | ForeignText;
export type ReportRow = Readonly<Record<string, CellValue>>;

export interface ReportTable {
  title: string;
  subtitle?: string;
  lang: Lang;
  direction: 'ltr' | 'rtl';
  columns: readonly ReportColumn[];
  rows: readonly ReportRow[];
  /** Shown bold after the rows; its ratios must be computed from its totals, never averaged. */
  totalRow?: ReportRow;
  footnotes?: readonly string[];
  /** Worksheet name for xlsx (at most 31 characters, none of `[]:*?/\`). */
  sheetName: string;
  /** Appended to a ForeignText, e.g. "未译". */
  untranslatedMark: string;
  /**
   * Appended to a percentage column's header in CSV, which writes the fraction (0.4863) where the
   * other writers show "48.6%": a CSV must say its unit in its header ("团青比例（小数，0.4863 即 48.63%）").
   */
  csvFraction?: string;
  /**
   * Page footer with `{{page}}` and `{{pages}}` placeholders ("第 {{page}} 页，共 {{pages}} 页"):
   * xlsx turns them into &P / &N, the print stylesheet into CSS page counters.
   */
  pageFooter: string;
}

export function isForeignText(value: CellValue | undefined): value is ForeignText {
  return typeof value === 'object' && value !== null;
}

/** The header in the table's language and in the other one, in that order. */
export function headerPair(column: ReportColumn, lang: Lang): [string, string] {
  return lang === 'ug' ? [column.header.ug, column.header.zh] : [column.header.zh, column.header.ug];
}

export function otherLang(lang: Lang): Lang {
  return lang === 'ug' ? 'zh-CN' : 'ug';
}

/** A name in the table's language, or the other language's marked as untranslated. */
export function nameCell(name: BilingualText, lang: Lang): CellValue {
  const picked = pickText(name, lang);
  if (picked.translated || picked.text === '') return picked.text;
  return { text: picked.text, lang: otherLang(lang), untranslated: true };
}

/** A header from both languages' messages (a builder's locale files, passed in), for a bilingual column. */
export function bilingualLabel<M>(locales: Readonly<Record<Lang, M>>, pick: (messages: M) => string): BilingualLabel {
  return { zh: pick(locales['zh-CN']), ug: pick(locales.ug) };
}

/** The direction a table in this language runs; builders use it so the two cannot disagree. */
export const tableDirection = directionOf;

/** Default widths in characters, by kind: wide enough for the county's figures and names. */
export const DEFAULT_WIDTHS: Record<ColumnKind, number> = { text: 28, code: 14, integer: 11, percent: 10, date: 12 };

export function columnWidth(column: ReportColumn): number {
  return column.width ?? DEFAULT_WIDTHS[column.kind];
}
