import Dexie, { type Table, type Transaction } from 'dexie';
import type { Change } from '../../../shared/sync/change';
import type { Conflict } from '../../../shared/sync/conflict';
import type { FeatureTable } from '../../../shared/feature/module';
import type { Registry } from '../../../shared/feature/registry';
import type { MergedRow } from '../../../shared/sync/row';
import { syncTables as makeSyncTables, type SyncedTableDef, type SyncTables } from '../../../shared/sync/tables';
import { LOG_COUNT_KEY, LOG_STORE, LOG_STORE_SCHEMA, toPages, type LogPage } from './logPages';
import { joinRowsUnderCanonicalIds } from './rowIds';
import { DEVICE_KEY_STORE, REFUSED_STORE, TRUST_STORE } from './trustTables';

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** Per origin device, the greatest clock stamp applied here: the device's version vector. */
export interface VectorEntry {
  device: string;
  hlc: string;
}

/** Someone this device has exchanged bundles with, and what they last told us they hold. */
export interface PeerEntry {
  device: string;
  account: string;
  scope?: string;
  /** The name the peer's latest file gave for it (manifest `sender.name`), if any. */
  name?: string;
  /** The peer's version vector, from its latest bundle: exports for it hold only what it lacks. */
  vector: Record<string, string>;
  lastSeen: string;
}

/** A full bundle kept in the data folder, made daily and before every import or upgrade. */
export interface BackupEntry {
  id: string;
  created: string;
  reason: 'daily' | 'before-import' | 'before-upgrade' | 'manual';
  /** A full bundle; without its photos when `blobs` is set (backups.ts, `backupBundle`). */
  bytes: Uint8Array;
  changes: number;
  /**
   * The sha-256 of every blob the backup needs, left out of `bytes` and kept in the blobs table
   * instead (never removed while a backup or a change names it). Absent in backups that carry their
   * photos (before-upgrade, and backups made before this field existed).
   */
  blobs?: string[];
}

export const DB_NAME = 'league-desk';

interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction, tables: SyncTables<FeatureTable>) => Promise<void>;
}

/**
 * The stores this PC keeps beside the synced tables, and every upgrade, by the schema version that
 * made them. Every version ever shipped stays listed, oldest first, so that a database left by any
 * earlier build opens and upgrades step by step. Never edit a shipped version: add one. The synced
 * tables' stores come from their features' declarations (`indexes`, by the same version numbers);
 * test/unit/store/db.test.ts holds every version as shipped.
 */
const LOCAL_STEPS: SchemaStep[] = [
  { version: 1, stores: { meta: 'key', changes: 'id, [table+row]' } },
  {
    // Version 2 adds the version vector (what this device has applied, per origin device), which
    // sync exports are cut by. It is derived from the change log, so the upgrade backfills it.
    version: 2,
    stores: { vector: 'device', changes: 'id, [table+row], device' },
    upgrade: async (tx) => {
      const greatest = new Map<string, string>();
      await tx.table<Change>('changes').each((change) => {
        const seen = greatest.get(change.device);
        if (seen === undefined || change.hlc > seen) greatest.set(change.device, change.hlc);
      });
      await tx.table<VectorEntry>('vector').bulkPut([...greatest].map(([device, hlc]) => ({ device, hlc })));
    },
  },
  {
    // Version 3: sync by files. Conflicts (this device's own findings), parked changes from a newer
    // app version, the peers we have exchanged files with, and automatic backups.
    version: 3,
    stores: { conflicts: 'id, [table+row]', parked: 'id', peers: 'device', backups: 'id, created' },
  },
  {
    // Version 5: content-addressed blobs (photos), stored once by sha-256 and carried in bundles
    // as blobs/<sha256>.
    version: 5,
    stores: { blobs: 'hash' },
  },
  {
    // Version 6: the change log in pages (changeLog.ts): an import writes one record per 2,000
    // changes instead of one per change. The log is copied here; the old store goes in version 7
    // (Dexie reads a table in an upgrade only if a later version deletes it).
    version: 6,
    stores: { [LOG_STORE]: LOG_STORE_SCHEMA },
    upgrade: async (tx) => {
      const changes = await tx.table<Change>('changes').toArray();
      await tx.table<LogPage>(LOG_STORE).bulkAdd(toPages(changes));
      await tx.table<MetaEntry>('meta').put({ key: LOG_COUNT_KEY, value: changes.length });
    },
  },
  { version: 7, stores: { changes: null } },
  {
    // Version 9: rows stored under an id a table's row-id rule reads as another row's (the demo's
    // reports under their old ids, `demo-report-2025-LT-01-013`) join the rows of the ids they mean
    // (`demo-round-2025:demo-LT-01-013`), which is where changes under either id are merged from
    // now on (docs/FORMATS.md, "Report ids").
    version: 9,
    stores: {},
    upgrade: (tx, tables) => joinRowsUnderCanonicalIds(tx, tables.rowIds),
  },
  {
    // Version 10: trust (issue 14, trustStore.ts). This PC's key pair (local, never exported), the
    // trust records it holds (certificates, revocations, successions, seals; by record id, seals
    // also by device) and the changes set aside as not authorized (by change hash). Stores only:
    // nothing held before is touched.
    version: 10,
    stores: { [DEVICE_KEY_STORE]: 'id', [TRUST_STORE]: 'id, kind, [kind+device]', [REFUSED_STORE]: 'hash, device' },
  },
];

/** Every schema version: the local steps, and each synced table's stores at the versions its feature declares. */
export function schemaVersions(tables: SyncTables<FeatureTable>): SchemaStep[] {
  const versions = new Set(LOCAL_STEPS.map((s) => s.version));
  for (const table of tables.defs) for (const version of Object.keys(table.indexes)) versions.add(Number(version));
  return [...versions]
    .sort((a, b) => a - b)
    .map((version) => {
      const local = LOCAL_STEPS.find((s) => s.version === version);
      const stores: Record<string, string | null> = { ...local?.stores };
      for (const table of tables.defs) {
        const indexes = table.indexes[version];
        if (indexes !== undefined) stores[table.name] = indexes;
      }
      return { version, stores, ...(local?.upgrade ? { upgrade: local.upgrade } : {}) };
    });
}

export class LeagueDeskDb extends Dexie {
  meta!: Table<MetaEntry, string>;
  log!: Table<LogPage, number>;
  vector!: Table<VectorEntry, string>;
  conflicts!: Table<Conflict, string>;
  parked!: Table<Change, string>;
  peers!: Table<PeerEntry, string>;
  backups!: Table<BackupEntry, string>;
  /** The schema versions of this build, oldest first (`schemaVersions`). */
  readonly versions: readonly SchemaStep[];

  /** The synced tables, from the registry. */
  readonly syncTables: SyncTables<FeatureTable>;

  constructor(
    /** What the features declare, as the composition root composes it (shared/app/registry.ts). */
    readonly registry: Registry,
    name: string = DB_NAME,
    /** Kept so the same database can be opened again at an older version (pre-upgrade backup). */
    readonly dexieOptions?: ConstructorParameters<typeof Dexie>[1],
    upTo = Infinity,
  ) {
    super(name, dexieOptions);
    this.versions = schemaVersions(registry.tables);
    // Opened at an older version (`upTo`), the database stands for an older build: it holds, and
    // so syncs, only the tables that version had; changes to the others are parked, as there.
    const held = registry.tables.defs.filter((t) => Math.min(...Object.keys(t.indexes).map(Number)) <= upTo);
    const syncTables = held.length === registry.tables.defs.length ? registry.tables : makeSyncTables(held);
    this.syncTables = syncTables;
    for (const step of this.versions) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      const upgrade = step.upgrade;
      if (upgrade) version.upgrade((tx) => upgrade(tx, syncTables));
    }
  }

  /** A synced table's merged rows, outside a transaction (reads for screens; writes go through the repository). */
  rows(table: SyncedTableDef): Table<MergedRow, string> {
    return this.table<MergedRow, string>(table.name);
  }
}
