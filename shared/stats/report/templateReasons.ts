import { SPREADSHEET_REFUSALS } from '../../report/spreadsheetCheck';

/**
 * Why a filled template is refused as a whole, and what can be wrong with one row or cell of it.
 * Each code has a message under `template.<code>` in locales/<lang>/report.json; the messages'
 * placeholders are the fields of the refusal's or problem's detail.
 */
export const TEMPLATE_REFUSALS = [
  /** The file is not a spreadsheet this app can open safely (the report engine's check). */
  ...SPREADSHEET_REFUSALS,
  /** A workbook, but not one League Desk exported (no or unreadable metadata sheet). */
  'not-our-template',
  /** Made by a newer League Desk whose layout this build does not know. */
  'template-too-new',
  'wrong-county',
  'wrong-round',
  'wrong-township',
  /** The round asks for other figures than the sheet has columns for. */
  'wrong-figures',
] as const;
export type TemplateRefusal = (typeof TEMPLATE_REFUSALS)[number];

export const TEMPLATE_PROBLEMS = [
  /** A row whose code is not one of the township's reporting organisations in this round. */
  'unknown-branch',
  /** The same code on two rows: the second row is ignored. */
  'duplicate-branch',
  /** An expected organisation with no row in the sheet. */
  'missing-branch',
  /** Figures on a row with no code: nobody can tell whose they are. */
  'missing-code',
  'cell-not-a-number',
  'cell-negative',
  'cell-not-whole',
  'cell-too-large',
  /**
   * A row's figures break one of the statistics' comparison rules (shared/stats/validation.ts:
   * members above youth 14–28, one sex above its total …): the row is not imported.
   */
  'figure-above-figure',
  /** Male + female differs from the total, in a round split by sex: the row is not imported. */
  'sex-sum-mismatch',
  /**
   * A figure cell holds a formula (`=1+1`, HYPERLINK, a DDE call), not a typed number: its last
   * calculated value is what the file has. Its row is held back unless the person chooses to use
   * those values (`rowsToStore`).
   */
  'cell-formula',
] as const;
export type TemplateProblemReason = (typeof TEMPLATE_PROBLEMS)[number];

export type TemplateReason = TemplateRefusal | TemplateProblemReason;
