import { fetchTransport, parseHubUrl, type FetchLike } from './fetchTransport';
import { hubConfigureRequestSchema, hubRequestSchema, type HubConfigInfo, type HubResponse } from './protocol';

/** A saved hub account, held only by the main process (or the browser-mode server). */
export interface HubAccount {
  /** Server root, ending in `/`, without credentials. */
  server: string;
  db: string;
  user: string;
  password: string;
  scope: string;
}

export class HubRelayRefusal extends Error {
  constructor(readonly reason: 'invalid-request') {
    super(reason);
    this.name = 'HubRelayRefusal';
  }
}

/**
 * Reads a "save this account" request from the renderer. The address must not carry credentials
 * itself: they would end up stored in plain text with it.
 */
export function accountFromRequest(raw: unknown): HubAccount {
  const parsed = hubConfigureRequestSchema.safeParse(raw);
  if (!parsed.success) throw new HubRelayRefusal('invalid-request');
  const url = parseHubUrl(parsed.data.url);
  if (!url || url.user !== undefined || url.password !== undefined) throw new HubRelayRefusal('invalid-request');
  return { server: url.server, db: url.db, user: parsed.data.user, password: parsed.data.password, scope: parsed.data.scope };
}

export function accountAddress(account: Pick<HubAccount, 'server' | 'db'>): string {
  return `${account.server}${account.db}`;
}

export function accountInfo(account: HubAccount | undefined, storage: HubConfigInfo['storage']): HubConfigInfo {
  if (!account) return { configured: false, storage };
  return { configured: true, address: accountAddress(account), user: account.user, scope: account.scope, storage };
}

/**
 * Forwards one renderer request to the county database with the saved credentials. The request
 * is parsed here (a compromised renderer could send anything): only relative paths inside the
 * database, only GET/POST/PUT.
 */
export async function relayHubRequest(account: HubAccount | undefined, raw: unknown, fetchFn: FetchLike): Promise<HubResponse> {
  const parsed = hubRequestSchema.safeParse(raw);
  if (!parsed.success) throw new HubRelayRefusal('invalid-request');
  if (!account) return { ok: false, failure: 'not-configured' };
  const transport = fetchTransport({ base: `${account.server}${encodeURIComponent(account.db)}/`, user: account.user, password: account.password }, fetchFn);
  return transport(parsed.data);
}
