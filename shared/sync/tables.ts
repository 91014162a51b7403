import { z } from 'zod';
import { orgSchema } from '../domain/org';
import { roundSchema, statReportSchema, targetSchema } from '../domain/stats';
import { DELETED_FIELD, type SyncedTable } from './change';

/**
 * What a merged row of each synced table must look like. Every row is checked against its schema
 * before it is stored, locally and (later) on import, so nothing malformed reaches the database.
 */
export const TABLE_ROW_SCHEMAS: Record<SyncedTable, z.ZodObject> = {
  org: orgSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  round: roundSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  statReport: statReportSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  target: targetSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
};
