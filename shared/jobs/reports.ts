import type { ReportKind } from '../feature/reports';
import { DEMO_JOBS_YEAR, generateDemoJobs } from './demo';
import type { JobsLocales } from './messages';
import { jobsReportJson, jobsReportTables } from './report';

/**
 * `league-desk report --demo --kind jobs`: the demo county's job figures for its year, per month
 * and per township. JSON: the figures as numbers; CSV: the per-month table (one header row, as CSV
 * readers want); xlsx: months, townships and placements (phones masked) as three sheets.
 */
export const JOBS_REPORT: ReportKind = {
  name: 'jobs',
  namespace: 'jobs',
  demo(demo, lang, locales) {
    const { notices, placements } = generateDemoJobs(demo);
    const input = { orgs: demo.orgs, notices, placements, year: DEMO_JOBS_YEAR, lang, locales: locales as JobsLocales };
    const tables = jobsReportTables(input);
    return { json: jobsReportJson(input), tables: [tables.months, tables.townships, tables.placements] };
  },
};
