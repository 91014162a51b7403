import type { Change } from '../../../shared/sync/change';
import { SyncError } from '../../../shared/sync/errors';
import { resolveConflict, writeLocally } from '../../../shared/sync/localWrite';
import type { Conflict } from '../../../shared/sync/conflict';
import { rowValues } from '../../../shared/sync/row';
import { storedRowSchema } from '../../../shared/sync/tables';
import type { WriteSpec } from '../../../shared/sync/write';
import type { ChangeReason } from '../../../shared/trust/reasons';
import type { RuleRegistry } from '../../../shared/trust/rules';
import { deviceStanding, isGoverned, localRefusal, type StandingInputs } from '../../../shared/trust/standing';
import { readingRowsOnce } from '../../../shared/sync/readOnce';
import type { SyncAccess } from '../../../shared/sync/access';
import type { LeagueDeskDb, MetaEntry } from './db';
import { inSyncTransaction } from './dexieAccess';
import type { Identity } from './identity';
import type { SealQueue } from './sealing';
import { STANDING_STORES, type StandingReader } from './standing';
import { putTrustRecords, TRUST_STORE } from './trustStore';
import type { StoreTx } from './tx';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import type { MergedRow } from '../../../shared/sync/row';

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
 * A write this PC's standing does not allow (shared/trust/standing.ts `localRefusal`: the import's
 * own `authorize`): nothing of the batch is written. The reason is the trust core's code.
 */
export class WriteNotAuthorizedError extends Error {
  override readonly name = 'WriteNotAuthorizedError';
  constructor(
    readonly reason: ChangeReason,
    readonly detail: { table: string; row: string } & Readonly<Record<string, string>>,
  ) {
    super(`${reason}: ${detail.table}/${detail.row}`);
  }
}

/**
 * What the local write gate needs: this PC's standing as the write's own transaction finds it
 * (store/standing.ts, read from STANDING_STORES), and the table rules.
 */
export interface LocalGate {
  standing: Pick<StandingReader, 'inTransaction'>;
  rules: RuleRegistry;
}

/**
 * The rows a batch writes as held, and the organisations they name (a rule places a report or a
 * notice by its organisation's code): every string of those rows and of the batch's values that is
 * the id of an organisation. A few keys read by id, not the whole tree: a write stays quick.
 */
async function rowsAsHeld(access: SyncAccess, targets: readonly { table: string; row: string; fields?: Readonly<Record<string, unknown>> }[]): Promise<Map<string, Map<string, MergedRow>>> {
  const out = new Map<string, Map<string, MergedRow>>();
  const byTable = targetIds(access, targets);
  const strings = new Set<string>();
  for (const { fields } of targets) for (const value of Object.values(fields ?? {})) if (typeof value === 'string') strings.add(value);
  for (const [table, list] of byTable) {
    const rows = await access.getRows(table, list);
    const found = new Map<string, MergedRow>();
    rows.forEach((row, i) => {
      if (!row) return;
      found.set(list[i]!, row);
      for (const value of Object.values(row)) if (typeof value === 'string') strings.add(value);
    });
    out.set(table, found);
  }
  const orgs = out.get(ORG_TABLE.name) ?? new Map<string, MergedRow>();
  const wanted = [...strings].filter((id) => !orgs.has(id));
  if (wanted.length > 0) (await access.getRows(ORG_TABLE.name, wanted)).forEach((row, i) => row && orgs.set(wanted[i]!, row));
  out.set(ORG_TABLE.name, orgs);
  return out;
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
     * Seals each batch once it has committed (sealing.ts): signing is WebCrypto, which a
     * transaction may not await, so it comes after; the seal waits for the next write's transaction
     * to store it. A failure does not undo the write (it is committed); the changes stay unsealed
     * until the next sweep seals them. None: nothing is sealed (a window that closed too soon).
     */
    private readonly seals?: SealQueue,
    /**
     * Decides each batch before it commits, as an import would decide it (`authorize` with this
     * PC's certificate, against the rows as held): a batch with a change this PC may not write is
     * refused whole (WriteNotAuthorizedError). None, or a PC that works alone: every write goes.
     */
    private readonly gate?: LocalGate,
  ) {}

  /**
   * Runs `body` in one read-write transaction with the gate's decision for the changes it makes
   * (throwing rolls everything back). Everything the write needs is asked in the first round —
   * this PC's standing records, the rows written, the clock and the vector — together with storing
   * the seals waiting, so a typed cell costs a few round trips to IndexedDB, not one per question.
   *
   * The standing is read in this very transaction: a revocation or a certificate stored before it
   * (an import, a hub pull, another window of this profile) governs this write. Records not seen
   * before need their signatures checked, which is WebCrypto: the transaction then ends having
   * written nothing of the batch, the check runs outside, and the write starts again.
   */
  private async inWriteTransaction<T>(
    targets: readonly { table: string; row: string }[],
    body: (access: SyncAccess, tx: StoreTx, decide: (changes: readonly Change[]) => void) => Promise<T>,
  ): Promise<T> {
    for (;;) {
      const waiting = this.seals?.waiting() ?? [];
      const outcome = await inSyncTransaction(
        this.db,
        'rw',
        async (access, tx): Promise<{ done: T } | { check: () => Promise<unknown> }> => {
          const rows = readingRowsOnce(access);
          const [standing] = await Promise.all([
            this.gate?.standing.inTransaction(tx),
            readTargetRows(rows, targets),
            access.getClock(),
            access.getVector(),
            putTrustRecords(tx, waiting),
          ]);
          if (standing !== undefined && 'check' in standing) return standing;
          const inputs = standing !== undefined && isGoverned(deviceStanding(standing.inputs, this.now())) ? standing.inputs : undefined;
          return { done: await this.gated(inputs, rows, tx, targets, body) };
        },
        [...(this.gate ? STANDING_STORES : []), ...(this.seals ? [TRUST_STORE] : [])],
      );
      this.seals?.stored(waiting);
      if ('done' in outcome) return outcome.done;
      await outcome.check();
    }
  }

  /**
   * Runs `body` with the gate's decision for the changes it makes. Asked before a row's schema is
   * checked: a write this PC may not make at all is told so, not that a value is malformed.
   */
  private async gated<T>(
    inputs: StandingInputs | undefined,
    access: SyncAccess,
    tx: StoreTx,
    targets: readonly { table: string; row: string }[],
    body: (access: SyncAccess, tx: StoreTx, decide: (changes: readonly Change[]) => void) => Promise<T>,
  ): Promise<T> {
    if (inputs === undefined) return body(access, tx, () => undefined);
    const held = await rowsAsHeld(access, targets);
    return body(access, tx, (changes) => {
      const refused = localRefusal(changes, { ...inputs, rules: this.gate!.rules, held: (table, id) => held.get(table)?.get(id) });
      if (refused !== undefined) throw new WriteNotAuthorizedError(refused.reason, { ...refused.detail, table: refused.change.table, row: refused.change.row });
    });
  }

  private async committed(changes: Change[]): Promise<Change[]> {
    if (this.seals) await this.seals.seal(changes).catch(() => undefined);
    return changes;
  }

  /**
   * Writes a batch. `localMeta` entries (this PC's own settings, never synced) are stored in the
   * same transaction, so a batch and the local note that it happened land together or not at all.
   */
  async write(specs: WriteSpec[], localMeta: MetaEntry[] = []): Promise<Change[]> {
    const tables = this.db.syncTables;
    const written = await this.inWriteTransaction(specs, async (access, tx, decide) => {
      const changes = await this.writeChecked(access, specs, tables, decide);
      if (localMeta.length > 0) await tx.table<MetaEntry, string>('meta').bulkPut(localMeta);
      return changes;
    });
    return this.committed(written);
  }

  /** The batch through the merge core, each row it leaves checked against its table's schema. */
  private async writeChecked(access: SyncAccess, specs: WriteSpec[], tables: LeagueDeskDb['syncTables'], decide: (changes: readonly Change[]) => void): Promise<Change[]> {
    const { changes, plan } = await writeLocally(access, specs, this.identity, this.now()).catch((error: unknown) => {
      // A value of the wrong shape is refused by the change-level check before any row is built.
      if (error instanceof SyncError && error.reason === 'import-refused') {
        throw new WriteRefusedError('row-invalid', { table: specs[0]?.table ?? '', row: specs[0]?.row ?? '', issues: [error.message] });
      }
      throw error;
    });
    decide(changes);
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
    return changes;
  }

  /**
   * Settles a conflict with the value a person chose (shared/sync/localWrite.ts resolveConflict)
   * and removes it from the list, in one transaction.
   */
  async resolveConflict(conflict: Conflict, chosen: unknown): Promise<Change> {
    const change = await this.inWriteTransaction([conflict], async (access, tx, decide) => {
      const settled = await resolveConflict(access, conflict, chosen, this.identity, this.now());
      decide([settled]);
      await tx.table<Conflict, string>('conflicts').delete(conflict.id);
      return settled;
    });
    await this.committed([change]);
    return change;
  }
}

/** The ids of the rows a batch writes, by table (tables this store holds). */
function targetIds(access: SyncAccess, targets: readonly { table: string; row: string }[]): Map<string, string[]> {
  const byTable = new Map<string, Set<string>>();
  for (const { table, row } of targets) if (access.tables.get(table)) byTable.set(table, (byTable.get(table) ?? new Set()).add(row));
  return new Map([...byTable].map(([table, ids]) => [table, [...ids]]));
}

/** The rows a batch writes, read through `access` (each table's in one request). */
async function readTargetRows(access: SyncAccess, targets: readonly { table: string; row: string }[]): Promise<void> {
  await Promise.all([...targetIds(access, targets)].map(([table, ids]) => access.getRows(table, ids)));
}
