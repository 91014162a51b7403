import type { Org } from '../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../shared/domain/stats';
import type { Lang } from '../../shared/i18n/lang';
import { buildCountySummary, type CountySummary, type CountySummaryInput } from '../../shared/stats/report/countySummary';
import { countySummaryTable } from '../../shared/stats/report/countySummaryTable';
import { toHtmlDocument } from '../../shared/report/html';
import type { ReportLocales } from '../../shared/stats/report/messages';
import { toXlsx } from '../../shared/report/xlsx';

/*
 * The workload of the "county summary report for 2,000 organisations" benchmark (issue 3: goal
 * ≤ 2 s each for xlsx and PDF), shared by the benchmark page and a unit test that checks the work
 * is right. No clock here: the benchmark times run(), the test only checks what it produces.
 */

const CODE = 'BX';
const COMMITTEES = 40;

/**
 * A county of `organisations` organisations: the county, 40 committees, and branches spread evenly
 * under them, each with one approved report of plausible, deterministic figures.
 */
export function syntheticCounty(organisations = 2000): CountySummaryInput {
  const committees = Math.min(COMMITTEES, Math.max(0, organisations - 1));
  const branches = Math.max(0, organisations - 1 - committees);
  const org = (code: string, kind: Org['kind'], parentId: string | null, zh: string): Org => ({
    id: `bx-${code}`,
    code,
    name: { zh },
    kind,
    parentId,
    archived: false,
  });
  const orgs: Org[] = [org(CODE, 'county', null, '基准县团委')];
  for (let c = 1; c <= committees; c += 1) orgs.push(org(`${CODE}-${pad(c, 2)}`, 'township', `bx-${CODE}`, `第${c}乡团委`));
  const round: ReportingRound = { id: 'bx-2025', period: '2025', figures: ['members', 'newMembers', 'youth1435', 'youth1428'], orgIds: [], deadline: '2026-01-20', status: 'closed' };
  const reports: StatReport[] = [];
  for (let b = 0; b < branches; b += 1) {
    const committee = (b % committees) + 1;
    const code = `${CODE}-${pad(committee, 2)}-${pad(Math.floor(b / committees) + 1, 3)}`;
    const branch = org(code, 'branch', `bx-${CODE}-${pad(committee, 2)}`, `第${committee}乡第${b + 1}团支部`);
    orgs.push(branch);
    round.orgIds.push(branch.id);
    // Figures that obey the validation rules (members ≤ youth1428 ≤ youth1435, new ≤ members).
    const youth1435 = 60 + ((b * 37) % 140);
    const youth1428 = Math.floor(youth1435 * 0.45);
    const members = Math.floor(youth1428 * (0.3 + ((b * 13) % 40) / 100));
    reports.push({ id: `bx-r-${code}`, roundId: round.id, orgId: branch.id, period: '2025', status: 'approved', members, newMembers: Math.floor(members / 6), youth1435, youth1428 });
  }
  return { orgs, rounds: [round], reports, countyCode: CODE };
}

/** One benchmark iteration: the summary, its table, and the file in the given format. */
export async function countySummaryWorkload(
  input: CountySummaryInput,
  locales: ReportLocales,
  lang: Lang,
  format: 'xlsx' | 'html',
): Promise<{ summary: CountySummary; output: Uint8Array | string }> {
  const summary = buildCountySummary(input);
  if (typeof summary === 'string') throw new Error(`synthetic county: ${summary}`);
  const table = countySummaryTable(summary, lang, locales);
  return { summary, output: format === 'xlsx' ? await toXlsx(table) : toHtmlDocument(table) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
