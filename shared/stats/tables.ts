import { roundSchema, statReportSchema, targetSchema } from '../domain/stats';
import type { FeatureTable } from '../feature/module';
import { countyTable } from '../trust/ruleParts';
import { REPORT_ROW_IDS } from './ids';
import { STAT_REPORT_RULE } from './rules';

/** Reporting rounds: a period, which figures, a deadline. */
export const ROUND_TABLE: FeatureTable = { name: 'round', row: roundSchema, indexes: { 1: 'id, period' }, rule: countyTable };

/**
 * One organisation's report in a round. Its ids are `<round id>:<org id>`, and the demo's ids of
 * builds before issue 12 name the same rows (ids.ts). Schema 6 dropped the indexes nothing queried.
 */
export const STAT_REPORT_TABLE: FeatureTable = {
  name: 'statReport',
  row: statReportSchema,
  rowIds: REPORT_ROW_IDS,
  indexes: { 1: 'id, roundId, orgId, [roundId+orgId]', 6: 'id, roundId' },
  rule: STAT_REPORT_RULE,
};

/** Control ratios per school level, organisation kind or organisation. */
export const TARGET_TABLE: FeatureTable = { name: 'target', row: targetSchema, indexes: { 4: 'id' }, rule: countyTable };
