import { SEXES, sexFigure, type Figure, type SexFigure } from '../../domain/stats';
import { formatInteger } from '../../i18n/format';
import { pickText, type Lang } from '../../i18n/lang';
import type { CountySummary, SummaryFigures, TargetCheck } from './countySummary';
import { interpolate } from '../../i18n/interpolate';
import { bilingual, periodText, type ReportLocales } from './messages';
import { nameCell, tableDirection, type CellValue, type ReportColumn, type ReportRow, type ReportTable } from '../../report/table';

/** The figures the county summary shows, in this order (DOMAIN.md: the published bases and members). */
const SUMMARY_FIGURES = ['members', 'newMembers', 'youth1435', 'youth1428'] as const satisfies readonly Figure[];

/**
 * The county summary as a report table in one language. Headers carry both languages; names are
 * in the chosen one, or in the other one marked untranslated (DOMAIN.md).
 */
export function countySummaryTable(summary: CountySummary, lang: Lang, locales: ReportLocales): ReportTable {
  const m = locales[lang];
  // A round split by sex: each figure's male and female columns follow it, as in the entry grid.
  const figures: Array<(typeof SUMMARY_FIGURES)[number] | SexFigure> = SUMMARY_FIGURES.flatMap((figure) => (summary.round.bySex ? [figure, ...SEXES.map((sex) => sexFigure(figure, sex))] : [figure]));
  const columns: ReportColumn[] = [
    { key: 'code', kind: 'code', header: bilingual(locales, (l) => l.countySummary.columns.code) },
    { key: 'name', kind: 'text', header: bilingual(locales, (l) => l.countySummary.columns.name), width: 34 },
    { key: 'reports', kind: 'integer', header: bilingual(locales, (l) => l.countySummary.columns.reports) },
    ...figures.map((figure): ReportColumn => ({ key: figure, kind: 'integer', header: bilingual(locales, (l) => l.figures[figure]) })),
    { key: 'ratio', kind: 'percent', header: bilingual(locales, (l) => l.countySummary.columns.ratio), width: 14 },
    { key: 'target', kind: 'percent', header: bilingual(locales, (l) => l.countySummary.columns.target) },
    { key: 'overTarget', kind: 'text', header: bilingual(locales, (l) => l.countySummary.columns.overTarget), width: 10 },
  ];
  const over = (check: TargetCheck): CellValue => (check.overTarget === true ? m.countySummary.over : null);
  const figureCells = (line: SummaryFigures & TargetCheck): ReportRow => ({
    reports: line.reports,
    ...Object.fromEntries(figures.map((figure) => [figure, line[figure] ?? null])),
    ratio: line.leagueYouthRatio,
    target: line.target,
    overTarget: over(line),
  });
  const anyTarget = [...summary.committees, summary.totals].some((line) => line.target !== null);
  const countyName = pickText(summary.county.name, lang).text;
  return {
    title: m.countySummary.title,
    subtitle: interpolate(m.countySummary.subtitle, { county: countyName, period: periodText(summary.round.period, m) }),
    lang,
    direction: tableDirection(lang),
    columns,
    rows: summary.committees.map((line) => ({ code: line.code, name: nameCell(line.name, lang), ...figureCells(line) })),
    totalRow: { code: summary.county.code, name: m.countySummary.total, ...figureCells(summary.totals) },
    footnotes: [
      // A partial round says so before anything else: its totals do not stand for the county.
      ...(summary.coverage.partial ? [m.countySummary.notes.partial] : []),
      m.countySummary.notes.ratio,
      interpolate(m.countySummary.notes.statuses, { statuses: summary.statuses.map((s) => m.statuses[s]).join(lang === 'ug' ? '، ' : '、') }),
      interpolate(m.countySummary.notes.coverage, { expected: formatInteger(summary.coverage.expected, lang, { bidi: 'plain' }), approved: formatInteger(summary.coverage.approved, lang, { bidi: 'plain' }) }),
      ...(anyTarget ? [m.countySummary.notes.target] : []),
    ],
    sheetName: m.countySummary.sheetName,
    untranslatedMark: m.untranslated,
    csvFraction: m.countySummary.csvFraction,
    pageFooter: m.pageFooter,
  };
}
