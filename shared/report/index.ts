/**
 * The report engine without exceljs: table model, CSV and HTML writers. The xlsx writer (xlsx.ts)
 * is imported from its own file, so a screen that only shows a report does not pull exceljs (about
 * 1 MB) into its bundle; the renderer loads it with import() when a person saves a spreadsheet.
 *
 * The engine knows no feature (the layer lint): what a report says — the statistics' county summary
 * and township template (shared/stats/report/), the job figures, contest results — is built by its
 * feature as a ReportTable.
 */
export * from './table';
export { neutralizeFormula } from './cellText';
export { CSV_BOM, csvCell, tableToCsv, toCsv, type CsvCell } from './csv';
export { escapeHtml, reportStylesheet, toHtmlDocument, toHtmlTable } from './html';
export { cellRef } from './cellRef';
