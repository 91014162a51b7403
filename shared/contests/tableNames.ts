/** The synced tables of contests (added to SYNCED_TABLES in sync/change.ts). */
export const CONTEST_TABLES = ['contest', 'entry', 'score'] as const;
export type ContestTable = (typeof CONTEST_TABLES)[number];
