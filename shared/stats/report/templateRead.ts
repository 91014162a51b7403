import ExcelJS from 'exceljs';
import type { AnyFigure } from '../../domain/stats';
import { figureDisagreements, type Issue } from '../validation';
import { printableName } from '../../sync/bundle/refusal';
import { cellRef } from '../../report/cellRef';
import { readFigureCell } from './figureCell';
import { openSpreadsheet, SPREADSHEET_LIMITS, TEMPLATE_LIMITS } from '../../report/spreadsheetCheck';
import { parseMeta, TEMPLATE_VERSION, type TemplateMeta } from './templateMeta';
import type { TemplateProblemReason, TemplateRefusal } from './templateReasons';

/*
 * Reading a filled township template back: a preview, nothing stored. The renderer shows every
 * problem by cell and stores the parsed values only after the person confirms.
 */

/** What the importing screen expects the sheet to be. */
export interface TemplateExpectation {
  /** The county this PC manages; a sheet of another county is refused. */
  countyCode: string;
  roundId: string;
  townshipCode: string;
  /** The township's reporting organisations in the round (templateRows). */
  orgCodes: readonly string[];
  /** The round's columns (roundColumns: sex figures included when split); a sheet asking for others is refused. */
  figures: readonly AnyFigure[];
}

export interface TemplateProblem {
  sheet: string;
  /** A1 reference; null for an expected organisation with no row. */
  cell: string | null;
  code: string | null;
  figure: AnyFigure | null;
  reason: TemplateProblemReason;
  /** The cell's text as read, for the message (cell problems only). */
  value?: string;
  /** `figure-above-figure`: the figure it must not exceed. */
  related?: AnyFigure;
  /** Figures that disagree: the numbers of the statistics' issue (`Issue.params`). */
  params?: Readonly<Record<string, number>>;
  /** `cell-formula`: the cell's formula as written (`=…`), made printable and cut short. */
  formula?: string;
}

export interface TemplateRow {
  code: string;
  /** Sheet row number, for pointing at it. */
  row: number;
  /** Each readable figure; null is an empty cell. A figure with a problem is left out. */
  values: Partial<Record<AnyFigure, number | null>>;
  /** Figures whose value is a formula's last calculated value (`cell-formula`); absent when none. */
  formulas?: AnyFigure[];
}

/**
 * The rows to store: a row with a formula cell only when the person chose to use formulas' last
 * values (default no: a formula's value is not what someone typed, and could be anything).
 */
export function rowsToStore(rows: readonly TemplateRow[], useFormulaValues: boolean): TemplateRow[] {
  return rows.filter((row) => useFormulaValues || row.formulas === undefined);
}

export type TemplateRefusalResult = { ok: false; reason: TemplateRefusal; detail: Readonly<Record<string, string | number>> };
export interface TemplateRead {
  ok: true;
  meta: TemplateMeta;
  rows: TemplateRow[];
  /** The first TEMPLATE_LIMITS.problems problems, in sheet order. */
  problems: TemplateProblem[];
  /** Problems found beyond those listed (0 when all are listed). */
  problemsNotListed: number;
}
export type TemplateReadResult = TemplateRead | TemplateRefusalResult;

export async function readTemplate(bytes: Uint8Array, expected: TemplateExpectation): Promise<TemplateReadResult> {
  const opened = openSpreadsheet(bytes);
  if (!opened.ok) return refuse(opened.reason, refusalDetail(opened.reason));
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares load(Buffer); JSZip underneath takes any Uint8Array, in Node and in the browser.
    await workbook.xlsx.load(opened.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return refuse('not-a-spreadsheet', {});
  }

  const reading = parseMeta(metaOf(workbook));
  if (!reading.ok) {
    return reading.reason === 'template-too-new'
      ? refuse('template-too-new', { version: reading.version, supported: TEMPLATE_VERSION })
      : refuse('not-our-template', {});
  }
  const { meta } = reading;
  if (meta.county !== expected.countyCode) return refuse('wrong-county', { found: meta.county, expected: expected.countyCode });
  if (meta.township !== expected.townshipCode) return refuse('wrong-township', { found: meta.township, expected: expected.townshipCode });
  if (meta.round !== expected.roundId) return refuse('wrong-round', { found: meta.round, expected: expected.roundId });
  const sheetFigures = meta.figureColumns.map(([figure]) => figure);
  if (!sameSet(sheetFigures, expected.figures)) {
    return refuse('wrong-figures', { found: sheetFigures.join(','), expected: expected.figures.join(',') });
  }
  const sheet = workbook.getWorksheet(meta.sheet);
  if (!sheet) return refuse('not-our-template', {});
  return { ok: true, meta, ...readRows(sheet, meta, expected) };
}

function refusalDetail(reason: TemplateRefusal): Record<string, number> {
  if (reason === 'too-large') return { limit: SPREADSHEET_LIMITS.unpackedBytes / 1024 / 1024 };
  if (reason === 'too-many-rows') return { limit: TEMPLATE_LIMITS.rows };
  if (reason === 'too-many-cells') return { limit: TEMPLATE_LIMITS.cells };
  return {};
}

function refuse(reason: TemplateRefusal, detail: Record<string, string | number>): TemplateRefusalResult {
  return { ok: false, reason, detail };
}

/**
 * The metadata rows, from whichever sheet starts with our format marker: found by content rather
 * than by name or visibility, because a program that re-saves the file may rename or unhide it.
 */
function metaOf(workbook: ExcelJS.Workbook): Map<string, string> {
  for (const sheet of workbook.worksheets) {
    const rows = new Map<string, string>();
    sheet.eachRow((row) => {
      const key = textOf(row.getCell(1).value);
      if (key) rows.set(key, textOf(row.getCell(2).value));
    });
    if (rows.has('format')) return rows;
  }
  return new Map();
}

function readRows(sheet: ExcelJS.Worksheet, meta: TemplateMeta, expected: TemplateExpectation): Omit<TemplateRead, 'ok' | 'meta'> {
  const wanted = new Set(expected.orgCodes);
  const seen = new Set<string>();
  const rows: TemplateRow[] = [];
  const problems: TemplateProblem[] = [];
  let problemsNotListed = 0;
  const problem = (p: Omit<TemplateProblem, 'sheet'>): void => {
    if (problems.length < TEMPLATE_LIMITS.problems) problems.push({ sheet: sheet.name, ...p });
    else problemsNotListed += 1;
  };

  // eachRow visits only rows that hold something, so trailing blank or formatted rows cost nothing.
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < meta.firstDataRow) return;
    const codeRef = cellRef(meta.codeColumn, rowNumber);
    // Codes are typed in capitals; a code re-typed in lower case or full-width letters is still the code.
    const code = textOf(row.getCell(meta.codeColumn).value).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    const cells = meta.figureColumns.map(([figure, column]) => ({ figure, column, read: readFigureCell(row.getCell(column).value) }));
    const hasFigures = cells.some((c) => !c.read.ok || c.read.value !== null);
    if (code === '') {
      if (hasFigures) problem({ cell: codeRef, code: null, figure: null, reason: 'missing-code' });
      return;
    }
    if (!wanted.has(code)) return problem({ cell: codeRef, code, figure: null, reason: 'unknown-branch' });
    if (seen.has(code)) return problem({ cell: codeRef, code, figure: null, reason: 'duplicate-branch' });
    seen.add(code);
    const values: TemplateRow['values'] = {};
    const formulas: AnyFigure[] = [];
    for (const { figure, column, read } of cells) {
      if (!read.ok) {
        problem({ cell: cellRef(column, rowNumber), code, figure, reason: read.reason, value: read.text });
        continue;
      }
      values[figure] = read.value;
      const formula = formulaOf(row.getCell(column).value);
      if (formula !== undefined) {
        formulas.push(figure);
        problem({ cell: cellRef(column, rowNumber), code, figure, reason: 'cell-formula', value: String(read.value ?? ''), formula: printableName(`=${formula}`) });
      }
    }
    // The statistics' own rules (members ≤ youth 14–28, male + female = total …), as the grid checks
    // them. A row whose figures disagree is held back whole: which of its numbers is wrong is for
    // the person to say, in the sheet.
    const disagreements = figureDisagreements(values);
    if (disagreements.length > 0) {
      const columnOf = new Map(meta.figureColumns);
      for (const issue of disagreements) problem(disagreementProblem(issue, code, cellRef(columnOf.get(issue.figure) ?? meta.codeColumn, rowNumber)));
      return;
    }
    rows.push(formulas.length > 0 ? { code, row: rowNumber, values, formulas } : { code, row: rowNumber, values });
  });
  for (const code of expected.orgCodes) {
    if (!seen.has(code)) problem({ cell: null, code, figure: null, reason: 'missing-branch' });
  }
  return { rows, problems, problemsNotListed };
}

function disagreementProblem(issue: Issue, code: string, cell: string): Omit<TemplateProblem, 'sheet'> {
  const base = { cell, code, figure: issue.figure, params: issue.params ?? {} };
  return issue.code === 'sex-sum-mismatch' ? { ...base, reason: 'sex-sum-mismatch' } : { ...base, reason: 'figure-above-figure', related: issue.related! };
}

/** The formula a cell holds (as exceljs reads it, without the `=`), or undefined for a typed value. */
function formulaOf(value: ExcelJS.CellValue): string | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  if ('formula' in value && typeof value.formula === 'string') return value.formula;
  // A cell sharing another's formula names that cell (`sharedFormula`), not a formula of its own.
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return typeof value.formula === 'string' ? value.formula : '';
  return undefined;
}

/** A cell's value as plain text, whatever exceljs made of it. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('').trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value && value.result !== undefined) return textOf(value.result as ExcelJS.CellValue);
  return '';
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
