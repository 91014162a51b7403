import type { Change } from '../../../shared/sync/change';
import { SyncError } from '../../../shared/sync/errors';
import { resolveConflict, writeLocally } from '../../../shared/sync/localWrite';
import type { Conflict } from '../../../shared/sync/conflict';
import { rowValues } from '../../../shared/sync/row';
import { TABLE_ROW_SCHEMAS } from '../../../shared/sync/tables';
import type { WriteSpec } from '../../../shared/sync/write';
import type { LeagueDeskDb, MetaEntry } from './db';
import { dexieAccess, SYNC_STORES } from './dexieAccess';
import type { Identity } from './identity';
import { inTransaction } from './tx';

export type { WriteSpec };

export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
  constructor(
    readonly reason: 'row-invalid',
    readonly detail: { table: string; row: string; issues: string[] },
  ) {
    super(`${reason}: ${detail.table}/${detail.row}: ${detail.issues.join('; ')}`);
  }
}

/**
 * The only way the app writes synced data. Each write becomes a change record (clock stamp,
 * device, author, per-field base, scope, schema version) and goes through the very path an
 * imported bundle takes (shared/sync/localWrite.ts over the IndexedDB access): appended to the
 * change log, merged into its row, vector and clock updated — in one transaction, so the log and
 * the tables never disagree. A batch is all or nothing, and a row that would not satisfy its
 * table's schema refuses the whole batch.
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
    return inTransaction(this.db, 'rw', SYNC_STORES, async (tx) => {
      const { changes, plan } = await writeLocally(dexieAccess(tx), specs, this.identity, this.now()).catch((error: unknown) => {
        // A value of the wrong shape is refused by the change-level check before any row is built.
        if (error instanceof SyncError && error.reason === 'import-refused') {
          throw new WriteRefusedError('row-invalid', { table: specs[0]?.table ?? '', row: specs[0]?.row ?? '', issues: [error.message] });
        }
        throw error;
      });
      for (const { table, rows } of plan.rowsToPut) {
        for (const row of rows) {
          const checked = TABLE_ROW_SCHEMAS[table].safeParse(rowValues(row));
          if (!checked.success) {
            // Throwing inside the transaction rolls back everything the batch wrote.
            throw new WriteRefusedError('row-invalid', {
              table,
              row: row.id,
              issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
            });
          }
        }
      }
      if (localMeta.length > 0) await tx.table<MetaEntry, string>('meta').bulkPut(localMeta);
      return changes;
    });
  }

  /**
   * Settles a conflict with the value a person chose (shared/sync/localWrite.ts resolveConflict)
   * and removes it from the list, in one transaction.
   */
  async resolveConflict(conflict: Conflict, chosen: unknown): Promise<Change> {
    return inTransaction(this.db, 'rw', SYNC_STORES, async (tx) => {
      const change = await resolveConflict(dexieAccess(tx), conflict, chosen, this.identity, this.now());
      await tx.table<Conflict, string>('conflicts').delete(conflict.id);
      return change;
    });
  }
}
