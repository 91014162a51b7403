import { HubError } from './errors';
import type { HubRequest, HubResponse, HubTransport } from './protocol';

export interface Answer {
  status: number;
  body: unknown;
  date?: number;
}

/** Sends a request; a request that got no answer becomes the matching HubError. */
export async function send(transport: HubTransport, request: HubRequest): Promise<Answer> {
  let response: HubResponse;
  try {
    response = await transport(request);
  } catch {
    throw new HubError('unreachable', { path: request.path });
  }
  if (!response.ok) {
    if (response.failure === 'bad-address') throw new HubError('wrong-address');
    if (response.failure === 'not-configured') throw new HubError('not-configured');
    throw new HubError('unreachable', { failure: response.failure });
  }
  return { status: response.status, body: response.body, date: response.date };
}

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : '';
}

export function errorWord(body: unknown): string {
  return field(body, 'error');
}

/** True when the hub says it has no room (CouchDB: 413 too large, 507 or an ENOSPC reason). */
export function isHubFull(answer: Answer): boolean {
  if (answer.status === 413 || answer.status === 507) return true;
  const text = `${field(answer.body, 'error')} ${field(answer.body, 'reason')}`.toLowerCase();
  return /enospc|no space|insufficient_storage|file_too_large|disk full|quota/.test(text);
}

/**
 * The error for an unexpected answer to a request on the county's database. 401 at this point
 * means the account is not a member (pouchdb-server says 401 where CouchDB says 403): a wrong
 * password was already caught by the session check.
 */
export function unexpected(answer: Answer, where: string): HubError {
  if (isHubFull(answer)) return new HubError('hub-full', { where, status: answer.status });
  if (answer.status === 401 || answer.status === 403) return new HubError('no-right', { where, status: answer.status });
  if (answer.status === 404) return new HubError('wrong-address', { where, status: answer.status });
  if (answer.status === 0 || answer.status === 502 || answer.status === 503 || answer.status === 504) {
    return new HubError('unreachable', { where, status: answer.status });
  }
  return new HubError('bad-answer', { where, status: answer.status, error: errorWord(answer.body).slice(0, 64) });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
