// `npm run bench`: runs every benchmark in real Chromium against the built renderer, prints a
// table and writes bench/results/latest.json. Benchmarks measure; they never fail the tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { trust } from './trust.bench';

const BENCHMARKS: Benchmark[] = [startup, stats, reports, sync, jobs, contests, hub, trust];

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
if (only && !BENCHMARKS.some((b) => b.name === only)) {
  console.error(`No benchmark named ${only}: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(1);
}
const results: (BenchResult & { bench: string })[] = [];
try {
  for (const bench of BENCHMARKS.filter((b) => !only || b.name === only)) {
    console.log(`running ${bench.name}…`);
    results.push(...(await bench.run({ newContext, baseUrl: server.url })).map((r) => ({ ...r, bench: bench.name })));
  }
} finally {
  for (const context of open) await context.close();
  await server.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

console.log('\n' + formatTable(results));
const out = path.resolve('bench/results/latest.json');
mkdirSync(path.dirname(out), { recursive: true });
// One benchmark run alone replaces only its own results in the file; the others' stay, with when
// they were measured.
const now = new Date().toISOString();
type Stored = BenchResult & { bench?: string; when?: string; median: number };
let kept: Stored[] = [];
if (only) {
  try {
    const previous = JSON.parse(readFileSync(out, 'utf8')) as { when?: string; results?: Stored[] };
    kept = (previous.results ?? []).filter((r) => r.bench !== undefined && r.bench !== only).map((r) => ({ ...r, when: r.when ?? previous.when }));
  } catch {
    kept = [];
  }
}
writeFileSync(
  out,
  JSON.stringify(
    {
      when: now,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      chromium: execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim(),
      results: [...kept, ...results.map((r) => ({ ...r, when: now, median: median(r.samples) }))].sort(
        (a, b) => BENCHMARKS.findIndex((x) => x.name === a.bench) - BENCHMARKS.findIndex((x) => x.name === b.bench),
      ),
    },
    null,
    2,
  ),
);
console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
