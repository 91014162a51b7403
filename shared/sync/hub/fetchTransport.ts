import { toBase64 } from './base64';
import { DB_NAME_PATTERN } from './design';
import type { HubRequest, HubResponse, HubTransport } from './protocol';

/** The part of `fetch` the transport uses (Node 20 and Chromium both have it; tests pass fakes). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface HubEndpoint {
  /** Where paths start: `http://host:5984/` (server) or `http://host:5984/league-lt/` (database). */
  base: string;
  user?: string;
  password?: string;
}

export interface ParsedHubUrl {
  /** The server root, without credentials, ending in `/`. */
  server: string;
  db: string;
  user?: string;
  password?: string;
}

/**
 * Reads a hub address as people write it: `http://admin:secret@127.0.0.1:5984/league-lt`. Only
 * http and https; the database is the last path segment (a proxy may add a prefix before it).
 */
export function parseHubUrl(text: string): ParsedHubUrl | undefined {
  const match = /^(https?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@?#]+)(\/[^?#]*)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, scheme, rawUser, rawPassword, host, rawPath = '/'] = match;
  if (!/^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host!)) return undefined;
  const parts = rawPath.split('/').filter((p) => p.length > 0);
  const db = parts.pop();
  if (db === undefined) return undefined;
  let decodedDb: string;
  let user: string | undefined;
  let password: string | undefined;
  try {
    decodedDb = decodeURIComponent(db);
    user = rawUser ? decodeURIComponent(rawUser) : undefined;
    password = rawPassword !== undefined ? decodeURIComponent(rawPassword) : undefined;
  } catch {
    return undefined;
  }
  if (!DB_NAME_PATTERN.test(decodedDb)) return undefined;
  const prefix = parts.map((p) => `${p}/`).join('');
  return { server: `${scheme}://${host}/${prefix}`, db: decodedDb, user, password };
}

function encodeQuery(query: HubRequest['query']): string {
  const entries = Object.entries(query ?? {});
  return entries.length === 0 ? '' : `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

function failureOf(error: unknown): 'unreachable' | 'bad-address' | 'timeout' {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ENOTFOUND' || code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_ARG_VALUE') return 'bad-address';
  return 'unreachable';
}

/** A HubTransport over fetch: JSON in and out, Basic credentials added here and nowhere else. */
export function fetchTransport(endpoint: HubEndpoint, fetchFn: FetchLike): HubTransport {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (endpoint.user !== undefined) {
    headers['Authorization'] = `Basic ${toBase64(new TextEncoder().encode(`${endpoint.user}:${endpoint.password ?? ''}`))}`;
  }
  return async (request: HubRequest): Promise<HubResponse> => {
    const url = `${endpoint.base}${request.path}${encodeQuery(request.query)}`;
    const init: { method: string; headers: Record<string, string>; body?: string } = { method: request.method, headers: { ...headers } };
    if (request.body !== undefined) {
      init.body = JSON.stringify(request.body);
      init.headers['Content-Type'] = 'application/json';
    }
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await fetchFn(url, init);
      text = await response.text();
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy's error page. The status says enough; the text stays for classification.
    }
    const dateHeader = response.headers.get('date');
    const date = dateHeader ? Date.parse(dateHeader) : NaN;
    return Number.isFinite(date) ? { ok: true, status: response.status, body, date } : { ok: true, status: response.status, body };
  };
}
