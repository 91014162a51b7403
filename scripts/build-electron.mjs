// Bundles the Electron main process and preload into dist/electron/{main,preload}.cjs.
//
// Both are single CommonJS files with only 'electron' left external. For the preload this is not
// a choice: a sandboxed preload cannot require anything but 'electron' (and a few Node built-in
// polyfills), so shared/ and zod must be inside it. For main it means the packaged app needs no
// node_modules at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  tsconfig: path.join(root, 'electron', 'tsconfig.json'),
};

const entries = [
  { in: 'electron/main.ts', out: 'main.cjs' },
  { in: 'electron/preload.ts', out: 'preload.cjs' },
];

try {
  await Promise.all(
    entries.map((entry) =>
      build({ ...common, entryPoints: [path.join(root, entry.in)], outfile: path.join(outdir, entry.out) }),
    ),
  );
  for (const entry of entries) console.log(`built dist/electron/${entry.out}`);
} catch (error) {
  // esbuild has already printed the diagnostics; the exit code is what npm scripts and CI read.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
