import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import ugReport from '../../../locales/ug/report.json' with { type: 'json' };
import zhReport from '../../../locales/zh-CN/report.json' with { type: 'json' };
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { buildCountySummary, type CountySummary, type CountySummaryInput } from '../../../shared/stats/report/countySummary';
import type { ReportLocales } from '../../../shared/stats/report/messages';

export const LOCALES: ReportLocales = { 'zh-CN': zhReport, ug: ugReport };

export function demoInput(): CountySummaryInput {
  return { ...generateDemoCounty(), countyCode: 'LT' };
}

/** Builds a summary and fails the test when there is none. */
export function summaryOf(input: CountySummaryInput): CountySummary {
  const summary = buildCountySummary(input);
  if (typeof summary === 'string') throw new Error(`no summary: ${summary}`);
  return summary;
}

/**
 * Loads xlsx bytes into a workbook. exceljs declares a global `interface Buffer extends ArrayBuffer`
 * that merges with Node's Buffer into a type no real value has, so its load() parameter is
 * reached through a cast; at run time it takes any Uint8Array.
 */
export async function loadXlsx(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

/** Reads xlsx bytes back with exceljs (Node build), as a second program would. */
export function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return loadXlsx(new ExcelJS.Workbook(), bytes);
}

/** exceljs reads sheet protection but its typings leave it out. */
export function sheetProtection(worksheet: ExcelJS.Worksheet): Record<string, unknown> | null {
  return (worksheet as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
}

/** The raw parts of an xlsx, to check what exceljs's reader would smooth over. */
export function xlsxParts(bytes: Uint8Array): Record<string, string> {
  const parts = unzipSync(bytes);
  return Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)]));
}

export function sheet(workbook: ExcelJS.Workbook, index = 0): ExcelJS.Worksheet {
  const found = workbook.worksheets[index];
  if (!found) throw new Error(`no sheet ${index}`);
  return found;
}
