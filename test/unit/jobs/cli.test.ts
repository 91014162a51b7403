import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import type { JobsReportJson } from '../../../shared/jobs/report';

const dir = mkdtempSync(path.join(tmpdir(), 'league-desk-cli-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

describe('league-desk report --demo --kind jobs', () => {
  it('prints the demo year as JSON: months add up to the year, townships to the county', async () => {
    const { code, stdout, stderr } = await cli(['report', '--demo', '--kind', 'jobs']);
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as JobsReportJson;
    expect(report.year).toBe(2025);
    expect(report.total.notices).toBeGreaterThanOrEqual(100);
    expect(report.total.placements).toBeGreaterThanOrEqual(70);
    expect(report.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(report.months.reduce((a, m) => a + m.openings, 0)).toBe(report.total.openings);
    expect(report.townships.reduce((a, m) => a + m.placements, 0)).toBe(report.total.placements);
    expect(report.townships[0]).toMatchObject({ code: 'LT-01', name: { zh: '轮台镇团委' } });
    // No personal data in the figures.
    expect(stdout).not.toMatch(/1990001\d{4}/);
  });

  it('writes CSV with a BOM and the total row, and xlsx with three sheets and masked phones', async () => {
    const csv = await cli(['report', '--demo', '--kind', 'jobs', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF月份,')).toBe(true);
    const json = JSON.parse((await cli(['report', '--demo', '--kind', 'jobs'])).stdout) as JobsReportJson;
    expect(csv.stdout).toContain(`合计,${json.total.notices},${json.total.openings},${json.total.placements}\r\n`);

    const out = path.join(dir, 'jobs.xlsx');
    const xlsx = await cli(['report', '--demo', '--kind', 'jobs', '--format', 'xlsx', '--out', out]);
    expect([xlsx.code, xlsx.stderr]).toEqual([0, '']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(book.worksheets).toHaveLength(3);
    const values = JSON.stringify(book.worksheets[2]!.getSheetValues());
    expect(values).toMatch(/199\*\*\*\*\d{4}/);
    expect(values).not.toMatch(/1990001\d{4}/);
  });
});
