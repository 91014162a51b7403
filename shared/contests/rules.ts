import { after, nowhere, refuse, roles } from '../trust/ruleParts';
import type { TableRule } from '../trust/rules';

/**
 * A score: the county, or a judge only as the contest and judge ids it is assigned. A score belongs
 * to its contest and judge, not to an organisation: the judge's assignments decide. (Contests and
 * entries are the county administrator's: shared/trust/ruleParts.ts `countyTable`.)
 */
export const SCORE_RULE: TableRule = {
  may: roles('countyAdmin', 'judge'),
  place: nowhere,
  allow(change, author, facts) {
    if (author.role === 'countyAdmin') return undefined;
    const assigned = (contest: unknown, judge: unknown) => (author.judging ?? []).some((a) => a.contest === contest && a.judge === judge);
    const before = facts.before;
    if (before !== undefined && !assigned(before.contestId, before.judgeId)) return refuse('not-own-score');
    return assigned(after(change, facts, 'contestId'), after(change, facts, 'judgeId')) ? undefined : refuse('not-own-score');
  },
};
