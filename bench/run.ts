// `npm run bench`: runs every benchmark in real Chromium against the built renderer, prints a
// table and writes bench/results/latest.json. Benchmarks measure; they never fail the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
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
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const results: BenchResult[] = [];
try {
  for (const bench of BENCHMARKS.filter((b) => !only || b.name === only)) {
    console.log(`running ${bench.name}…`);
    results.push(...(await bench.run({ browser, baseUrl: server.url })));
  }
} finally {
  await browser.close();
  await server.close();
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
      chromium: browser.version(),
      results: results.map((r) => ({ ...r, median: median(r.samples) })),
    },
    null,
    2,
  ),
);
console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
