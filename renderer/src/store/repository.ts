import type { Table } from 'dexie';
import type { Change, SyncedTable } from '../../../shared/sync/change';
import { INITIAL_CLOCK, type ClockState } from '../../../shared/sync/hlc';
import { applyChangeToRow, type MergedRow } from '../../../shared/sync/row';
import { TABLE_ROW_SCHEMAS } from '../../../shared/sync/tables';
import type { LeagueDeskDb, MetaEntry } from './db';
import { makeChange, type WriteSpec } from '../../../shared/sync/write';
import type { Identity } from './identity';

export type { WriteSpec };

export class WriteRefusedError extends Error {
  constructor(
    readonly reason: 'row-invalid',
    readonly detail: { table: string; row: string; issues: string[] },
  ) {
    super(`${reason}: ${detail.table}/${detail.row}: ${detail.issues.join('; ')}`);
  }
}

/**
 * The only way the app writes synced data. Each write becomes a change record (clock stamp,
 * device, author, per-field base, scope, schema version), is appended to the change log and
 * applied to its row with the same merge function sync uses — in one transaction, so the log and
 * the tables never disagree. A batch is all or nothing.
 */
export class Repository {
  constructor(
    private readonly db: LeagueDeskDb,
    private readonly identity: Identity,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * Writes a batch. `localMeta` entries (this PC's own settings, never synced) are stored in the
   * same transaction, so a batch and the local note that it happened land together or not at all.
   */
  async write(specs: WriteSpec[], localMeta: MetaEntry[] = []): Promise<Change[]> {
    const db = this.db;
    const tables = [...new Set(specs.map((s) => s.table))].map((t) => db.table(t));
    return db.transaction('rw', [db.meta, db.changes, db.vector, ...tables], async () => {
      let clock = ((await db.meta.get('clock'))?.value as ClockState | undefined) ?? INITIAL_CLOCK;
      const made: Change[] = [];
      const rows = new Map<string, MergedRow | undefined>();
      for (const spec of specs) {
        const key = `${spec.table}\u0000${spec.row}`;
        const table = db.table(spec.table) as Table<MergedRow, string>;
        const current = rows.has(key) ? rows.get(key) : await table.get(spec.row);
        const next = makeChange(spec, current, this.identity, clock, this.now());
        clock = next.clock;
        const change = next.change;
        const { row } = applyChangeToRow(current, change);
        rows.set(key, row);
        made.push(change);
      }
      for (const [key, row] of rows) {
        const [tableName] = key.split('\u0000') as [SyncedTable];
        const { _clock: _c, ...values } = row!;
        const checked = TABLE_ROW_SCHEMAS[tableName].safeParse(values);
        if (!checked.success) {
          throw new WriteRefusedError('row-invalid', {
            table: tableName,
            row: row!.id,
            issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          });
        }
        await db.table(tableName).put(row!);
      }
      await db.changes.bulkAdd(made);
      await db.meta.bulkPut([...localMeta, { key: 'clock', value: clock }]);
      const last = made.at(-1);
      if (last) await db.vector.put({ device: this.identity.device, hlc: last.hlc });
      return made;
    });
  }
}
