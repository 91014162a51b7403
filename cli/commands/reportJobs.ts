import ugJobs from '../../locales/ug/jobs.json' with { type: 'json' };
import zhJobs from '../../locales/zh-CN/jobs.json' with { type: 'json' };
import { generateDemoCounty } from '../../shared/demo/luntai';
import type { Lang } from '../../shared/i18n/lang';
import { DEMO_JOBS_YEAR, generateDemoJobs } from '../../shared/jobs/demo';
import { jobsReportJson, jobsReportTables } from '../../shared/jobs/report';
import type { JobsLocales } from '../../shared/jobs/messages';
import { tableToCsv } from '../../shared/report/csv';
import { toXlsx } from '../../shared/report/xlsx';

/** Both languages' jobs messages; typed, so a key missing from either file fails to compile. */
const JOBS_LOCALES: JobsLocales = { 'zh-CN': zhJobs, ug: ugJobs };

/**
 * `league-desk report --demo --kind jobs`: the demo county's job figures for its year, per month
 * and per township. json: the figures as numbers; csv: the per-month table (one header row, as CSV
 * readers want); xlsx: months, townships and placements (phones masked) as three sheets.
 */
export async function renderJobsReport(format: 'json' | 'csv' | 'xlsx', lang: Lang): Promise<string | Uint8Array> {
  const demo = generateDemoCounty();
  const { notices, placements } = generateDemoJobs(demo);
  const input = { orgs: demo.orgs, notices, placements, year: DEMO_JOBS_YEAR, lang, locales: JOBS_LOCALES };
  if (format === 'json') return `${JSON.stringify(jobsReportJson(input), null, 2)}\n`;
  const tables = jobsReportTables(input);
  if (format === 'csv') return tableToCsv(tables.months);
  return toXlsx([tables.months, tables.townships, tables.placements]);
}
