import { LeagueDeskDb, SCHEMA_VERSIONS } from './db';
import { loadIdentity, type Identity } from './identity';
import { Repository } from './repository';

/** The open local database, the repository every write goes through, and who writes. */
export interface Store {
  db: LeagueDeskDb;
  repo: Repository;
  identity: Identity;
}

/** The database was written by a newer build of League Desk; this build must not touch it. */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(readonly found: number, readonly known: number) {
    super(`database version ${found} is newer than this build's ${known}`);
  }
}

export async function openStore(db: LeagueDeskDb = new LeagueDeskDb()): Promise<Store> {
  await db.open();
  // Dexie 4 opens a database whose version is higher than the one declared here instead of
  // failing; a newer build may have changed what rows mean, so refuse before reading or writing.
  // Dexie stores version v as IndexedDB version v × 10.
  const known = SCHEMA_VERSIONS.at(-1)!.version;
  const installed = db.backendDB().version / 10;
  if (installed > known) {
    db.close();
    throw new NewerDatabaseError(installed, known);
  }
  const identity = await loadIdentity(db);
  return { db, repo: new Repository(db, identity), identity };
}

export type SetupChoice = 'demo' | 'empty';

export async function setupChoice(db: LeagueDeskDb): Promise<SetupChoice | undefined> {
  return (await db.meta.get('setup'))?.value as SetupChoice | undefined;
}
