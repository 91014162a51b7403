import { SyncError } from '../../../shared/sync/errors';
import { WriteRefusedError } from './repository';

/**
 * Maps a failure of the local database to a message key in the `errors` namespace. The person is
 * told what happened and what to do; the transaction has already rolled back, so nothing half-done
 * remains.
 */
export function storeErrorKey(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'errors:store.diskFull';
  if (error instanceof WriteRefusedError) return 'errors:store.rowInvalid';
  if (error instanceof SyncError) return `errors:sync.${error.reason}`;
  if (name === 'VersionError' || name === 'NewerDatabaseError') return 'errors:store.newerDatabase';
  return 'errors:store.unknown';
}
