import { bundlePageScript, openBenchPage, type Benchmark, type BenchResult } from './harness';

/**
 * Statistics at county scale: the roll-up of 20,000 organisations over 60 monthly periods, and the
 * entry grid of a 300-branch township, from keystroke to updated cell and totals.
 */
export const stats: Benchmark = {
  name: 'stats',
  async run(ctx) {
    const page = await openBenchPage(ctx, await bundlePageScript('bench/page/statsBench.ts'), { viewport: { width: 1280, height: 900 } });
    const yearly: number[] = [];
    const monthly: number[] = [];
    const trend: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await page.evaluate(() => (globalThis as unknown as { statsBench: { rollupBench(): { yearly: number; monthly: number; trend60: number } } }).statsBench.rollupBench());
      yearly.push(r.yearly);
      monthly.push(r.monthly);
      trend.push(r.trend60);
    }

    await page.evaluate(() => (globalThis as unknown as { statsBench: { seedBigTownship(): Promise<void> } }).statsBench.seedBigTownship());
    await page.goto(`${ctx.baseUrl}#/entry?round=r`);
    await page.reload();
    await page.locator('#cell-299-0').waitFor();
    // Measured inside the page: from the keydown to the moment the total cell shows the new sum.
    await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; latencies: number[] };
      w.latencies = [];
      document.addEventListener('keydown', () => (w.keyAt = performance.now()), true);
      const total = document.querySelector('[data-testid="grid-total-members"]')!;
      new MutationObserver(() => w.latencies.push(performance.now() - w.keyAt)).observe(total, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('#cell-150-0').click();
    for (const digit of '1234567890123456') {
      await page.keyboard.press(digit);
      await page.waitForTimeout(30);
    }
    const keystroke = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
    await page.context().close();
    const results: BenchResult[] = [
      { name: 'roll-up, 20,000 orgs × 60 months: one year, whole tree', unit: 'ms', samples: yearly, goal: 500, note: '1.2 M reports' },
      { name: 'roll-up, 20,000 orgs: one month, whole tree', unit: 'ms', samples: monthly },
      { name: 'roll-up, county trend over all 60 months', unit: 'ms', samples: trend },
      { name: 'entry grid, 300 branches: keystroke → cell and totals', unit: 'ms', samples: keystroke, goal: 50 },
    ];
    return results;
  },
};
