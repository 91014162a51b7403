import { z } from 'zod';
import { CONTEST_ROW_SCHEMAS } from '../contests/rows';
import { DEVICE_ROW_SCHEMAS } from '../devices/names';
import { orgSchema } from '../domain/org';
import { roundSchema, statReportSchema, targetSchema } from '../domain/stats';
import { JOB_ROW_SCHEMAS } from '../jobs/rows';
import { REPORT_ROW_IDS } from '../stats/ids';
import { DELETED_FIELD, type SyncedTable } from './change';
import type { RowIdRules } from './row';

/**
 * What a merged row of each synced table must look like. Every row is checked against its schema
 * before it is stored, locally and (later) on import, so nothing malformed reaches the database.
 */
export const TABLE_ROW_SCHEMAS: Record<SyncedTable, z.ZodObject> = {
  org: orgSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  round: roundSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  statReport: statReportSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  target: targetSchema.extend({ [DELETED_FIELD]: z.boolean().optional() }),
  ...withDeleted(JOB_ROW_SCHEMAS),
  ...withDeleted(CONTEST_ROW_SCHEMAS),
  ...withDeleted(DEVICE_ROW_SCHEMAS),
};

function withDeleted<T extends string>(schemas: Record<T, z.ZodObject>): Record<T, z.ZodObject> {
  const out = {} as Record<T, z.ZodObject>;
  for (const table of Object.keys(schemas) as T[]) out[table] = schemas[table].extend({ [DELETED_FIELD]: z.boolean().optional() });
  return out;
}

/**
 * Tables whose rows can be named by more than one id (row.ts, RowIdRule): statReport, whose demo
 * rows had ids of their own until issue 12 (shared/stats/ids.ts). The merge applies every change
 * to the row its id means, and a row's history is looked up under all its ids.
 */
export const TABLE_ROW_IDS: RowIdRules = {
  statReport: REPORT_ROW_IDS,
};
