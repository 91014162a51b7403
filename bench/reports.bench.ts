import { bundlePageScript, openBenchPage, type Benchmark } from './harness';

type Run = (format: 'xlsx' | 'html', lang: 'zh-CN' | 'ug') => Promise<{ ms: number; html?: string; bytes?: number }>;

/**
 * The county summary report for 2,000 organisations: as xlsx (exceljs's browser build, as the app
 * runs it), and as PDF — the engine's HTML printed by Chromium, which is what Electron's printToPDF
 * does — from data to file.
 */
export const reports: Benchmark = {
  name: 'reports',
  async run(ctx) {
    const page = await openBenchPage(ctx, await bundlePageScript('bench/page/reportBench.ts'));
    const xlsx: number[] = [];
    const pdf: number[] = [];
    for (let i = 0; i < 3; i++) {
      xlsx.push((await page.evaluate(() => (globalThis as unknown as { reportBench: Run }).reportBench('xlsx', 'ug'))).ms);
      const started = Date.now();
      const { html } = await page.evaluate(() => (globalThis as unknown as { reportBench: Run }).reportBench('html', 'ug'));
      const printPage = await page.context().newPage();
      await printPage.setContent(html!);
      await printPage.pdf({ preferCSSPageSize: true, printBackground: true });
      pdf.push(Date.now() - started);
      await printPage.close();
    }
    await page.context().close();
    return [
      { name: 'county summary, 2,000 orgs → xlsx', unit: 'ms', samples: xlsx, goal: 2000 },
      { name: 'county summary, 2,000 orgs → PDF (Chromium print)', unit: 'ms', samples: pdf, goal: 2000 },
    ];
  },
};
