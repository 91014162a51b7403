import path from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** One measured quantity: the median of its samples, with the spread, against a goal if it has one. */
export interface BenchResult {
  name: string;
  unit: 'ms' | 'KiB' | '×';
  samples: number[];
  /** Lower is better; a result over its goal is marked in the table (benchmarks do not fail tests). */
  goal?: number;
  note?: string;
}

export interface BenchContext {
  /**
   * A fresh browser context on its own on-disk profile (closing it deletes the profile), as the app
   * runs: Electron keeps IndexedDB on disk. Never an incognito context: Chromium keeps an incognito
   * context's IndexedDB in memory, where writes into indexed stores are 5–10× slower than on disk
   * (measured on this Chromium), which would measure a storage the app never uses.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  baseUrl: string;
}

export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => {
    const m = median(r.samples);
    const status = r.goal === undefined ? '' : m <= r.goal ? 'met' : 'MISSED';
    return [
      r.name,
      `${m.toFixed(1)} ${r.unit}`,
      `${Math.min(...r.samples).toFixed(1)}–${Math.max(...r.samples).toFixed(1)}`,
      String(r.samples.length),
      r.goal === undefined ? '' : `≤ ${r.goal} ${r.unit} ${status}`,
      r.note ?? '',
    ];
  });
  const header = ['benchmark', 'median', 'range', 'n', 'goal', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/**
 * A benchmark's page script (a file, or TypeScript source resolved from the project root) bundled
 * by esbuild into one IIFE for Chromium.
 */
export async function bundlePageScript(entry: string | { contents: string }, alias?: Record<string, string>): Promise<string> {
  const out = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: path.resolve('.'), loader: 'ts' as const } }),
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
    ...(alias ? { alias } : {}),
  });
  return out.outputFiles[0]!.text;
}

/**
 * A page of the app (its own origin: IndexedDB needs a real one) with the benchmark's script added.
 * The script is ours, so the page's Content-Security-Policy is bypassed for it.
 */
export async function openBenchPage(ctx: BenchContext, script: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await ctx.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  const baseUrl = ctx.baseUrl;
  await page.goto(baseUrl);
  await page.addScriptTag({ content: script });
  return page;
}
