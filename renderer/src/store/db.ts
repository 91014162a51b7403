import Dexie, { type Table, type Transaction } from 'dexie';
import type { Change } from '../../../shared/sync/change';
import type { Conflict } from '../../../shared/sync/conflict';
import type { MergedRow } from '../../../shared/sync/row';
import { TABLE_ROW_IDS } from '../../../shared/sync/tables';
import { LOG_COUNT_KEY, LOG_STORE, LOG_STORE_SCHEMA, toPages, type LogPage } from './changeLog';
import { CONTEST_STORES } from './contestStores';
import { JOB_STORES } from './jobStores';
import { joinRowsUnderCanonicalIds } from './rowIds';

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

/**
 * Every schema version ever shipped stays listed here, oldest first, so that a database left by
 * any earlier build opens and upgrades step by step. Never edit a shipped version: add one.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      meta: 'key',
      changes: 'id, [table+row]',
      org: 'id, code, parentId, kind',
      round: 'id, period',
      statReport: 'id, roundId, orgId, [roundId+orgId]',
    },
  },
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
    // Version 4: control-ratio targets per kind, school level or organisation (a synced table).
    version: 4,
    stores: { target: 'id' },
  },
  {
    // Version 5: job notices and placements, contests (synced tables), and content-addressed
    // blobs (photos), stored once by sha-256 and carried in bundles as blobs/<sha256>.
    version: 5,
    stores: { ...JOB_STORES, ...CONTEST_STORES, blobs: 'hash' },
  },
  {
    // Version 6: the change log in pages (changeLog.ts): an import writes one record per 2,000
    // changes instead of one per change. The log is copied here; the old store goes in version 7
    // (Dexie reads a table in an upgrade only if a later version deletes it). statReport loses the
    // indexes nothing queries (orgId, [roundId+orgId]): every index is written on every import.
    version: 6,
    stores: { [LOG_STORE]: LOG_STORE_SCHEMA, statReport: 'id, roundId' },
    upgrade: async (tx) => {
      const changes = await tx.table<Change>('changes').toArray();
      await tx.table<LogPage>(LOG_STORE).bulkAdd(toPages(changes));
      await tx.table<MetaEntry>('meta').put({ key: LOG_COUNT_KEY, value: changes.length });
    },
  },
  {
    version: 7,
    stores: { changes: null },
  },
  {
    // Version 8: PC names (shared/devices/names.ts), a synced table: row id = device id.
    version: 8,
    stores: { device: 'id' },
  },
  {
    // Version 9: the demo's reports, stored under their old ids
    // (`demo-report-2025-LT-01-013`), join the rows of the app's ids (`demo-round-2025:demo-LT-01-013`),
    // which is where changes under either id are merged from now on (docs/FORMATS.md, "Report ids").
    version: 9,
    stores: {},
    upgrade: (tx) => joinRowsUnderCanonicalIds(tx, TABLE_ROW_IDS),
  },
];

export class LeagueDeskDb extends Dexie {
  meta!: Table<MetaEntry, string>;
  log!: Table<LogPage, number>;
  vector!: Table<VectorEntry, string>;
  org!: Table<MergedRow, string>;
  round!: Table<MergedRow, string>;
  statReport!: Table<MergedRow, string>;
  target!: Table<MergedRow, string>;
  conflicts!: Table<Conflict, string>;
  parked!: Table<Change, string>;
  peers!: Table<PeerEntry, string>;
  backups!: Table<BackupEntry, string>;

  constructor(
    name: string = DB_NAME,
    /** Kept so the same database can be opened again at an older version (pre-upgrade backup). */
    readonly dexieOptions?: ConstructorParameters<typeof Dexie>[1],
    upTo = Infinity,
  ) {
    super(name, dexieOptions);
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
