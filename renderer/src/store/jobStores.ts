/** Dexie stores (indexes) of the job tables; part of schema version 5 in db.ts. */
export const JOB_STORES: Record<string, string> = {
  notice: 'id, status, townshipId, closesOn',
  placement: 'id, noticeId, hiredOn',
};
