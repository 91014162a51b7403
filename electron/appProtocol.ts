import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../shared/web/policy';

export { CONTENT_SECURITY_POLICY };

/** Registered before `ready` with protocol.registerSchemesAsPrivileged. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    // standard: a real origin, so relative URLs resolve and IndexedDB/localStorage are available.
    standard: true,
    // secure: treated like https, so secure-context APIs (crypto.subtle) work.
    secure: true,
    // supportFetchAPI: Vite's module scripts and the fonts are fetched, not just loaded.
    supportFetchAPI: true,
  },
} as const;

export type ReadRendererFile = (absolutePath: string) => Promise<Uint8Array>;

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps an app:// URL to a file under `rendererDir`, or null when it must not be served. The URL
 * parser already folds `..` and `%2e%2e` segments, but an encoded separator (`..%2f`, `..%5c` on
 * Windows) only becomes one after decoding, so the decoded path is resolved and checked to still be
 * inside the renderer folder; the check, not the parser, is what keeps the rest of the disk private.
 */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';

  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, `.${path.sep}${relative}`);
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/**
 * The whole app:// handler as a pure function of its inputs, so it can be tested without Electron.
 * Every response, including 404s, carries the CSP: a policy only on successful pages would leave
 * an error page as the weak spot. There is deliberately no "unknown path → index.html" fallback:
 * the renderer routes inside one document, and a fallback would answer 200 to probes such as
 * app://league-desk/etc/passwd.
 */
export async function handleAppRequest(
  url: string,
  rendererDir: string,
  readFile: ReadRendererFile,
): Promise<Response> {
  const file = rendererFileFor(url, rendererDir);
  if (file === null) return notFound();

  let body: Uint8Array;
  try {
    body = await readFile(file);
  } catch {
    // Missing file, a directory, or unreadable: the renderer folder is ours, so any of these means
    // "no such page", and the error text would only leak local paths.
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': mimeTypeFor(path.extname(file)) },
  });
}
