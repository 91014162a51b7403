import type { Benchmark, BenchResult } from './harness';

const RUNS = 5;

/**
 * From navigation to the demo county's overview being interactive (totals painted and the main
 * thread free for input), in a profile where the demo is already loaded — what a person sees every
 * morning. Also: what loading the demo county costs (263 organisations, 245 reports, one change each),
 * and how much JavaScript the first screen loads.
 */
export const startup: Benchmark = {
  name: 'startup',
  async run(ctx) {
    const interactive: number[] = [];
    const demoLoad: number[] = [];
    const scriptKiB: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await ctx.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(ctx.baseUrl);
      await page.getByTestId('load-demo').waitFor();
      const started = Date.now();
      await page.getByTestId('load-demo').click();
      await page.getByTestId('total-members').waitFor();
      demoLoad.push(Date.now() - started);

      const scriptBytes: number[] = [];
      page.on('response', async (response) => {
        if (response.request().resourceType() === 'script') scriptBytes.push((await response.body()).length);
      });
      await page.reload({ waitUntil: 'commit' });
      await page.getByTestId('total-members').waitFor();
      // "Interactive": a task posted now runs, i.e. nothing long is still blocking the main thread.
      const ms = await page.evaluate(
        () => new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0)),
      );
      interactive.push(ms);
      await page.waitForLoadState('networkidle');
      scriptKiB.push(scriptBytes.reduce((a, b) => a + b, 0) / 1024);
      await context.close();
    }
    const results: BenchResult[] = [
      { name: 'navigation → demo overview interactive', unit: 'ms', samples: interactive },
      { name: 'load the demo county (one change per row)', unit: 'ms', samples: demoLoad },
      { name: 'JavaScript loaded by the first screen', unit: 'KiB', samples: scriptKiB, note: 'uncompressed' },
    ];
    return results;
  },
};
