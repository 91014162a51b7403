import { readAnyLog } from './changeLog';
import { BLOB_STORE, blobTable } from './blobs';
import { readHomeCounty } from './county';
import { LeagueDeskDb, type MetaEntry } from './db';
import { encodeBundle } from '../../../shared/sync/bundle';
import { countyCodeOf } from '../../../shared/sync/county';
import { vectorOf } from '../../../shared/sync/vector';
import { loadIdentity, type Identity } from './identity';
import { Repository } from './repository';
import { SealQueue, sealUnsealed, type SealingDevice } from './sealing';
import { StandingReader } from './standing';
import { loadDeviceKeys } from './trustStore';
import { inTransaction } from './tx';

/** The open local database, the repository every write goes through, and who writes. */
export interface Store {
  db: LeagueDeskDb;
  repo: Repository;
  identity: Identity;
  /** This PC as it signs: its device id and key pair (the private key non-extractable). */
  device: SealingDevice;
  /**
   * Whether imports keep changes that are not authorized aside instead of applying them
   * (`StoreOptions.enforceTrust`). Decisions are made and shown either way.
   */
  enforceTrust: boolean;
  /** This PC's standing: its role and scope from the county's records held (store/standing.ts). */
  standing: StandingReader;
}

export interface StoreOptions {
  /**
   * Trust enforcement at import (issue 14), on unless a test turns it off: changes that are not
   * authorized are kept aside, not applied. A PC with no county authority pinned (working alone)
   * decides nothing and applies every change; the import preview counts verified and refused
   * changes per sending PC either way.
   */
  enforceTrust?: boolean;
}

/** The database was written by a newer build of League Desk; this build must not touch it. */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(readonly found: number, readonly known: number) {
    super(`database version ${found} is newer than this build's ${known}`);
  }
}

/**
 * The schema version of the database on disk (Dexie's number), 0 when there is none, read without
 * opening it — opening would create or upgrade it.
 */
async function installedVersion(db: LeagueDeskDb): Promise<number> {
  const factory = (db.dexieOptions?.indexedDB as IDBFactory | undefined) ?? indexedDB;
  const found = (await factory.databases()).find((d) => d.name === db.name);
  return found?.version ? found.version / 10 : 0;
}

/**
 * Before a schema upgrade, everything is saved as a full bundle read at the old version; it is
 * stored as a backup once the upgraded database is open. (IndexedDB upgrades are atomic, so a
 * failed upgrade leaves the old database as it was; the bundle guards against an upgrade that
 * succeeds but transforms something wrongly.)
 */
async function snapshotBeforeUpgrade(db: LeagueDeskDb, from: number): Promise<{ bytes: Uint8Array; changes: number } | null> {
  const old = new LeagueDeskDb(db.registry, db.name, db.dexieOptions, from);
  try {
    await old.open();
    const changes = await readAnyLog(old);
    if (changes.length === 0) return null;
    // Photos (schema 5 on) go into the snapshot too: a full bundle carries every blob.
    const hasBlobs = old.tables.some((t) => t.name === BLOB_STORE);
    const { county, identity, blobs } = await inTransaction(old, 'r', ['org', 'meta', ...(hasBlobs ? [BLOB_STORE] : [])], async (tx) => ({
      county: await readHomeCounty(tx),
      identity: (await tx.table<MetaEntry, string>('meta').get('identity'))?.value as Identity | undefined,
      blobs: hasBlobs ? (await blobTable(tx).toArray()).map((b) => b.bytes) : [],
    }));
    const code = county?.code ?? countyCodeOf(changes)!;
    const sender = { device: identity?.device ?? changes[0]!.device, account: identity?.author ?? changes[0]!.author, scope: code };
    const input = { county: { code }, sender, kind: 'full' as const, changes, vector: vectorOf(changes), blobs, created: new Date().toISOString() };
    const bytes = await encodeBundle(input, { tables: db.syncTables });
    return { bytes, changes: changes.length };
  } finally {
    old.close();
  }
}

export async function openStore(db: LeagueDeskDb, options: StoreOptions = {}): Promise<Store> {
  const latest = db.versions.at(-1)!.version;
  const installed = await installedVersion(db);
  const snapshot = installed > 0 && installed < latest ? await snapshotBeforeUpgrade(db, installed) : null;
  await db.open();
  if (snapshot) {
    const created = new Date().toISOString();
    await db.backups.put({ id: `${created}-before-upgrade`, created, reason: 'before-upgrade', ...snapshot });
  }
  // Dexie 4 opens a database whose version is higher than the one declared here instead of
  // failing; a newer build may have changed what rows mean, so refuse before reading or writing.
  // Dexie stores version v as IndexedDB version v × 10.
  const opened = db.backendDB().version / 10;
  if (opened > latest) {
    db.close();
    throw new NewerDatabaseError(opened, latest);
  }
  const identity = await loadIdentity(db);
  const keys = await loadDeviceKeys(db, identity.device);
  const seals = new SealQueue(db, { id: identity.device, keys });
  const device: SealingDevice = { id: identity.device, keys, seals };
  // Own changes a crash left unsealed (written, not yet sealed) are sealed before anything else.
  await sealUnsealed(db, device);
  const standing = new StandingReader(db, device);
  // Every local write is decided as an import would decide it, with this PC's certificate.
  const repo = new Repository(db, identity, undefined, seals, { standing, rules: db.registry.rules });
  return { db, repo, identity, device, enforceTrust: options.enforceTrust ?? true, standing };
}

export type SetupChoice = 'demo' | 'empty' | 'imported';

export async function setupChoice(db: LeagueDeskDb): Promise<SetupChoice | undefined> {
  return (await db.meta.get('setup'))?.value as SetupChoice | undefined;
}
