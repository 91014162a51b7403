import type { FeatureTable } from '../feature/module';
import { JOBS_RULE } from './rules';
import { noticeSchema, placementSchema } from './rows';

export const NOTICE_TABLE: FeatureTable = { name: 'notice', row: noticeSchema, indexes: { 5: 'id, status, townshipId, closesOn' }, rule: JOBS_RULE };
/** A young person who found a job through a notice. */
export const PLACEMENT_TABLE: FeatureTable = { name: 'placement', row: placementSchema, indexes: { 5: 'id, noticeId, hiredOn' }, rule: JOBS_RULE };
