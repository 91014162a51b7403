/** Starts the real embedded hub (scripts/hub.ts, pouchdb-server's engine) on a free port, in a temp folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchTransport } from '../../../shared/sync/hub/fetchTransport';
import type { HubTransport } from '../../../shared/sync/hub/protocol';
import { addDevice, setupHub, type ServerAccess } from '../../../shared/sync/hub/setup';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TestHub {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startTestHub(): Promise<TestHub> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'league-hub-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/hub.ts')], {
    cwd: ROOT,
    env: { ...process.env, HUB_PORT: '0', HUB_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /League Desk hub: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`hub exited (${code}): ${err}`)));
  });
  return {
    url,
    dataDir,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { name: 'admin', password: 'admin-secret-1' };

export function serverAccess(url: string): ServerAccess {
  return {
    admin: fetchTransport({ base: url, user: ADMIN.name, password: ADMIN.password }, fetch),
    anonymous: fetchTransport({ base: url }, fetch),
    adminName: ADMIN.name,
    adminPassword: ADMIN.password,
  };
}

export function dbTransport(url: string, db: string, user?: string, password?: string): HubTransport {
  return fetchTransport({ base: `${url}${db}/`, user, password }, fetch);
}

export interface DeviceLogin {
  name: string;
  password: string;
  scope: string;
}

/** A county database, set up, with these device accounts. */
export async function prepareCounty(url: string, db: string, devices: readonly DeviceLogin[]): Promise<void> {
  await setupHub(serverAccess(url), db);
  for (const d of devices) await addDevice(serverAccess(url), db, d, fetchTransport({ base: url, user: d.name, password: d.password }, fetch));
}
