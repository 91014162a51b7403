import ugContests from '../../locales/ug/contests.json' with { type: 'json' };
import zhContests from '../../locales/zh-CN/contests.json' with { type: 'json' };
import { demoContestRows } from '../../shared/contests/demo';
import { checkEntries } from '../../shared/contests/eligibility';
import { contestResultsTable, resultRows, type ContestReportLocales } from '../../shared/contests/report';
import { rankContest } from '../../shared/contests/scoring';
import { generateDemoCounty } from '../../shared/demo/luntai';
import type { Lang } from '../../shared/i18n/lang';
import { tableToCsv } from '../../shared/report/csv';
import { toXlsx } from '../../shared/report/xlsx';

/** Both languages' contest messages; typed, so a key missing from either file fails to compile. */
const CONTEST_LOCALES: ContestReportLocales = { 'zh-CN': zhContests, ug: ugContests };

/**
 * `league-desk report --demo --kind contest-results`: the demo county's judged contest, ranked by
 * the same code the app uses (eligibility, drop highest and lowest, tie-breaks, tiers). JSON gives
 * one object per ranked entry: rank, code, entrant, org, title, score, award.
 */
export async function renderContestResultsReport(format: 'json' | 'csv' | 'xlsx', lang: Lang): Promise<string | Uint8Array> {
  const demo = generateDemoCounty();
  const { contest, entries, scores } = demoContestRows(demo);
  const ranking = rankContest(contest, entries, scores, checkEntries(contest, entries));
  const orgs = new Map(demo.orgs.map((o) => [o.id, o.name]));
  const orgName = (id: string) => orgs.get(id);
  if (format === 'json') return `${JSON.stringify(resultRows(contest, ranking, lang, orgName), null, 2)}\n`;
  const table = contestResultsTable(contest, ranking, lang, CONTEST_LOCALES, orgName);
  return format === 'csv' ? tableToCsv(table) : toXlsx(table);
}
