import { roundSchema, statReportSchema, targetSchema } from '../domain/stats';
import type { FeatureTable } from '../feature/module';
import { REPORT_ROW_IDS } from './ids';

/** Reporting rounds: a period, which figures, a deadline. */
export const ROUND_TABLE: FeatureTable = { name: 'round', row: roundSchema, indexes: { 1: 'id, period' } };

/**
 * One organisation's report in a round. Its ids are `<round id>:<org id>`, and the demo's ids of
 * builds before issue 12 name the same rows (ids.ts). Schema 6 dropped the indexes nothing queried.
 */
export const STAT_REPORT_TABLE: FeatureTable = {
  name: 'statReport',
  row: statReportSchema,
  rowIds: REPORT_ROW_IDS,
  indexes: { 1: 'id, roundId, orgId, [roundId+orgId]', 6: 'id, roundId' },
};

/** Control ratios per school level, organisation kind or organisation. */
export const TARGET_TABLE: FeatureTable = { name: 'target', row: targetSchema, indexes: { 4: 'id' } };
