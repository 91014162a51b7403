import { z } from 'zod';
import { orgCodeSchema } from '../scope';

/**
 * One HTTP request to a CouchDB-protocol hub, as the pure hub code makes it. `path` is relative to
 * a base the caller fixed beforehand: the county's database for the sync client (the main process
 * or the browser-mode server adds the address and the credentials, which the renderer never sees),
 * the server root for `hub setup` / `hub add-device`.
 */
export const hubRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT']),
  /** Relative path segments (`_changes`, `_bulk_docs`, `blob%3A…`); never absolute, never `..`. */
  path: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_%:.\-/]*$/)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), { message: 'path-unsafe' }),
  query: z.record(z.string().regex(/^[a-z_]{1,32}$/), z.string().max(4096)).optional(),
  /** JSON body; bytes travel inside it as base64 (CouchDB inline attachments). */
  body: z.unknown().optional(),
});
export type HubRequest = z.infer<typeof hubRequestSchema>;

/** Why a request got no HTTP answer at all. */
export const HUB_TRANSPORT_FAILURES = ['unreachable', 'bad-address', 'not-configured', 'timeout'] as const;
export type HubTransportFailure = (typeof HUB_TRANSPORT_FAILURES)[number];

export type HubResponse =
  /** `date`: the hub's clock (HTTP Date header, ms), where it sent one. */
  | { ok: true; status: number; body: unknown; date?: number }
  | { ok: false; failure: HubTransportFailure };

/** The one thing the hub code needs from the outside world. */
export type HubTransport = (request: HubRequest) => Promise<HubResponse>;

export const hubResponseSchema: z.ZodType<HubResponse> = z.union([
  z.object({ ok: z.literal(true), status: z.number().int(), body: z.unknown(), date: z.number().optional() }),
  z.object({ ok: z.literal(false), failure: z.enum(HUB_TRANSPORT_FAILURES) }),
]) as z.ZodType<HubResponse>;

/** `encodeURIComponent` for one path segment (a doc id such as `blob:…`). */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/**
 * Saving a hub account. `url` is the county database without credentials
 * (`http://192.168.1.10:5984/league-lt`); the password goes to the main process (or the
 * browser-mode server) and never comes back to the renderer.
 */
export const hubConfigureRequestSchema = z.object({
  url: z.string().min(1).max(512),
  user: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  password: z.string().min(1).max(256),
  scope: orgCodeSchema,
});
export type HubConfigureRequest = z.infer<typeof hubConfigureRequestSchema>;

/** What the renderer may know about the saved hub account: never the password. */
export interface HubConfigInfo {
  configured: boolean;
  /** The database address without credentials; the key the renderer keeps its sync state under. */
  address?: string;
  user?: string;
  scope?: string;
  /** Where the password is kept: the OS keychain (Electron safeStorage) or a server's memory. */
  storage: 'safe-storage' | 'memory';
}

export type HubConfigureResult = { status: 'saved' | 'forgotten' } | { status: 'error'; reason: 'invalid-request' | 'no-safe-storage' | 'write-failed' };
