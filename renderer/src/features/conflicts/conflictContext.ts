import type { Org } from '../../../../shared/domain/org';
import type { ReportingRound } from '../../../../shared/domain/stats';
import type { Conflict } from '../../../../shared/sync/conflict';
import type { MergedRow } from '../../../../shared/sync/row';
import type { LeagueDeskDb } from '../../store/db';

/** The conflicts and the rows needed to say, in people's words, what each one is about. */
export interface ConflictContext {
  conflicts: Conflict[];
  /** The row each conflict is in, by `table:row`. */
  rows: ReadonlyMap<string, MergedRow>;
  orgs: ReadonlyMap<string, Org>;
  rounds: ReadonlyMap<string, ReportingRound>;
  /** Contest entries that scores in conflict belong to, by id. */
  entries: ReadonlyMap<string, MergedRow>;
}

export const rowKeyOf = (table: string, row: string) => `${table}:${row}`;

async function byId<T>(db: LeagueDeskDb, table: string, ids: Iterable<string>): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)];
  const found = await db.table<MergedRow, string>(table).bulkGet(wanted);
  return new Map(found.filter((r): r is MergedRow => r !== undefined).map((r) => [r.id, r as unknown as T]));
}

const text = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

/**
 * Reads the conflicts with what names them: each conflict's row, and the organisations, rounds
 * and entries those rows point at (a report names its organisation and round, a score its entry).
 */
export async function readConflictContext(db: LeagueDeskDb): Promise<ConflictContext> {
  const conflicts = await db.conflicts.toArray();
  const rows = new Map<string, MergedRow>();
  const tables = new Set(conflicts.map((c) => c.table));
  for (const table of tables) {
    const found = await byId<MergedRow>(db, table, conflicts.filter((c) => c.table === table).map((c) => c.row));
    for (const [id, row] of found) rows.set(rowKeyOf(table, id), row);
  }
  const ofTable = (table: string) => conflicts.filter((c) => c.table === table).map((c) => rows.get(rowKeyOf(table, c.row))).filter((r) => r !== undefined);
  const orgIds = [
    ...conflicts.filter((c) => c.table === 'org').map((c) => c.row),
    ...ofTable('statReport').flatMap((r) => text(r['orgId'])),
    ...ofTable('target').flatMap((r) => (r['appliesTo'] === 'org' ? text(r['subject']) : [])),
  ];
  const roundIds = [...conflicts.filter((c) => c.table === 'round').map((c) => c.row), ...ofTable('statReport').flatMap((r) => text(r['roundId']))];
  const [orgs, rounds, entries] = await Promise.all([
    byId<Org>(db, 'org', orgIds),
    byId<ReportingRound>(db, 'round', roundIds),
    byId<MergedRow>(db, 'entry', ofTable('score').flatMap((r) => text(r['entryId']))),
  ]);
  return { conflicts, rows, orgs, rounds, entries };
}
