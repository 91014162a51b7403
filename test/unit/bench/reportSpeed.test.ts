import { describe, expect, it } from 'vitest';
import { countySummaryWorkload, syntheticCounty } from '../../../bench/workloads/reportSpeed';
import { LOCALES, readBack, sheet } from '../report/helpers';

/** The benchmark's workload is right; how fast it runs is measured by `npm run bench`, not here. */
describe('county summary speed workload', () => {
  const input = syntheticCounty(2000);

  it('is a county of 2,000 organisations, every branch with one approved report', () => {
    expect(input.orgs).toHaveLength(2000);
    expect(new Set(input.orgs.map((o) => o.code)).size).toBe(2000);
    expect(input.reports).toHaveLength(2000 - 1 - 40);
    for (const r of input.reports) {
      expect(r.members!).toBeLessThanOrEqual(r.youth1428!);
      expect(r.youth1428!).toBeLessThanOrEqual(r.youth1435!);
    }
  });

  it('produces an xlsx whose total row is the sum of every report', async () => {
    const { summary, output } = await countySummaryWorkload(input, LOCALES, 'ug', 'xlsx');
    const members = input.reports.reduce((n, r) => n + (r.members ?? 0), 0);
    expect(summary.committees).toHaveLength(40);
    expect(summary.totals.members).toBe(members);
    const ws = sheet(await readBack(output as Uint8Array));
    expect(ws.getCell('D45').value).toBe(members);
  });

  it('produces a printable page with every committee', async () => {
    const { output } = await countySummaryWorkload(input, LOCALES, 'zh-CN', 'html');
    expect((output as string).match(/<tr[ >]/g)).toHaveLength(1 + 40 + 1);
  });
});
