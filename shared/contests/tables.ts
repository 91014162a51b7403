import type { FeatureTable } from '../feature/module';
import { countyTable } from '../trust/ruleParts';
import { SCORE_RULE } from './rules';
import { contestSchema, entrySchema, scoreSchema } from './rows';

export const CONTEST_TABLE: FeatureTable = { name: 'contest', row: contestSchema, indexes: { 5: 'id' }, rule: countyTable };
export const ENTRY_TABLE: FeatureTable = { name: 'entry', row: entrySchema, indexes: { 5: 'id, contestId' }, rule: countyTable };
/** One judge's points for one entry: row id `<entry id>~<judge id>` (rows.ts scoreRowId). */
export const SCORE_TABLE: FeatureTable = { name: 'score', row: scoreSchema, indexes: { 5: 'id, contestId, entryId' }, rule: SCORE_RULE };
