import { formatMonth } from '../i18n/format';
import type { BilingualText, Lang } from '../i18n/lang';
import { interpolate } from '../i18n/interpolate';
import { nameCell, tableDirection, type ReportColumn, type ReportRow, type ReportTable } from '../report/table';
import type { JobFigures, JobFiguresReport } from './figures';
import type { JobsLocales, JobsMessages } from './messages';
import { maskPhone } from './phone';
import { ethnicityName, readEthnicity } from '../domain/ethnicity';
import type { Notice, Placement } from './rows';

/*
 * The job figures as report-engine tables (shared/report/table.ts), so the xlsx, CSV and printed
 * versions come from the writers every other report uses.
 */

export interface JobsReportContext {
  lang: Lang;
  locales: JobsLocales;
  countyName: BilingualText;
  /** A township's name by org id; undefined for an id no longer known. */
  townshipName(id: string): BilingualText | undefined;
}

const label = (locales: JobsLocales, pick: (m: JobsMessages['report']) => string) => ({ zh: pick(locales['zh-CN'].report), ug: pick(locales.ug.report) });

function figureColumns(locales: JobsLocales): ReportColumn[] {
  return [
    { key: 'notices', header: label(locales, (m) => m.notices), kind: 'integer' },
    { key: 'openings', header: label(locales, (m) => m.openings), kind: 'integer' },
    { key: 'placements', header: label(locales, (m) => m.placements), kind: 'integer' },
  ];
}

const figureCells = (f: JobFigures): ReportRow => ({ notices: f.notices, openings: f.openings, placements: f.placements });

function frame(ctx: JobsReportContext, report: JobFiguresReport, sheetName: string, columns: ReportColumn[], rows: ReportRow[]): ReportTable {
  const m = ctx.locales[ctx.lang].report;
  const county = nameCell(ctx.countyName, ctx.lang);
  return {
    title: interpolate(m.title, { year: report.year }),
    subtitle: interpolate(m.subtitle, { county: typeof county === 'object' && county !== null ? county.text : (county ?? '') }),
    lang: ctx.lang,
    direction: tableDirection(ctx.lang),
    columns,
    rows,
    totalRow: { label: m.total, ...figureCells(report.total) },
    footnotes: [m.note],
    sheetName,
    untranslatedMark: m.untranslated,
    pageFooter: m.pageFooter,
  };
}

/** One row per month of the year, January first, and the year's total. */
export function monthsTable(report: JobFiguresReport, ctx: JobsReportContext): ReportTable {
  const m = ctx.locales[ctx.lang].report;
  const columns: ReportColumn[] = [{ key: 'label', header: label(ctx.locales, (r) => r.month), kind: 'text', width: 16 }, ...figureColumns(ctx.locales)];
  const rows = report.months.map((figures, index) => ({ label: formatMonth(report.year, index + 1, ctx.lang), ...figureCells(figures) }));
  return frame(ctx, report, m.monthsSheet, columns, rows);
}

/** One row per township with figures, in the order given (the org tree's), and the county total. */
export function townshipsTable(report: JobFiguresReport, ctx: JobsReportContext, townshipOrder: readonly string[]): ReportTable {
  const m = ctx.locales[ctx.lang].report;
  const columns: ReportColumn[] = [{ key: 'label', header: label(ctx.locales, (r) => r.township), kind: 'text' }, ...figureColumns(ctx.locales)];
  const known = townshipOrder.filter((id) => report.townships.has(id));
  const unknown = [...report.townships.keys()].filter((id): id is string => id !== null && !townshipOrder.includes(id)).sort();
  const rows: ReportRow[] = [...known, ...unknown].map((id) => ({ label: nameCell(ctx.townshipName(id) ?? { zh: id }, ctx.lang), ...figureCells(report.townships.get(id)!) }));
  const none = report.townships.get(null);
  if (none) rows.push({ label: m.noTownship, ...figureCells(none) });
  return frame(ctx, report, m.townshipsSheet, columns, rows);
}

/** The group's name in the reader's language; text an older build stored is printed as written, with a mark. */
function ethnicityCell(stored: string | undefined, ctx: JobsReportContext): string | null {
  const name = ethnicityName(stored, ctx.lang);
  if (name === undefined) return null;
  return name.known ? name.text : interpolate(ctx.locales[ctx.lang].report.asWritten, { text: name.text });
}

/**
 * Who was placed, for the year: no more than the office needs to follow up, and the phone masked
 * (138****1234) because a spreadsheet travels further than anyone intends.
 */
export function placementsTable(report: JobFiguresReport, placements: readonly Placement[], notices: ReadonlyMap<string, Notice>, ctx: JobsReportContext): ReportTable {
  const m = ctx.locales[ctx.lang].report;
  const col = (key: string, pick: (r: JobsMessages['report']) => string, kind: ReportColumn['kind'], width?: number): ReportColumn => ({
    key,
    header: label(ctx.locales, pick),
    kind,
    ...(width ? { width } : {}),
  });
  const chosen = placements
    .filter((p) => p.hiredOn.startsWith(`${report.year}-`))
    .sort((a, b) => (a.hiredOn < b.hiredOn ? -1 : a.hiredOn > b.hiredOn ? 1 : a.id < b.id ? -1 : 1));
  const rows = chosen.map((p) => {
    const notice = notices.get(p.noticeId);
    return {
      hiredOn: p.hiredOn,
      name: p.name,
      sex: ctx.locales[ctx.lang].sex[p.sex],
      age: p.age,
      township: p.townshipId === null ? m.noTownship : nameCell(ctx.townshipName(p.townshipId) ?? { zh: p.townshipId }, ctx.lang),
      notice: notice ? nameCell(notice.title, ctx.lang) : null,
      ethnicity: ethnicityCell(p.ethnicity, ctx),
      phone: p.phone ? maskPhone(p.phone) : null,
    };
  });
  return {
    title: interpolate(m.placementsTitle, { year: report.year }),
    lang: ctx.lang,
    direction: tableDirection(ctx.lang),
    columns: [
      col('hiredOn', (r) => r.hiredOn, 'date'),
      col('name', (r) => r.name, 'text', 14),
      col('sex', (r) => r.sex, 'text', 8),
      col('age', (r) => r.age, 'integer', 8),
      col('township', (r) => r.township, 'text', 18),
      col('notice', (r) => r.notice, 'text'),
      col('ethnicity', (r) => r.ethnicity, 'text', 10),
      col('phone', (r) => r.phone, 'code'),
    ],
    rows,
    footnotes: [m.phoneNote, ...(chosen.some((p) => readEthnicity(p.ethnicity)?.kind === 'text') ? [m.asWrittenNote] : [])],
    sheetName: m.placementsSheet,
    untranslatedMark: m.untranslated,
    pageFooter: m.pageFooter,
  };
}
