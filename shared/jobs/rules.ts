import { orgCodesThrough } from '../orgs/rules';
import { nothingMore, refuse } from '../trust/ruleParts';
import type { TableRule } from '../trust/rules';

/** Notices and placements: the county, or a township officer granted `jobs`, for its township. */
export const JOBS_RULE: TableRule = {
  may: (author) => (author.role === 'countyAdmin' || (author.role === 'townshipOfficer' && author.grants.includes('jobs')) ? undefined : refuse('role-not-allowed')),
  place: (change, facts) => orgCodesThrough(change, facts, 'townshipId'),
  allow: nothingMore,
};
