/** The synced tables of job notices and placements (added to SYNCED_TABLES in sync/change.ts). */
export const JOB_TABLES = ['notice', 'placement'] as const;
export type JobTable = (typeof JOB_TABLES)[number];
