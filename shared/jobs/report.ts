import type { Org } from '../domain/org';
import type { BilingualText, Lang } from '../i18n/lang';
import type { ReportTable } from '../report/table';
import { jobFigures, type JobFigures } from './figures';
import { monthsTable, placementsTable, townshipsTable, type JobsReportContext } from './figuresTable';
import type { JobsLocales } from './messages';
import type { Notice, Placement } from './rows';

/** What every jobs report is built from: the same for the app, the command line and tests. */
export interface JobsReportInput {
  orgs: readonly Pick<Org, 'id' | 'code' | 'name' | 'kind'>[];
  notices: readonly Notice[];
  placements: readonly Placement[];
  year: number;
  lang: Lang;
  locales: JobsLocales;
}

export interface JobsReportTables {
  months: ReportTable;
  townships: ReportTable;
  placements: ReportTable;
}

/** Townships (and towns and farms) in code order: the order the county lists them everywhere. */
export function townshipOrgs<T extends Pick<Org, 'id' | 'code' | 'kind'>>(orgs: readonly T[]): T[] {
  return orgs.filter((o) => o.kind === 'township').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function reportContext(input: Pick<JobsReportInput, 'orgs' | 'lang' | 'locales'>): JobsReportContext {
  const names = new Map<string, BilingualText>(input.orgs.map((o) => [o.id, o.name]));
  const county = input.orgs.find((o) => o.kind === 'county');
  return { lang: input.lang, locales: input.locales, countyName: county?.name ?? {}, townshipName: (id) => names.get(id) };
}

export function jobsReportTables(input: JobsReportInput): JobsReportTables {
  const report = jobFigures(input.notices, input.placements, input.year);
  const ctx = reportContext(input);
  return {
    months: monthsTable(report, ctx),
    townships: townshipsTable(report, ctx, townshipOrgs(input.orgs).map((o) => o.id)),
    placements: placementsTable(report, input.placements, new Map(input.notices.map((n) => [n.id, n])), ctx),
  };
}

export interface JobsReportJson {
  year: number;
  total: JobFigures;
  months: ({ month: string } & JobFigures)[];
  townships: ({ code: string | null; name: BilingualText | null } & JobFigures)[];
}

/** The figures as data (no personal data at all): months `2025-01`…, townships by code. */
export function jobsReportJson(input: JobsReportInput): JobsReportJson {
  const report = jobFigures(input.notices, input.placements, input.year);
  const byId = new Map(input.orgs.map((o) => [o.id, o]));
  const order = townshipOrgs(input.orgs).map((o) => o.id);
  const ids = [...report.townships.keys()].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
  function rank(id: string | null): number {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const at = order.indexOf(id);
    return at < 0 ? order.length : at;
  }
  return {
    year: report.year,
    total: report.total,
    months: report.months.map((f, i) => ({ month: `${report.year}-${String(i + 1).padStart(2, '0')}`, ...f })),
    townships: ids.map((id) => {
      const org = id === null ? undefined : byId.get(id);
      return { code: org?.code ?? null, name: org?.name ?? null, ...report.townships.get(id)! };
    }),
  };
}
