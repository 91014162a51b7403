import type { Org } from '../../../../shared/domain/org';
import type { ReportingRound } from '../../../../shared/domain/stats';
import type { Conflict } from '../../../../shared/sync/conflict';
import type { MergedRow } from '../../../../shared/sync/row';
import type { LeagueDeskDb } from '../../store/db';
import { REFUSED_STORE, type RefusedEntry } from '../../store/trustStore';

/** The conflicts and the rows needed to say, in people's words, what each one is about. */
export interface ConflictContext {
  conflicts: Conflict[];
  /** The row each conflict is in, by `table:row`. */
  rows: ReadonlyMap<string, MergedRow>;
  orgs: ReadonlyMap<string, Org>;
  rounds: ReadonlyMap<string, ReportingRound>;
  /** Contest entries that scores in conflict belong to, by id. */
  entries: ReadonlyMap<string, MergedRow>;
  /** Contests the rows name (a score's or an entry's contest: its title, judges and criteria), by id. */
  contests: ReadonlyMap<string, MergedRow>;
}

/** What names the rows of a list of conflicts or changes. */
export type RowContext = Omit<ConflictContext, 'conflicts'>;

export const rowKeyOf = (table: string, row: string) => `${table}:${row}`;

async function byId<T>(db: LeagueDeskDb, table: string, ids: Iterable<string>): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)];
  const found = await db.table<MergedRow, string>(table).bulkGet(wanted);
  return new Map(found.filter((r): r is MergedRow => r !== undefined).map((r) => [r.id, r as unknown as T]));
}

const text = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

/** A row a change or conflict is about. */
interface RowRef {
  table: string;
  row: string;
}

/**
 * Reads the rows `refs` are about and the organisations, rounds and entries those rows point at (a
 * report names its organisation and round, a score its entry). `known` are rows to use where this
 * PC holds none (a refused change's own fields).
 */
async function readRowContext(db: LeagueDeskDb, refs: readonly RowRef[], known: ReadonlyMap<string, MergedRow> = new Map()): Promise<RowContext> {
  const rows = new Map<string, MergedRow>(known);
  const tables = new Set(refs.map((c) => c.table));
  for (const table of tables) {
    const found = await byId<MergedRow>(db, table, refs.filter((c) => c.table === table).map((c) => c.row));
    for (const [id, row] of found) rows.set(rowKeyOf(table, id), { ...known.get(rowKeyOf(table, id)), ...row });
  }
  const ofTable = (table: string) => refs.filter((c) => c.table === table).map((c) => rows.get(rowKeyOf(table, c.row))).filter((r) => r !== undefined);
  const all = [...tables].flatMap(ofTable);
  const orgIds = [
    ...refs.filter((c) => c.table === 'org').map((c) => c.row),
    // Any organisation a row names (a report's, a notice's township, a new organisation's parent).
    ...all.flatMap((r) => [...text(r['orgId']), ...text(r['townshipId']), ...text(r['parentId'])]),
    ...ofTable('target').flatMap((r) => (r['appliesTo'] === 'org' ? text(r['subject']) : [])),
  ];
  const roundIds = [...refs.filter((c) => c.table === 'round').map((c) => c.row), ...ofTable('statReport').flatMap((r) => text(r['roundId']))];
  const [orgs, rounds, entries, contests] = await Promise.all([
    byId<Org>(db, 'org', orgIds),
    byId<ReportingRound>(db, 'round', roundIds),
    byId<MergedRow>(db, 'entry', ofTable('score').flatMap((r) => text(r['entryId']))),
    byId<MergedRow>(db, 'contest', [...refs.filter((c) => c.table === 'contest').map((c) => c.row), ...all.flatMap((r) => text(r['contestId']))]),
  ]);
  return { rows, orgs, rounds, entries, contests };
}

/** Reads the conflicts with what names them (readRowContext). */
export async function readConflictContext(db: LeagueDeskDb): Promise<ConflictContext> {
  const conflicts = await db.conflicts.toArray();
  return { conflicts, ...(await readRowContext(db, conflicts)) };
}

/** The changes this PC kept aside (not authorized), newest first, with what names the rows they write. */
export interface RefusedContext extends RowContext {
  refused: RefusedEntry[];
}

export async function readRefusedContext(db: LeagueDeskDb): Promise<RefusedContext> {
  const refused = (await db.table<RefusedEntry, string>(REFUSED_STORE).toArray()).sort((a, b) => (a.arrived === b.arrived ? (a.change.hlc < b.change.hlc ? 1 : -1) : a.arrived < b.arrived ? 1 : -1));
  const refs = refused.map((r) => ({ table: r.change.table, row: r.change.row }));
  // A row the PC does not hold (a refused creation) is described from the change's own fields.
  const known = new Map(refused.map((r) => [rowKeyOf(r.change.table, r.change.row), { ...r.change.fields, id: r.change.row, _clock: {} }]));
  return { refused, ...(await readRowContext(db, refs, known)) };
}

/** How many changes are kept aside (the navigation's badge). */
export function countRefused(db: LeagueDeskDb): Promise<number> {
  return db.table(REFUSED_STORE).count();
}
