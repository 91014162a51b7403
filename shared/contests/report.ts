import { pickText, type BilingualText, type Lang } from '../i18n/lang';
import { interpolate } from '../i18n/interpolate';
import { bilingualLabel, nameCell, type ReportTable } from '../report/table';
import type { Contest } from './rows';
import type { Ranking } from './scoring';

/**
 * The part of locales/<lang>/contests.json the results report and certificates read. shared/ cannot
 * load locale files, so callers pass both languages in (the CLI imports the JSON, the renderer
 * takes i18next's bundle); the type makes a key missing from either file a compile error.
 */
export interface ContestReportMessages {
  untranslated: string;
  pageFooter: string;
  results: {
    title: string;
    subtitle: string;
    sheetName: string;
    noAward: string;
    columns: { rank: string; code: string; entrant: string; org: string; title: string; score: string; award: string };
    notes: { tieBreaks: string; dropped: string; overridden: string };
  };
  certificate: { heading: string; body: string };
}
export type ContestReportLocales = Readonly<Record<Lang, ContestReportMessages>>;

/** One row of the results: what the CLI's JSON gives and every writer prints. */
export interface ResultRow {
  rank: number;
  code: string;
  entrant: string;
  org: string | null;
  title: string;
  /** Rounded to two decimals, as published. */
  score: number;
  /** The award's name in the report's language; null: no award. */
  award: string | null;
  overridden: boolean;
}

export function resultRows(contest: Contest, ranking: Ranking, lang: Lang, orgName: (orgId: string) => BilingualText | undefined): ResultRow[] {
  const tierName = new Map(contest.tiers.map((t) => [t.id, pickText(t.name, lang).text]));
  return ranking.ranked.map((r) => {
    const org = r.entry.orgId ? orgName(r.entry.orgId) : undefined;
    return {
      rank: r.rank,
      code: r.entry.code,
      entrant: r.entry.entrantName,
      org: org ? pickText(org, lang).text : null,
      title: r.entry.title,
      score: Math.round(r.score * 100) / 100,
      award: r.tierId === null ? null : (tierName.get(r.tierId) ?? null),
      overridden: r.overridden,
    };
  });
}

/** The ranked results as a report table (the report engine writes it as xlsx, CSV or printable HTML). */
export function contestResultsTable(
  contest: Contest,
  ranking: Ranking,
  lang: Lang,
  locales: ContestReportLocales,
  orgName: (orgId: string) => BilingualText | undefined,
): ReportTable {
  const m = locales[lang];
  const both = (pick: (x: ContestReportMessages['results']['columns']) => string) => bilingualLabel(locales, (m) => pick(m.results.columns));
  const rows = resultRows(contest, ranking, lang, orgName);
  const byCode = new Map(ranking.ranked.map((r) => [r.entry.code, r]));
  const title = pickText(contest.title, lang).text;
  return {
    title: interpolate(m.results.title, { contest: title }),
    subtitle: interpolate(m.results.subtitle, { theme: pickText(contest.theme, lang).text, count: rows.length }),
    lang,
    direction: lang === 'ug' ? 'rtl' : 'ltr',
    columns: [
      { key: 'rank', header: both((c) => c.rank), kind: 'integer', width: 6 },
      { key: 'code', header: both((c) => c.code), kind: 'code', width: 9 },
      { key: 'entrant', header: both((c) => c.entrant), kind: 'text', width: 18 },
      { key: 'org', header: both((c) => c.org), kind: 'text', width: 18 },
      { key: 'title', header: both((c) => c.title), kind: 'text', width: 22 },
      { key: 'score', header: both((c) => c.score), kind: 'code', width: 8 },
      { key: 'award', header: both((c) => c.award), kind: 'text', width: 16 },
    ],
    rows: rows.map((r) => {
      const entry = byCode.get(r.code)!.entry;
      const org = entry.orgId ? orgName(entry.orgId) : undefined;
      return {
        rank: r.rank,
        code: r.code,
        entrant: r.entrant,
        org: org ? nameCell(org, lang) : null,
        title: r.title,
        score: r.score,
        award: r.award === null ? m.results.noAward : r.overridden ? `${r.award} *` : r.award,
      };
    }),
    footnotes: [m.results.notes.tieBreaks, ...(contest.dropExtremes ? [m.results.notes.dropped] : []), ...(rows.some((r) => r.overridden) ? [m.results.notes.overridden] : [])],
    sheetName: m.results.sheetName,
    untranslatedMark: m.untranslated,
    pageFooter: m.pageFooter,
  };
}
