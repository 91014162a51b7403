import type { FeatureTable } from '../feature/module';
import { contestSchema, entrySchema, scoreSchema } from './rows';

export const CONTEST_TABLE: FeatureTable = { name: 'contest', row: contestSchema, indexes: { 5: 'id' } };
export const ENTRY_TABLE: FeatureTable = { name: 'entry', row: entrySchema, indexes: { 5: 'id, contestId' } };
/** One judge's points for one entry: row id `<entry id>~<judge id>` (rows.ts scoreRowId). */
export const SCORE_TABLE: FeatureTable = { name: 'score', row: scoreSchema, indexes: { 5: 'id, contestId, entryId' } };
