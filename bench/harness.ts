import type { Browser } from 'playwright-core';

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
  browser: Browser;
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
