/**
 * The CLI writes CSV through the report engine's writer (shared/report/csv.ts): one set of quoting
 * and formula-injection rules for the command line and the app. Re-exported for older imports.
 */
export { csvCell, toCsv, type CsvCell } from '../../shared/report/csv';
