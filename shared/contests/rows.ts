import { z } from 'zod';
import type { ContestTable } from './tableNames';

/** What a merged row of each contest table must look like (sync/tables.ts checks every row against it). */
export const CONTEST_ROW_SCHEMAS: Record<ContestTable, z.ZodObject> = {
  contest: z.object({}),
  entry: z.object({}),
  score: z.object({}),
};
