// `npm run bench`: runs every benchmark in real Chromium against the built renderer, prints a
// table and writes bench/results/latest.json. Benchmarks measure; they never fail the tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve';
import { formatTable, median, type Benchmark, type BenchResult } from './harness';
import { startup } from './startup.bench';
import { reports } from './reports.bench';
import { stats } from './stats.bench';
import { sync } from './sync.bench';
import { jobs } from './jobs.bench';
import { contests } from './contests.bench';
import { hub } from './hub.bench';

const BENCHMARKS: Benchmark[] = [startup, stats, reports, sync, jobs, contests, hub];

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
const only = process.argv[2];
const server = await startServer({ port: 0 });
const open = new Set<BrowserContext>();
const profiles: string[] = [];
/** Each context is its own Chromium on a fresh on-disk profile, deleted when the run ends. */
async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ld-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: executablePath!, args: CHROMIUM_ARGS, ...options });
  open.add(context);
  profiles.push(dir);
  context.on('close', () => open.delete(context));
  return context;
}
const results: BenchResult[] = [];
try {
  for (const bench of BENCHMARKS.filter((b) => !only || b.name === only)) {
    console.log(`running ${bench.name}…`);
    results.push(...(await bench.run({ newContext, baseUrl: server.url })));
  }
} finally {
  for (const context of open) await context.close();
  await server.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

console.log('\n' + formatTable(results));
const out = path.resolve('bench/results/latest.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      when: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      chromium: execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim(),
      results: results.map((r) => ({ ...r, median: median(r.samples) })),
    },
    null,
    2,
  ),
);
console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
