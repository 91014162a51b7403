import type { ReportKind } from '../feature/reports';
import { demoContestRows } from './demo';
import { checkEntries } from './eligibility';
import { contestResultsTable, resultRows, type ContestReportLocales } from './report';
import { rankContest } from './scoring';

/**
 * `league-desk report --demo --kind contest-results`: the demo county's judged contest, ranked by
 * the same code the app uses (eligibility, drop highest and lowest, tie-breaks, tiers). JSON gives
 * one object per ranked entry: rank, code, entrant, org, title, score, award.
 */
export const CONTEST_RESULTS_REPORT: ReportKind = {
  name: 'contest-results',
  namespace: 'contests',
  demo(demo, lang, locales) {
    const { contest, entries, scores } = demoContestRows(demo);
    const ranking = rankContest(contest, entries, scores, checkEntries(contest, entries));
    const orgs = new Map(demo.orgs.map((o) => [o.id, o.name]));
    const orgName = (id: string) => orgs.get(id);
    return {
      json: resultRows(contest, ranking, lang, orgName),
      tables: [contestResultsTable(contest, ranking, lang, locales as ContestReportLocales, orgName)],
    };
  },
};
