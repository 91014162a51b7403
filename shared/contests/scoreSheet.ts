import ExcelJS from 'exceljs';
import { z } from 'zod';
import { pickText, type Lang } from '../i18n/lang';
import { cellRef } from '../report/cellRef';
import { neutralizeFormula } from '../report/cellText';
import { openSpreadsheet } from '../report/spreadsheetCheck';
import { workbookBytes } from '../report/xlsx';
import type { Contest, Entry, Score } from './rows';

/*
 * A judge's score sheet for scoring on another PC: entries by code only (blind), one column per
 * criterion. A hidden sheet says which contest, judge and criteria it is for, so a sheet comes back
 * only to where it belongs. Reading it back lists every problem by cell and keeps every good cell;
 * the screen stores nothing until the person confirms.
 */

const META_SHEET = 'ld-meta';
const FIRST_ROW = 4;
const metaSchema = z.object({
  kind: z.literal('league-desk-score-sheet'),
  version: z.literal(1),
  contest: z.string(),
  judge: z.string(),
  criteria: z.array(z.string()),
});

export interface ScoreSheetTexts {
  title: string;
  instructions: string;
  code: string;
  sheetName: string;
}

export async function scoreSheetXlsx(contest: Contest, judgeId: string, entries: readonly Entry[], scores: readonly Score[], lang: Lang, texts: ScoreSheetTexts): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(texts.sheetName.slice(0, 31), { views: [{ rightToLeft: lang === 'ug', state: 'frozen', ySplit: FIRST_ROW - 1 }] });
  sheet.getCell(1, 1).value = neutralizeFormula(texts.title);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = neutralizeFormula(texts.instructions);
  const header = sheet.getRow(FIRST_ROW - 1);
  header.getCell(1).value = neutralizeFormula(texts.code);
  contest.criteria.forEach((c, i) => {
    header.getCell(i + 2).value = neutralizeFormula(`${pickText(c.name, lang).text} (0–${c.max})`);
  });
  header.font = { bold: true };
  sheet.getColumn(1).width = 12;
  contest.criteria.forEach((_, i) => (sheet.getColumn(i + 2).width = 18));
  const mine = new Map(scores.filter((s) => s.judgeId === judgeId).map((s) => [s.entryId, s]));
  [...entries].sort((a, b) => (a.code < b.code ? -1 : 1)).forEach((entry, r) => {
    const row = sheet.getRow(FIRST_ROW + r);
    row.getCell(1).value = entry.code;
    contest.criteria.forEach((c, i) => {
      const p = mine.get(entry.id)?.points[c.id];
      const cell = row.getCell(i + 2);
      if (p !== undefined) cell.value = p;
      cell.dataValidation = { type: 'decimal', operator: 'between', formulae: [0, c.max], allowBlank: true, showErrorMessage: true };
    });
  });
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell(1, 1).value = JSON.stringify({ kind: 'league-desk-score-sheet', version: 1, contest: contest.id, judge: judgeId, criteria: contest.criteria.map((c) => c.id) });
  return workbookBytes(workbook);
}

export type ScoreSheetProblem =
  | { code: 'unknown-code'; cell: string; detail: { code: string } }
  | { code: 'not-a-number'; cell: string; detail: { value: string } }
  | { code: 'out-of-range'; cell: string; detail: { value: string; max: number } };

export type ScoreSheetRead =
  | { ok: true; points: Map<string, Record<string, number>>; problems: ScoreSheetProblem[] }
  | { ok: false; reason: 'not-a-sheet' | 'judge-mismatch' };

/** Reads a returned sheet for this contest and judge: the points per entry id, and each bad cell. */
export async function readScoreSheet(bytes: Uint8Array, contest: Contest, judgeId: string, entries: readonly Entry[]): Promise<ScoreSheetRead> {
  const opened = openSpreadsheet(bytes);
  if (!opened.ok) return { ok: false, reason: 'not-a-sheet' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(opened.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, reason: 'not-a-sheet' };
  }
  let meta: z.infer<typeof metaSchema>;
  try {
    meta = metaSchema.parse(JSON.parse(String(workbook.getWorksheet(META_SHEET)?.getCell(1, 1).value ?? '')));
  } catch {
    return { ok: false, reason: 'not-a-sheet' };
  }
  if (meta.contest !== contest.id || meta.judge !== judgeId) return { ok: false, reason: 'judge-mismatch' };
  const sheet = workbook.worksheets.find((s) => s.name !== META_SHEET)!;
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const criteria = meta.criteria.map((id) => contest.criteria.find((c) => c.id === id));
  const points = new Map<string, Record<string, number>>();
  const problems: ScoreSheetProblem[] = [];
  for (let r = FIRST_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const code = String(row.getCell(1).value ?? '').trim();
    if (!code) continue;
    const entry = byCode.get(code);
    if (!entry) {
      problems.push({ code: 'unknown-code', cell: cellRef(1, r), detail: { code } });
      continue;
    }
    const got: Record<string, number> = {};
    criteria.forEach((c, i) => {
      if (!c) return;
      const raw = row.getCell(i + 2).value;
      if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return;
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(',', '.')) : Number.NaN;
      const cell = cellRef(i + 2, r);
      if (!Number.isFinite(value)) problems.push({ code: 'not-a-number', cell, detail: { value: String(typeof raw === 'object' ? JSON.stringify(raw) : raw).slice(0, 40) } });
      else if (value < 0 || value > c.max) problems.push({ code: 'out-of-range', cell, detail: { value: String(value), max: c.max } });
      else got[c.id] = value;
    });
    if (Object.keys(got).length > 0) points.set(entry.id, got);
  }
  return { ok: true, points, problems };
}
