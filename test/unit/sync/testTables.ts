/**
 * The sync core's tests run on tables of their own: the core is handed its tables (SyncTables) and
 * knows none of the app's. These two are named and shaped like two of the app's — an organisation
 * and a report — so that the scenarios read as the app's do, but nothing here comes from a feature.
 */
import { z } from 'zod';
import { memoryAccess, type MemorySyncStore } from '../../../shared/sync/memoryAccess';
import { syncTables, type SyncedTableDef } from '../../../shared/sync/tables';

const text = z.object({ zh: z.string().optional(), ug: z.string().optional() });
const count = z.number().int().nonnegative().nullable();

export const ORG: SyncedTableDef = {
  name: 'org',
  row: z.object({
    id: z.string(),
    code: z.string().regex(/^[A-Z]{2,4}(-[0-9A-Z]{1,4})*$/),
    name: text,
    kind: z.enum(['county', 'township', 'branch']),
    parentId: z.string().nullable(),
    secretaryName: z.string().optional(),
    archived: z.boolean(),
  }),
};

export const REPORT: SyncedTableDef = {
  name: 'statReport',
  row: z.object({
    id: z.string(),
    roundId: z.string(),
    orgId: z.string(),
    period: z.string(),
    status: z.enum(['draft', 'submitted', 'approved', 'returned']),
    members: count.optional(),
    newMembers: count.optional(),
  }),
};

export const TEST_TABLES = syncTables([ORG, REPORT]);

/** An in-memory sync store of the test tables. */
export function testStore(options: { now?: () => number } = {}): MemorySyncStore {
  return memoryAccess({ tables: TEST_TABLES, ...options });
}
