import { bundlePageScript, median, openBenchPage, type Benchmark } from './harness';

const CHANGES = 100_000;
const ROUNDS = 3;

/**
 * Sync by files at county scale: importing a 100,000-change bundle's records through the app's one
 * import path (plan + apply in one IndexedDB transaction), measured beside a raw IndexedDB bulk write
 * of the same changes and rows in the same Chromium run; and exporting 100,000 changes to a bundle.
 */
export const sync: Benchmark = {
  name: 'sync',
  async run(ctx) {
    // The bench script is ours, served from the app's own origin (IndexedDB needs a real origin).
    const page = await openBenchPage(ctx, await bundlePageScript('bench/page/syncBench.ts'));
    const raw: number[] = [];
    const imported: number[] = [];
    const ratio: number[] = [];
    const exported: number[] = [];
    const planned: number[] = [];
    const reimported: number[] = [];
    const overlap: number[] = [];
    const overlapRatio: number[] = [];
    let bundleKiB = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const r = await page.evaluate(
        ([count, n]) => (globalThis as unknown as { syncBench(c: number, r: number): Promise<{ raw: number; imported: number; planned: number; overlap: number; reimported: number; exported: number; bundleBytes: number }> }).syncBench(count, n),
        [CHANGES, round] as const,
      );
      raw.push(r.raw);
      imported.push(r.imported);
      ratio.push(r.imported / r.raw);
      exported.push(r.exported);
      planned.push(r.planned);
      reimported.push(r.reimported);
      overlap.push(r.overlap);
      overlapRatio.push(r.overlap / r.imported);
      bundleKiB = r.bundleBytes / 1024;
    }
    await page.context().close();
    return [
      { name: 'raw IndexedDB bulk write, 100,000 changes + rows', unit: 'ms', samples: raw },
      { name: 'import 100,000 changes (plan + apply)', unit: 'ms', samples: imported, note: `of which planning ${(median(planned) / 1000).toFixed(1)} s` },
      { name: 'import ÷ raw write', unit: '×', samples: ratio, goal: 1.5 },
      { name: 'import the same 100,000 changes again (all already held)', unit: 'ms', samples: reimported },
      { name: 'import a full file of 100,000 into a PC holding 90% of it', unit: 'ms', samples: overlap },
      { name: 'that ÷ a fresh import of the same file', unit: '×', samples: overlapRatio, goal: 1.5 },
      { name: 'export 100,000 changes to a bundle', unit: 'ms', samples: exported, goal: 2000, note: `${bundleKiB.toFixed(0)} KiB` },
    ];
  },
};
