// Browser mode: serves the built renderer (dist/renderer) on 127.0.0.1 only, with the same strict
// Content-Security-Policy the Electron shell sends. Used by `npm run start:web`, by `npm start`
// where Electron cannot run, and by the end-to-end tests and benchmarks.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../shared/web/policy';

export const DEFAULT_ROOT = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the server; resolves with its URL once it listens. Port 0 picks a free port. */
export function startServer({ port = 5174, root = DEFAULT_ROOT }: { port?: number; root?: string } = {}): Promise<RunningServer> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}. Run: npm run build:web`);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
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

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 5174);
  startServer({ port })
    .then(({ url }) => console.log(`League Desk (browser mode): ${url}`))
    .catch((error: NodeJS.ErrnoException) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : error.message);
      process.exit(1);
    });
}
