// Browser mode: serves the built renderer (dist/renderer) on 127.0.0.1 only, with the same strict
// Content-Security-Policy the Electron shell sends. Used by `npm run start:web`, by `npm start`
// where Electron cannot run, and by the end-to-end tests and benchmarks.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../shared/web/policy';
import type { FetchLike } from '../shared/sync/hub/fetchTransport';
import { accountFromRequest, accountInfo, HubRelayRefusal, relayHubRequest, type HubAccount } from '../shared/sync/hub/relay';

export const DEFAULT_ROOT = process.env.LEAGUE_DESK_DIST ?? fileURLToPath(new URL('../dist/renderer/', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the server; resolves with its URL once it listens. Port 0 picks a free port. */
export function startServer({
  port = 5174,
  root = DEFAULT_ROOT,
  hubFetch = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(60_000) }),
}: { port?: number; root?: string; hubFetch?: FetchLike } = {}): Promise<RunningServer> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}. Run: npm run build:web`);
  }
  // Browser mode's stand-in for the main process: the hub account lives in this server's memory
  // only (never on disk, never in the page's IndexedDB, never logged), and /bridge/hub/* forwards.
  const hub: { account?: HubAccount } = {};
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/bridge/')) {
      handleBridge(req, res, url.pathname, hub, hubFetch).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, '.' + (rel.endsWith('/') ? rel + 'index.html' : rel));
    if (!file.startsWith(path.resolve(root) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': mimeTypeFor(path.extname(file)),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

const MAX_BRIDGE_BODY = 64 * 1024 * 1024;

/**
 * Only our own page may call the bridge. A page from another site can send a "simple" POST here
 * without asking, so every call must carry a JSON content type and our header — which makes the
 * browser ask first (CORS preflight), and this server never says yes — and an Origin, if any, that
 * is this server's own.
 */
function ownPageRequest(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return false;
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  return req.headers['x-league-desk'] === '1' && (req.headers['content-type'] ?? '').startsWith('application/json');
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BRIDGE_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

async function handleBridge(req: IncomingMessage, res: ServerResponse, pathname: string, hub: { account?: HubAccount }, hubFetch: FetchLike): Promise<void> {
  if (req.method !== 'POST' || !ownPageRequest(req)) {
    sendJson(res, 403, { error: 'forbidden-sender' });
    return;
  }
  let body: unknown;
  try {
    body = await readJson(req);
  } catch {
    sendJson(res, 400, { error: 'invalid-request' });
    return;
  }
  try {
    if (pathname === '/bridge/hub/request') {
      sendJson(res, 200, await relayHubRequest(hub.account, body, hubFetch));
    } else if (pathname === '/bridge/hub/config') {
      sendJson(res, 200, accountInfo(hub.account, 'memory'));
    } else if (pathname === '/bridge/hub/configure') {
      if (body === null) {
        delete hub.account;
        sendJson(res, 200, { status: 'forgotten' });
      } else {
        hub.account = accountFromRequest(body);
        sendJson(res, 200, { status: 'saved' });
      }
    } else {
      sendJson(res, 404, { error: 'unknown' });
    }
  } catch (error) {
    if (error instanceof HubRelayRefusal) {
      sendJson(res, pathname === '/bridge/hub/configure' ? 200 : 400, pathname === '/bridge/hub/configure' ? { status: 'error', reason: 'invalid-request' } : { error: 'invalid-request' });
      return;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 5174);
  startServer({ port })
    .then(({ url }) => console.log(`League Desk (browser mode): ${url}`))
    .catch((error: NodeJS.ErrnoException) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : error.message);
      process.exit(1);
    });
}
