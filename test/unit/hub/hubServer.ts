/**
 * Starts the real embedded hub on a free port, in a temp folder, the way `npm run hub` does: the
 * supervisor (scripts/hubSupervisor.ts) running scripts/hub.ts, pouchdb-server's engine.
 */
import { APP_HUB_POLICY } from '../../../shared/app/hub';
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
  /** The supervisor. */
  child: ChildProcess;
  /** Everything the supervisor and the hub wrote, stdout and stderr. */
  output(): string;
  /** The hub process's id, as the newest start printed it. */
  hubPid(): number;
  stop(): Promise<void>;
}

export async function startTestHub(): Promise<TestHub> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'league-hub-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/hubSupervisor.ts')], {
    cwd: ROOT,
    env: { ...process.env, HUB_PORT: '0', HUB_DATA: dataDir },
    // The IPC channel ends the supervisor and its hub if this process dies before stop().
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /League Desk hub: (http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*pid: \d+/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`hub exited (${code}): ${output}`)));
  });
  return {
    url,
    dataDir,
    child,
    output: () => output,
    hubPid: () => Number([...output.matchAll(/^pid: (\d+)$/gm)].at(-1)?.[1]),
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
  await setupHub(serverAccess(url), db, APP_HUB_POLICY);
  for (const d of devices) await addDevice(serverAccess(url), db, d, fetchTransport({ base: url, user: d.name, password: d.password }, fetch));
}
