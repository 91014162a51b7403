import ExcelJS from 'exceljs';
import { generateDemoCounty, DEMO_ROUND_ID } from '../../../../shared/demo/luntai';
import type { ReportingRound } from '../../../../shared/domain/stats';
import type { Lang } from '../../../../shared/i18n/lang';
import { templateRows, writeTemplate } from '../../../../shared/stats/report/template';
import type { TemplateExpectation } from '../../../../shared/stats/report/templateRead';
import { LOCALES, readBack } from '../../report/helpers';

/** The demo's 轮台镇 (LT-01) and its 37 reporting units in the 2025 round. */
export const demo = generateDemoCounty();
export const round = demo.rounds.find((r) => r.id === DEMO_ROUND_ID) as ReportingRound;
export const township = demo.orgs.find((o) => o.code === 'LT-01')!;
export const rows = templateRows(demo.orgs, demo.reports, round, township.id);

export const expectation: TemplateExpectation = {
  countyCode: 'LT',
  roundId: round.id,
  townshipCode: 'LT-01',
  orgCodes: rows.orgs.map((o) => o.code),
  figures: round.figures,
};

export function template(lang: Lang = 'zh-CN'): Promise<Uint8Array> {
  return writeTemplate({ county: { code: 'LT' }, township, round, orgs: rows.orgs, values: rows.values, lang, locales: LOCALES });
}

/** Opens a template in exceljs, lets the test change it, and saves it again: a filled sheet coming back. */
export async function resaved(bytes: Uint8Array, change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await readBack(bytes);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  return workbook.worksheets.find((s) => s.state === 'visible')!;
}
