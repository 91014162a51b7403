import type { Transaction } from 'dexie';
import { conflictId, type Conflict } from '../../../shared/sync/conflict';
import { canonicalRowId, mergeRows, type MergedRow, type RowIdRules } from '../../../shared/sync/row';

/**
 * Schema 9's upgrade: rows stored under an id that a row-id rule (shared/sync/tables.ts
 * TABLE_ROW_IDS) now reads as another row's — the demo's old report ids — join that row. Each
 * field keeps the value with the greater stamp, which is the row the merge gives from all their
 * changes applied under the rule, so an upgraded PC holds what a PC that always had the rule holds.
 * The change log is not touched (changes are immutable; history is looked up under every id), nor
 * are parked changes (they are merged under the rule when applied). This PC's own conflict
 * records follow their row.
 */
export async function joinRowsUnderCanonicalIds(tx: Transaction, rules: RowIdRules): Promise<void> {
  for (const table of Object.keys(rules)) {
    const rows = tx.table<MergedRow, string>(table);
    const joined = new Map<string, MergedRow>();
    const oldIds: string[] = [];
    const canonicalOf = new Map<string, string>();
    await rows.each((row) => {
      const id = canonicalRowId(rules, table, row.id);
      if (id === row.id) return;
      oldIds.push(row.id);
      canonicalOf.set(row.id, id);
      const held = joined.get(id);
      joined.set(id, held ? mergeRows(id, held, row) : { ...row, id });
    });
    if (oldIds.length === 0) continue;
    const ids = [...joined.keys()];
    const current = await rows.bulkGet(ids);
    await rows.bulkDelete(oldIds);
    await rows.bulkPut(ids.map((id, i) => (current[i] ? mergeRows(id, current[i], joined.get(id)!) : joined.get(id)!)));

    const conflicts = tx.table<Conflict, string>('conflicts');
    const moved = await conflicts.where('[table+row]').anyOf(oldIds.map((id) => [table, id])).toArray();
    if (moved.length === 0) continue;
    await conflicts.bulkDelete(moved.map((c) => c.id));
    await conflicts.bulkPut(
      moved.map((c) => {
        const row = canonicalOf.get(c.row)!;
        return { ...c, row, id: conflictId(c.table, row, c.field, c.overwritten.hlc, c.kept.hlc) };
      }),
    );
  }
}
