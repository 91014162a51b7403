import { SyncError } from '../../../shared/sync/errors';
import { RULE_REASONS, type ChangeReason } from '../../../shared/trust/reasons';
import { WriteNotAuthorizedError, WriteRefusedError } from './repository';

/** The reasons a local write can be refused for (a PC not enrolled is not decided), each with its message. */
const LOCAL_REFUSALS: ReadonlySet<ChangeReason> = new Set<ChangeReason>(['home-unverified', 'revoked', 'revoked-unseen', 'certificate-expired', 'certificate-not-yet-valid', ...RULE_REASONS]);

/** What to tell a person about a failure: a message key (errors namespace) and, for a fault, its technical cause. */
export interface ErrorMessage {
  severity: 'error';
  key: string;
  /** The technical cause (error name and message), shown under "details" for whoever supports the PC. */
  detail?: string;
}

/**
 * Maps a failure of the local database to what the person is told: what happened and what to do.
 * The transaction has already rolled back, so nothing half-done remains. A failure with a known
 * cause says what to do about it; anything else is a fault in League Desk itself — deterministic,
 * so "try again" would be a lie — and says so, keeping the technical cause for the details.
 */
export function describeStoreError(error: unknown): ErrorMessage {
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return { severity: 'error', key: 'errors:store.diskFull' };
  // A write this PC's role may not make: what the county's rule says, in the person's language.
  if (error instanceof WriteNotAuthorizedError) {
    const reason = LOCAL_REFUSALS.has(error.reason) ? error.reason : 'other';
    return { severity: 'error', key: `errors:store.notAuthorized.${reason}`, detail: error.message };
  }
  if (error instanceof WriteRefusedError) return { severity: 'error', key: 'errors:store.rowInvalid', detail: error.message };
  if (error instanceof SyncError) return { severity: 'error', key: `errors:sync.${error.reason}` };
  if (name === 'VersionError' || name === 'NewerDatabaseError') return { severity: 'error', key: 'errors:store.newerDatabase' };
  return { severity: 'error', key: 'errors:store.internal', detail: technicalCause(error) };
}

/** The message key alone, for places that show no details (the start-up failure screen). */
export function storeErrorKey(error: unknown): string {
  return describeStoreError(error).key;
}

function technicalCause(error: unknown): string {
  if (error instanceof Error) {
    const inner = (error as { inner?: unknown }).inner;
    const cause = inner instanceof Error ? ` (${inner.name}: ${inner.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
