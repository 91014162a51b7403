import { z } from 'zod';
import { TABLE_NAME_PATTERN } from './bundle/names';
import { DELETED_FIELD } from './change';
import type { RowIdRule, RowIdRules } from './row';

/*
 * The sync core knows no table. Which tables sync, what their rows look like and which ids name a
 * row are handed to it as a `SyncTables`, made by the composition root (shared/app/registry.ts)
 * from the tables each feature declares, or by a test from tables of its own. Everything in
 * shared/sync that needs a table's schema takes it from there: the value checks at the edge
 * (validate.ts), parking (parking.ts), the merge's row ids, canonical state and the bundles.
 */

/** One synced table, as the sync core needs it. A feature's table declaration carries more (its store, its rule). */
export interface SyncedTableDef {
  /** The table's name in change records, bundles and storage: an identifier, never renamed. */
  readonly name: string;
  /**
   * What a complete row looks like (`id` and the table's fields). A row lacking a required field
   * is stored and hidden (validate.ts `rowIsComplete`); a value its field refuses is refused.
   */
  readonly row: z.ZodObject;
  /** Which ids name which row, for a table whose id scheme changed (row.ts); most tables have none. */
  readonly rowIds?: RowIdRule;
}

/** The synced tables a sync core is given, in the order they were registered. */
export interface SyncTables<Def extends SyncedTableDef = SyncedTableDef> {
  readonly defs: readonly Def[];
  readonly names: readonly string[];
  /** The table of that name, or undefined for a table this build does not know (a newer app's). */
  get(name: string): Def | undefined;
  /** The row-id rules of the tables that have one, for the merge and for history lookups. */
  readonly rowIds: RowIdRules;
}

/** The registry of these tables; a repeated or malformed name is a programming error, thrown at once. */
export function syncTables<Def extends SyncedTableDef>(defs: readonly Def[]): SyncTables<Def> {
  const byName = new Map<string, Def>();
  for (const def of defs) {
    if (!TABLE_NAME_PATTERN.test(def.name)) throw new Error(`synced table name ${JSON.stringify(def.name)} is not an identifier`);
    if (byName.has(def.name)) throw new Error(`synced table ${def.name} is registered twice`);
    byName.set(def.name, def);
  }
  const rowIds: Record<string, RowIdRule> = {};
  for (const def of defs) if (def.rowIds) rowIds[def.name] = def.rowIds;
  return {
    defs: [...defs],
    names: defs.map((d) => d.name),
    get: (name) => byName.get(name),
    rowIds,
  };
}

const storedSchemas = new WeakMap<z.ZodObject, z.ZodObject>();

/** What a stored row of the table may hold: its row's fields and the deletion mark. */
export function storedRowSchema(table: SyncedTableDef): z.ZodObject {
  let schema = storedSchemas.get(table.row);
  if (schema === undefined) storedSchemas.set(table.row, (schema = table.row.extend({ [DELETED_FIELD]: z.boolean().optional() })));
  return schema;
}
