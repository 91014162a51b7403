import type ExcelJS from 'exceljs';
import type { Org } from '../../domain/org';
import { roundColumns, type AnyFigure, type ReportingRound, type StatReport } from '../../domain/stats';
import { pickText, type Lang } from '../../i18n/lang';
import type { FigureValues } from '../totals';
import { MAX_FIGURE } from './figureCell';
import { interpolate } from '../../i18n/interpolate';
import { bilingual, periodText, type ReportLocales } from './messages';
import { nameCell, tableDirection, type ReportColumn, type ReportTable } from '../../report/table';
import { META_SHEET, SPLIT_TEMPLATE_VERSION, metaRows } from './templateMeta';
import { cellRef } from '../../report/cellRef';
import { addTableSheet, newWorkbook, workbookBytes } from '../../report/xlsx';

/*
 * The township template: the spreadsheet a township officer fills offline, one row per branch that
 * reports in the round, one column per figure the round asks for. Codes and names are locked (sheet
 * protection, no password: it guards against slips, not people), figure cells are open and accept
 * whole numbers from 0 only. A round split by sex adds each split figure's male and female columns
 * after it (roundColumns), as the entry grid shows them. A hidden sheet says which county, township, round and layout version
 * the file is, so the import (templateRead.ts) can refuse someone else's sheet.
 */

export interface TemplateInput {
  county: Pick<Org, 'code'>;
  township: Pick<Org, 'code' | 'name'>;
  round: Pick<ReportingRound, 'id' | 'period' | 'figures' | 'bySex'>;
  /** The township's reporting organisations in the round, in row order (templateRows). */
  orgs: ReadonlyArray<Pick<Org, 'code' | 'name'>>;
  /** Values already entered, by organisation code; written into the figure cells. */
  values?: ReadonlyMap<string, FigureValues>;
  lang: Lang;
  locales: ReportLocales;
}

/** Locked cells are tinted, so "fill the white cells" is an instruction anyone can follow. */
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export async function writeTemplate(input: TemplateInput): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const table = templateTable(input);
  const layout = addTableSheet(workbook, table);
  const { sheet, firstDataRow, lastDataRow, columnOf } = layout;

  const figures = roundColumns(input.round);
  const figureColumns = figures.map((figure) => columnOf.get(figure) ?? 0);
  for (let row = firstDataRow; row <= lastDataRow; row += 1) {
    for (const key of ['code', 'name']) sheet.getCell(row, columnOf.get(key) ?? 0).fill = LOCKED_FILL;
    for (const column of figureColumns) sheet.getCell(row, column).protection = { locked: false };
  }
  if (lastDataRow >= firstDataRow && figureColumns.length > 0) {
    // One rule for the whole block. Set per cell, exceljs merges cells into ranges after sorting
    // addresses as text ("C10" before "C5") and writes overlapping ranges, which Excel may offer
    // to "repair". The figure columns are adjacent (the template writes them side by side).
    const block = `${cellRef(Math.min(...figureColumns), firstDataRow)}:${cellRef(Math.max(...figureColumns), lastDataRow)}`;
    // exceljs's typings omit Worksheet.dataValidations; this is its documented model (range keys included).
    (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
      block,
      figureValidation(input.locales),
    );
  }
  // No password: Excel and WPS then unprotect without asking, which is right for a guard against
  // slips. Column widths stay adjustable; rows cannot be inserted or deleted.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const pair of metaRows({
    version: figures.length > input.round.figures.length ? SPLIT_TEMPLATE_VERSION : 1,
    county: input.county.code,
    township: input.township.code,
    round: input.round.id,
    period: input.round.period,
    sheet: sheet.name,
    firstDataRow,
    codeColumn: columnOf.get('code') ?? 0,
    figureColumns: figures.map((figure) => [figure, columnOf.get(figure) ?? 0] as const),
  })) {
    meta.addRow(pair);
  }
  return workbookBytes(workbook);
}

function templateTable(input: TemplateInput): ReportTable {
  const { locales, lang } = input;
  const m = locales[lang];
  const figures: AnyFigure[] = roundColumns(input.round);
  const columns: ReportColumn[] = [
    { key: 'code', kind: 'code', header: bilingual(locales, (l) => l.templateSheet.columns.code), width: 16 },
    { key: 'name', kind: 'text', header: bilingual(locales, (l) => l.templateSheet.columns.name), width: 36 },
    ...figures.map((figure): ReportColumn => ({ key: figure, kind: 'integer', header: bilingual(locales, (l) => l.figures[figure]), width: 13 })),
  ];
  return {
    title: interpolate(m.templateSheet.title, { township: pickText(input.township.name, lang).text, period: periodText(input.round.period, m) }),
    subtitle: m.templateSheet.instructions,
    lang,
    direction: tableDirection(lang),
    columns,
    rows: input.orgs.map((org) => {
      const values = input.values?.get(org.code) ?? {};
      return {
        code: org.code,
        name: nameCell(org.name, lang),
        ...Object.fromEntries(figures.map((figure) => [figure, values[figure] ?? null])),
      };
    }),
    sheetName: m.templateSheet.sheetName,
    untranslatedMark: m.untranslated,
    pageFooter: m.pageFooter,
  };
}

/**
 * Whole numbers from 0 to MAX_FIGURE, blank allowed. The message is in both languages because the
 * person filling the sheet may read either. Excel refuses a file whose error title is longer than
 * 32 characters, hence the cut.
 */
function figureValidation(locales: ReportLocales): ExcelJS.DataValidation {
  const both = (pick: (m: ReportLocales['zh-CN']) => string, separator: string): string => {
    const label = bilingual(locales, pick);
    return `${label.zh}${separator}${label.ug}`;
  };
  return {
    type: 'whole',
    operator: 'between',
    formulae: [0, MAX_FIGURE],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: Array.from(both((m) => m.templateSheet.validationTitle, ' / ')).slice(0, 32).join(''),
    // Not a line break: exceljs writes it raw into an XML attribute, where it reads back as a space.
    error: Array.from(both((m) => m.templateSheet.validationMessage, ' / ')).slice(0, 255).join(''),
  };
}

/**
 * The rows of a township's template: the round's reporting organisations that lie under the
 * township, in code order, and the values already entered for them in this round (any status: the
 * template is for filling in, and a draft is what the officer has so far).
 */
export function templateRows(
  orgs: readonly Org[],
  reports: readonly StatReport[],
  round: Pick<ReportingRound, 'id' | 'orgIds'>,
  townshipId: string,
): { orgs: Org[]; values: Map<string, FigureValues> } {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const under = (org: Org): boolean => {
    // Bounded by the number of organisations, so a cycle left by a bad merge cannot loop forever.
    let at: Org | undefined = org;
    for (let steps = 0; at && steps <= orgs.length; steps += 1) {
      if (at.parentId === townshipId) return true;
      at = at.parentId === null ? undefined : byId.get(at.parentId);
    }
    return false;
  };
  const rows = round.orgIds
    .map((id) => byId.get(id))
    .filter((o): o is Org => o !== undefined && under(o))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codeOf = new Map(rows.map((o) => [o.id, o.code]));
  const values = new Map<string, FigureValues>();
  for (const report of reports) {
    const code = codeOf.get(report.orgId);
    if (report.roundId === round.id && code !== undefined) values.set(code, report);
  }
  return { orgs: rows, values };
}
