/**
 * Why a hub sync or a hub command stopped. Each reason has a message in locales/<lang>/hub.json
 * (`errors.<reason>`) saying what happened and what to do; "sync failed" alone never reaches anyone.
 */
export const HUB_ERROR_REASONS = [
  /** The address is not a hub database: not a URL, no such host, no such database, not CouchDB. */
  'wrong-address',
  /** No answer: the network is down, the hub is off, or a firewall is in the way. */
  'unreachable',
  /** The hub does not know this name and password. */
  'wrong-password',
  /** The account may not read this county's database, or not write this organisation's data. */
  'no-right',
  /** The hub has no room left (disk full, or the request was too large for it). */
  'hub-full',
  /** This PC's clock differs from the hub's by more than a day: its changes would be stamped wrong. */
  'clock-wrong',
  /** The hub's database was prepared by a newer League Desk, or holds data this build cannot apply. */
  'app-older',
  /** The database exists but `league-desk hub setup` has not been run on it. */
  'not-set-up',
  /** `hub setup` on a hub with no admin yet, and no admin named in the URL to create. */
  'admin-needed',
  /** No hub address or account has been saved on this PC. */
  'not-configured',
  /** The hub answered something this client does not understand (a broken proxy, a bug). */
  'bad-answer',
  /** Credentials cannot be stored safely on this PC (no OS keychain), so they were not stored. */
  'no-safe-storage',
] as const;
export type HubErrorReason = (typeof HUB_ERROR_REASONS)[number];

export class HubError extends Error {
  constructor(
    readonly reason: HubErrorReason,
    /** For logs and support: never credentials. */
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`${reason}${Object.keys(detail).length > 0 ? `: ${JSON.stringify(detail)}` : ''}`);
    this.name = 'HubError';
  }
}

export function hubErrorReason(error: unknown): HubErrorReason {
  if (error instanceof HubError) return error.reason;
  const reason = (error as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && (HUB_ERROR_REASONS as readonly string[]).includes(reason) ? (reason as HubErrorReason) : 'bad-answer';
}
