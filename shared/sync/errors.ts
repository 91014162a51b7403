/**
 * Why the sync core refused to do something. The UI maps each reason to a localized message; the
 * detail says exactly what was wrong, so "we had problems syncing" is never all a person gets.
 */
export type SyncRefusalReason =
  /** The import plan found invalid changes or ids reused with different content; see the plan. */
  | 'import-refused'
  /** Something was written between planning an import and applying it: plan again. */
  | 'plan-stale';

export class SyncError extends Error {
  constructor(
    readonly reason: SyncRefusalReason,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(`${reason}${Object.keys(detail).length > 0 ? `: ${JSON.stringify(detail)}` : ''}`);
    this.name = 'SyncError';
  }
}
