import { z } from 'zod';
import type { JobTable } from './tableNames';

/** What a merged row of each job table must look like (sync/tables.ts checks every row against it). */
export const JOB_ROW_SCHEMAS: Record<JobTable, z.ZodObject> = {
  notice: z.object({}),
  placement: z.object({}),
};
