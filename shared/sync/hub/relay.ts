import { DESIGN_DOC_ID } from './design';
import { fetchTransport, parseHubUrl, type FetchLike } from './fetchTransport';
import { hubConfigureRequestSchema, hubRequestSchema, type HubConfigInfo, type HubRequest, type HubResponse } from './protocol';

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

/** A document id the client reads by itself: a change id or `blob:<sha256>`. Never `_…`, `.` or `..`. */
const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,255}$/;
const RELAYED_QUERY = new Set(['since', 'include_docs', 'limit', 'attachments']);

/**
 * The path to forward, or undefined: only what the sync client asks of the county database —
 * its info, the design document, `_changes`, `_bulk_docs` and one document by id, each with its
 * one method. Every segment is percent-decoded first (an undecodable one is refused), checked in
 * that decoded form against plain ASCII, and encoded again, so what is forwarded is exactly what
 * was checked: `%2e%2e`, `%252e`, backslashes, `;`, encoded `?` and `#`, look-alike dots and
 * slashes and empty segments never reach the hub's URL parser, which would resolve some of them
 * out of the database (`/_all_dbs`, `/_users/…`).
 */
export function relayPath(request: HubRequest): string | undefined {
  if (Object.keys(request.query ?? {}).some((key) => !RELAYED_QUERY.has(key))) return undefined;
  if (request.path === '') return request.method === 'GET' ? '' : undefined;
  let segments: string[];
  try {
    segments = request.path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  if (segments.some((segment) => segment.length === 0)) return undefined;
  const decoded = segments.join('/');
  if (decoded === DESIGN_DOC_ID) return request.method === 'GET' ? DESIGN_DOC_ID : undefined;
  if (segments.length !== 1) return undefined;
  const [only] = segments as [string];
  if (only === '_changes') return request.method === 'GET' ? only : undefined;
  if (only === '_bulk_docs') return request.method === 'POST' ? only : undefined;
  return DOC_ID.test(only) && request.method === 'GET' ? encodeURIComponent(only) : undefined;
}

/**
 * Forwards one renderer request to the county database with the saved credentials. The request
 * is parsed here (a compromised renderer could send anything), and only the sync client's own
 * requests pass (relayPath).
 */
export async function relayHubRequest(account: HubAccount | undefined, raw: unknown, fetchFn: FetchLike): Promise<HubResponse> {
  const parsed = hubRequestSchema.safeParse(raw);
  if (!parsed.success) throw new HubRelayRefusal('invalid-request');
  const path = relayPath(parsed.data);
  if (path === undefined) throw new HubRelayRefusal('invalid-request');
  if (!account) return { ok: false, failure: 'not-configured' };
  const transport = fetchTransport({ base: `${account.server}${encodeURIComponent(account.db)}/`, user: account.user, password: account.password }, fetchFn);
  return transport({ ...parsed.data, path });
}
