// `npm run hub`: runs the hub (scripts/hub.ts) as a child process and starts it again whenever it
// stops without being asked to — a county office has nobody watching it, and every PC's sync waits
// while it is down. Each restart says why (exit code or signal, and the last lines the hub wrote
// to stderr) on the console and in `hub-restarts.log` in the data folder. A restart reuses the
// port the hub had, so PCs find it where it was. Waits between restarts grow from 1 s to a minute
// while the hub keeps failing within a minute of starting (a port taken, a full disk), and start
// again at 1 s once it has run for a minute. Ctrl+C or SIGTERM stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HUB_DATA, DEFAULT_HUB_PORT } from './hub';

const HUB_SCRIPT = fileURLToPath(new URL('./hub.ts', import.meta.url));
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 60_000;
const STABLE_AFTER_MS = 60_000;
const STDERR_KEPT = 4096;

export function superviseHub(): void {
  const dataDir = path.resolve(process.env.HUB_DATA ?? DEFAULT_HUB_DATA);
  const restartLog = path.join(dataDir, 'hub-restarts.log');
  let port = process.env.HUB_PORT ?? String(DEFAULT_HUB_PORT);
  let wait = FIRST_WAIT_MS;
  let child: ChildProcess | undefined;
  let stopping = false;

  const start = () => {
    const startedAt = Date.now();
    let stderrTail = '';
    let stdoutLine = '';
    child = spawn(process.execPath, ['--import', 'tsx', HUB_SCRIPT], {
      env: { ...process.env, HUB_PORT: port, HUB_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      stdoutLine = (stdoutLine + chunk.toString()).slice(-1024);
      // Port 0 asks for a free port once; later starts keep the one the hub got.
      const listening = /League Desk hub: http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdoutLine);
      if (listening) port = listening[1]!;
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_KEPT);
    });
    child.once('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) wait = FIRST_WAIT_MS;
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      const lastLines = stderrTail.trim().split('\n').slice(-12).join('\n');
      const entry = `${new Date().toISOString()} hub stopped (${why}); restarting in ${wait / 1000} s${lastLines ? `\n${lastLines}` : ''}\n`;
      console.error(`League Desk hub supervisor: ${entry.trimEnd()}`);
      try {
        mkdirSync(dataDir, { recursive: true });
        appendFileSync(restartLog, entry);
      } catch (error) {
        console.error(`League Desk hub supervisor: cannot write ${restartLog}: ${(error as Error).message}`);
      }
      setTimeout(start, wait);
      wait = Math.min(wait * 2, LONGEST_WAIT_MS);
    });
  };

  const stop = () => {
    stopping = true;
    if (!child) process.exit(0);
    child.once('exit', () => process.exit(0));
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by a program over an IPC channel (the tests): when that program goes, so do we.
  if (process.send) process.on('disconnect', stop);
  start();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) superviseHub();
