// `npm start`: builds main, preload and renderer, then launches the desktop app. Where the Electron
// binary is missing it tries `install-electron`; where that cannot succeed (no connection to
// Electron's download host) it says so in one line and serves browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function run(cmd: string, args: string[], options: Parameters<typeof spawnSync>[2] = {}): boolean {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

/** The Electron binary's path if it is installed, without triggering the package's own download. */
function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsSync(path.join(override, name ?? 'electron')) ? path.join(override, name ?? 'electron') : null;
  if (!name) return null;
  const binary = path.join(dir, 'dist', name);
  return existsSync(binary) ? binary : null;
}

if (!run('npm', ['run', '--silent', 'build'])) process.exit(1);

let binary = electronBinary();
if (!binary) {
  console.log('The Electron binary is not installed; trying install-electron…');
  run(process.execPath, [path.join(path.dirname(require.resolve('electron/package.json')), 'install.js')], {
    stdio: ['ignore', 'ignore', 'ignore'],
    timeout: 180_000,
  });
  binary = electronBinary();
}

if (binary) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = Number(process.env.PORT ?? 5174);
  console.log(
    'Electron could not be downloaded on this machine (no connection to its download host): run `npx install-electron` where there is one, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron — serving browser mode instead.',
  );
  const { url } = await startServer({ port });
  console.log(`League Desk (browser mode): ${url}`);
}
