/**
 * What the renderer is served with, the same in the Electron shell (app://league-desk, see
 * electron/appProtocol.ts) and in browser mode (scripts/serve.ts), so both run under one policy.
 */

/**
 * The policy every page of ours runs under. style-src needs 'unsafe-inline' because Emotion (MUI)
 * injects <style> elements at runtime; scripts get no such exception. connect-src 'self' means the
 * renderer can reach nothing on the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Content types for what Vite puts in dist/renderer. Chromium refuses module scripts served with a
 * non-JavaScript type, and with `nosniff` it will not guess, so this table must cover every kind of
 * file the build emits.
 */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const FALLBACK_MIME = 'application/octet-stream';

/** `extension` includes the dot, as path.extname returns it; case is ignored. */
export function mimeTypeFor(extension: string): string {
  return MIME_BY_EXTENSION[extension.toLowerCase()] ?? FALLBACK_MIME;
}
