/**
 * The report engine without exceljs: table model, builders, CSV and HTML writers, template reason
 * codes and messages. The xlsx writer and the township template (xlsx.ts, template.ts,
 * templateRead.ts) are imported from their own files, so a screen that only shows a report does
 * not pull exceljs (about 1 MB) into its bundle; the renderer loads them with import() when a
 * person exports or imports a spreadsheet.
 */
export * from './table';
export * from './messages';
export { neutralizeFormula } from './cellText';
export { CSV_BOM, csvCell, tableToCsv, toCsv, type CsvCell } from './csv';
export { escapeHtml, reportStylesheet, toHtmlDocument, toHtmlTable } from './html';
export * from './countySummary';
export { countySummaryTable, nameCell } from './countySummaryTable';
export * from './templateReasons';
export type { TemplateMeta } from './templateMeta';
export type { TemplateInput } from './template';
export type { TemplateExpectation, TemplateProblem, TemplateReadResult, TemplateRefusalResult, TemplateRow } from './templateRead';
export { templateMessage } from './templateMessages';
export { MAX_FIGURE, readFigureCell } from './figureCell';
export { cellRef } from './cellRef';
