// The hub for the hub benchmark: the real pouchdb-server binary (the same express-pouchdb engine as
// `npm run hub`, plus pouchdb-server's own CORS support) on a free loopback port with a temp data
// folder, prepared by the `league-desk hub setup` / `hub add-device` code and filled through
// `_bulk_docs` exactly as the app pushes (`_id` = change id, chunks of PUSH_CHUNK).
//
// The page is served from the app's own origin, so the hub allows that origin by CORS
// (`httpd.enable_cors`, `cors.origins` = the page's origin, credentials allowed): both measured
// clients talk to the hub directly, through the same path, with the same device account.
import { APP_HUB_POLICY } from '../../shared/app/hub';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Change } from '../../shared/sync/change';
import { PUSH_CHUNK } from '../../shared/sync/hub/client';
import { fetchTransport } from '../../shared/sync/hub/fetchTransport';
import { addDevice, setupHub, type ServerAccess } from '../../shared/sync/hub/setup';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'node_modules/.bin/pouchdb-server');

export const HUB_DB = 'league-lt';
const ADMIN = { name: 'admin', password: 'bench-admin-secret' };
/** County staff: may read the county's database (reads are not limited by scope). */
export const DEVICE_LOGIN = { name: 'bench-county-pc', password: 'bench-device-secret', scope: 'LT' };

export interface BenchHub {
  /** Server root, ending in `/`. */
  url: string;
  /** The county database, ending in `/`. */
  dbUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHub(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode}): ${stderr()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`pouchdb-server did not answer at ${url} within 30 s: ${stderr()}`);
}

async function expectOk(res: Response, what: string): Promise<void> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
}

/** Starts pouchdb-server allowing `origin` by CORS, and prepares the county database. */
export async function startBenchHub(origin: string): Promise<BenchHub> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'league-bench-hub-'));
  const port = await freePort();
  const configPath = path.join(dataDir, 'config.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      httpd: { enable_cors: true },
      cors: { origins: origin, credentials: true, methods: 'GET, HEAD, POST, PUT, DELETE, COPY' },
      log: { file: path.join(dataDir, 'log.txt') },
    }),
  );
  const child = spawn(BIN, ['--port', String(port), '--host', '127.0.0.1', '--dir', dataDir, '--config', configPath, '--no-stdout-logs'], {
    cwd: dataDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHub(url, child, () => err);
    // pouchdb-server 4.2 crashes on `PUT /db` once an admin exists (issues #359, #374; scripts/hub.ts
    // works around it in `npm run hub`): the databases are created while the hub is still an
    // "admin party", then `hub setup` finds them there and adds the admin, _security and the design.
    for (const db of ['_users', HUB_DB]) {
      const res = await fetch(`${url}${db}`, { method: 'PUT' });
      if (res.status !== 201 && res.status !== 412) await expectOk(res, `create ${db}`);
    }
    const server: ServerAccess = {
      admin: fetchTransport({ base: url, user: ADMIN.name, password: ADMIN.password }, fetch),
      anonymous: fetchTransport({ base: url }, fetch),
      adminName: ADMIN.name,
      adminPassword: ADMIN.password,
    };
    await setupHub(server, HUB_DB, APP_HUB_POLICY);
    await addDevice(server, HUB_DB, DEVICE_LOGIN, fetchTransport({ base: url, user: DEVICE_LOGIN.name, password: DEVICE_LOGIN.password }, fetch));
    // CORS really answers for the page's origin (a preflight with credentials), or the bench stops here.
    const preflight = await fetch(`${url}${HUB_DB}/_changes`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    if (preflight.headers.get('access-control-allow-origin') !== origin || preflight.headers.get('access-control-allow-credentials') !== 'true') {
      throw new Error(`the hub does not allow ${origin} by CORS (status ${preflight.status})`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dbUrl: `${url}${HUB_DB}/`, stop };
}

/** Pushes the changes as the app does: `_bulk_docs` in chunks, `_id` = change id, as a device account (validation runs). */
export async function fillHub(hub: BenchHub, changes: readonly Change[]): Promise<void> {
  const auth = `Basic ${Buffer.from(`${DEVICE_LOGIN.name}:${DEVICE_LOGIN.password}`).toString('base64')}`;
  for (let i = 0; i < changes.length; i += PUSH_CHUNK) {
    const chunk = changes.slice(i, i + PUSH_CHUNK);
    const res = await fetch(`${hub.dbUrl}_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ docs: chunk.map((c) => ({ ...c, _id: c.id })) }),
    });
    await expectOk(res, '_bulk_docs');
    const results = (await res.json()) as { ok?: boolean; error?: string; id?: string }[];
    const failed = results.find((r) => r.ok !== true);
    if (failed) throw new Error(`the hub refused ${failed.id}: ${failed.error}`);
  }
  const info = (await (await fetch(hub.dbUrl, { headers: { Authorization: auth } })).json()) as { doc_count: number };
  // +1: the design document `hub setup` wrote.
  if (info.doc_count !== changes.length + 1) throw new Error(`the hub holds ${info.doc_count - 1} change documents, expected ${changes.length}`);
}
