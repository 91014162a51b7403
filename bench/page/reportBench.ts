// Runs inside Chromium (bundled by bench/reports.bench.ts): the county summary of a 2,000-organisation county.
import ug from '../../locales/ug/report.json';
import zh from '../../locales/zh-CN/report.json';
import type { ReportLocales } from '../../shared/stats/report/messages';
import { countySummaryWorkload, syntheticCounty } from '../workloads/reportSpeed';

const LOCALES = { 'zh-CN': zh, ug } as ReportLocales;

async function run(format: 'xlsx' | 'html', lang: 'zh-CN' | 'ug'): Promise<{ ms: number; html?: string; bytes?: number }> {
  const input = syntheticCounty(2000);
  const started = performance.now();
  const { output } = await countySummaryWorkload(input, LOCALES, lang, format);
  const ms = performance.now() - started;
  return typeof output === 'string' ? { ms, html: output } : { ms, bytes: output.byteLength };
}

(globalThis as unknown as { reportBench: typeof run }).reportBench = run;
