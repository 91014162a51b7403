import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { addDays } from '../../../shared/domain/dates';
import { DEMO_JOBS_YEAR, generateDemoJobs, jobsDemoWriteSpecs } from '../../../shared/jobs/demo';
import { jobFigures } from '../../../shared/jobs/figures';
import { jobsReportJson, jobsReportTables } from '../../../shared/jobs/report';
import { NOTICE_STATUSES, type Notice, type Placement } from '../../../shared/jobs/rows';
import { tableToCsv } from '../../../shared/report/csv';
import { LOCALES, notice, placement } from './fixtures';
import { homeCounty } from '../../../shared/orgs/home';
import { APP_TABLES } from '../../../shared/app/registry';
import { storedRowSchema } from '../../../shared/sync/tables';

const TOWNSHIPS = ['t1', 't2', 't3', null] as const;

const arbNotice = fc.record({
  day: fc.integer({ min: 0, max: 800 }),
  township: fc.constantFrom(...TOWNSHIPS),
  openings: fc.integer({ min: 1, max: 50 }),
  status: fc.constantFrom(...NOTICE_STATUSES),
});
const arbPlacement = fc.record({ day: fc.integer({ min: 0, max: 800 }), township: fc.constantFrom(...TOWNSHIPS) });

function build(ns: { day: number; township: string | null; openings: number; status: Notice['status'] }[], ps: { day: number; township: string | null }[]) {
  const notices = ns.map((n, i) =>
    notice({ id: `n${i}`, townshipId: n.township, openings: n.openings, status: n.status, publishedOn: n.status === 'draft' ? null : addDays('2024-06-01', n.day) }),
  );
  const placements = ps.map((p, i) => placement({ id: `p${i}`, townshipId: p.township, hiredOn: addDays('2024-06-01', p.day) }));
  return { notices, placements };
}

const sum = (items: { notices: number; openings: number; placements: number }[]) =>
  items.reduce((a, f) => ({ notices: a.notices + f.notices, openings: a.openings + f.openings, placements: a.placements + f.placements }), { notices: 0, openings: 0, placements: 0 });

describe('job figures', () => {
  it('per-month figures add up to the year, and per-township figures to the county (property)', () => {
    fc.assert(
      fc.property(fc.array(arbNotice, { maxLength: 60 }), fc.array(arbPlacement, { maxLength: 60 }), fc.constantFrom(2024, 2025, 2026), (ns, ps, year) => {
        const { notices, placements } = build(ns, ps);
        const report = jobFigures(notices, placements, year);
        expect(sum(report.months)).toEqual(report.total);
        expect(sum([...report.townships.values()])).toEqual(report.total);
        // And the year's total is what a direct count says: drafts never count.
        const counted = notices.filter((n) => n.status !== 'draft' && n.publishedOn?.startsWith(`${year}-`));
        expect(report.total.notices).toBe(counted.length);
        expect(report.total.openings).toBe(counted.reduce((a, n) => a + n.openings, 0));
        expect(report.total.placements).toBe(placements.filter((p) => p.hiredOn.startsWith(`${year}-`)).length);
      }),
    );
  });

  it('the total row of each table equals the sum of its rows (property)', () => {
    fc.assert(
      fc.property(fc.array(arbNotice, { maxLength: 30 }), fc.array(arbPlacement, { maxLength: 30 }), (ns, ps) => {
        const { notices, placements } = build(ns, ps);
        const orgs = [
          { id: 'c', code: 'LT', name: { zh: '县' }, kind: 'county' as const },
          { id: 't1', code: 'LT-01', name: { zh: '一乡' }, kind: 'township' as const },
          { id: 't2', code: 'LT-02', name: { zh: '二乡', ug: 'ئىككى' }, kind: 'township' as const },
        ];
        for (const lang of ['zh-CN', 'ug'] as const) {
          const tables = jobsReportTables({ orgs, notices, placements, year: 2025, lang, locales: LOCALES });
          for (const table of [tables.months, tables.townships]) {
            for (const key of ['notices', 'openings', 'placements']) {
              expect(table.rows.reduce((a, r) => a + (r[key] as number), 0)).toBe(table.totalRow![key]);
            }
          }
        }
      }),
    );
  });

  it('counts a notice in the month it was published, a placement in the month of hiring', () => {
    const report = jobFigures([notice({ publishedOn: '2025-03-31', openings: 4 }), notice({ id: 'd', status: 'draft', publishedOn: null })], [placement({ hiredOn: '2025-04-01' })], 2025);
    expect(report.months[2]).toEqual({ notices: 1, openings: 4, placements: 0 });
    expect(report.months[3]).toEqual({ notices: 0, openings: 0, placements: 1 });
  });
});

describe('the demo year', () => {
  const demo = generateDemoCounty();
  const { notices, placements } = generateDemoJobs(demo);

  it('has 100+ notices and 70+ placements over 2025, every row valid, and is the same every time', () => {
    const report = jobFigures(notices, placements, DEMO_JOBS_YEAR);
    expect(report.total.notices).toBeGreaterThanOrEqual(100);
    expect(report.total.placements).toBeGreaterThanOrEqual(70);
    // A notice is two writes (the Uyghur sides on their own, writes.ts): each row is what its writes make together.
    const rows = new Map<string, { table: string; row: Record<string, unknown> }>();
    for (const spec of jobsDemoWriteSpecs(demo, homeCounty(demo.orgs)!)) {
      const key = `${spec.table}/${spec.row}`;
      rows.set(key, { table: spec.table, row: { ...rows.get(key)?.row, id: spec.row, ...spec.fields } });
    }
    for (const [key, { table, row }] of rows) expect(storedRowSchema(APP_TABLES.get(table)!).safeParse(row).success, key).toBe(true);
    expect(generateDemoJobs(generateDemoCounty())).toEqual({ notices, placements });
  });

  it('every placement points at a notice that exists and was published before the hiring', () => {
    const byId = new Map(notices.map((n) => [n.id, n]));
    for (const p of placements) {
      const n = byId.get(p.noticeId);
      expect(n).toBeDefined();
      expect(n!.publishedOn! <= p.hiredOn).toBe(true);
    }
  });

  it('the json report has the same totals as the tables, and the CSV holds no personal data', () => {
    const input = { orgs: demo.orgs, notices, placements, year: DEMO_JOBS_YEAR, lang: 'zh-CN' as const, locales: LOCALES };
    const json = jobsReportJson(input);
    expect(sum(json.months)).toEqual(json.total);
    expect(sum(json.townships)).toEqual(json.total);
    const tables = jobsReportTables(input);
    expect(tables.months.totalRow).toMatchObject(json.total);
    const csv = tableToCsv(tables.months);
    expect(csv.startsWith('\uFEFF月份,')).toBe(true);
    expect(csv).toContain(`合计,${json.total.notices},${json.total.openings},${json.total.placements}`);
  });

  it('the placements sheet masks every phone', () => {
    const tables = jobsReportTables({ orgs: demo.orgs, notices, placements: placements as Placement[], year: DEMO_JOBS_YEAR, lang: 'ug', locales: LOCALES });
    const phones = tables.placements.rows.map((r) => r['phone']).filter((p): p is string => typeof p === 'string');
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^1\d\d\*{4}\d{4}$/);
    const csv = tableToCsv(tables.placements);
    for (const p of placements) if (p.phone) expect(csv).not.toContain(p.phone);
  });
});
