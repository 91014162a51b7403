import type { Change } from '../../../shared/sync/change';
import { SyncError } from '../../../shared/sync/errors';
import { resolveConflict, writeLocally } from '../../../shared/sync/localWrite';
import type { Conflict } from '../../../shared/sync/conflict';
import { rowValues } from '../../../shared/sync/row';
import { storedRowSchema } from '../../../shared/sync/tables';
import type { WriteSpec } from '../../../shared/sync/write';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inSyncTransaction } from './dexieAccess';
import type { Identity } from './identity';

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
    /**
     * Runs after each batch has committed, with its changes: the store seals them here
     * (sealing.ts). It may await WebCrypto, which a transaction may not. A failure does not undo the
     * write (it is committed); the changes stay unsealed until the next sweep seals them.
     */
    private readonly afterWrite?: (changes: Change[]) => Promise<unknown>,
  ) {}

  private async committed(changes: Change[]): Promise<Change[]> {
    if (this.afterWrite) await this.afterWrite(changes).catch(() => undefined);
    return changes;
  }

  /**
   * Writes a batch. `localMeta` entries (this PC's own settings, never synced) are stored in the
   * same transaction, so a batch and the local note that it happened land together or not at all.
   */
  async write(specs: WriteSpec[], localMeta: MetaEntry[] = []): Promise<Change[]> {
    const tables = this.db.syncTables;
    const written = await inSyncTransaction(this.db, 'rw', async (access, tx) => {
      const { changes, plan } = await writeLocally(access, specs, this.identity, this.now()).catch((error: unknown) => {
        // A value of the wrong shape is refused by the change-level check before any row is built.
        if (error instanceof SyncError && error.reason === 'import-refused') {
          throw new WriteRefusedError('row-invalid', { table: specs[0]?.table ?? '', row: specs[0]?.row ?? '', issues: [error.message] });
        }
        throw error;
      });
      for (const { table, rows } of plan.rowsToPut) {
        for (const row of rows) {
          // writeLocally parks nothing of this build's own, so every table written is registered.
          const checked = storedRowSchema(tables.get(table)!).safeParse(rowValues(row));
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
    return this.committed(written);
  }

  /**
   * Settles a conflict with the value a person chose (shared/sync/localWrite.ts resolveConflict)
   * and removes it from the list, in one transaction.
   */
  async resolveConflict(conflict: Conflict, chosen: unknown): Promise<Change> {
    const change = await inSyncTransaction(this.db, 'rw', async (access, tx) => {
      const change = await resolveConflict(access, conflict, chosen, this.identity, this.now());
      await tx.table<Conflict, string>('conflicts').delete(conflict.id);
      return change;
    });
    await this.committed([change]);
    return change;
  }
}
