/** Dexie stores (indexes) of the contest tables; part of schema version 5 in db.ts. */
export const CONTEST_STORES: Record<string, string> = {
  contest: 'id',
  entry: 'id, contestId',
  score: 'id, contestId, entryId',
};
