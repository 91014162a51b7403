import { ALL_FIGURES } from '../domain/stats';
import { orgCodesThrough } from '../orgs/rules';
import { valuesEqual } from '../sync/canonical';
import { refuse, roles } from '../trust/ruleParts';
import type { TableRule } from '../trust/rules';

const REPORT_IDENTITY = new Set(['roundId', 'orgId', 'period']);
const TOWNSHIP_REPORT_FIELDS = new Set<string>([...ALL_FIGURES, 'notes', 'submittedAt', 'firstSubmittedAt']);
const TOWNSHIP_STATUSES = new Set<unknown>(['draft', 'submitted']);

/**
 * A report: the county writes anything; a township officer writes figures, notes, and draft or
 * submitted for its own organisations, never approved or returned, and nothing once approved.
 * (Rounds and targets are the county administrator's: shared/trust/ruleParts.ts `countyTable`.)
 */
export const STAT_REPORT_RULE: TableRule = {
  may: roles('countyAdmin', 'townshipOfficer'),
  place: (change, facts) => orgCodesThrough(change, facts, 'orgId'),
  allow(change, author, facts) {
    if (author.role === 'countyAdmin') return undefined;
    // Approval locks the report: only the county reopens it.
    if (facts.before?.status === 'approved') return refuse('report-locked');
    for (const [field, value] of Object.entries(change.fields)) {
      if (REPORT_IDENTITY.has(field)) {
        if (facts.before !== undefined && !valuesEqual(facts.before[field], value)) return refuse('field-not-allowed', field);
      } else if (field === 'status') {
        if (!TOWNSHIP_STATUSES.has(value)) return refuse('status-not-allowed', field);
      } else if (!TOWNSHIP_REPORT_FIELDS.has(field)) {
        return refuse('field-not-allowed', field);
      }
    }
    return undefined;
  },
};
