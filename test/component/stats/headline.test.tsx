import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUND_ID } from '../../../shared/demo/luntai';
import type { ReportingRound } from '../../../shared/domain/stats';
import { reportId } from '../../../shared/stats/ids';
import { openRoundWrites, reviewWrites, figureWrites } from '../../../shared/stats/writes';
import { rowValues } from '../../../shared/sync/row';
import type { Org } from '../../../shared/domain/org';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { OverviewPage } from '../../../renderer/src/features/overview/OverviewPage';
import type { Store } from '../../../renderer/src/store/store';
import { renderInApp } from '../renderInApp';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { ROUND_TABLE, STAT_REPORT_TABLE } from '../../../shared/stats/tables';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/** The county opens a 2026 round and approves one branch's report in it (issue 12's journey). */
async function openRoundAndApproveOne(store: Store): Promise<ReportingRound> {
  const orgs = (await store.db.rows(ORG_TABLE).toArray()).map((r) => rowValues<Org>(r));
  const county = orgs.find((o) => o.kind === 'county')!;
  const opened = openRoundWrites(county, orgs, { id: 'round-2026', period: '2026', figures: ['members', 'youth1435', 'youth1428'], deadline: '2027-01-20', changeThreshold: 0.2, bySex: false });
  if (!opened.ok) throw new Error(opened.reason);
  await store.repo.write(opened.writes);
  const round = rowValues<ReportingRound>((await store.db.rows(ROUND_TABLE).get('round-2026'))!);
  const org = orgs.find((o) => o.id === round.orgIds[0])!;
  const steps = [
    () => figureWrites({ round, org }, { members: 25, youth1435: 60, youth1428: 40 }),
    async () => reviewWrites({ round, org, report: rowValues((await store.db.rows(STAT_REPORT_TABLE).get(reportId(round.id, org.id)))!) }, 'submit', { now: new Date() }),
    async () => reviewWrites({ round, org, report: rowValues((await store.db.rows(STAT_REPORT_TABLE).get(reportId(round.id, org.id)))!) }, 'approve', { now: new Date() }),
  ];
  for (const step of steps) {
    const result = await step();
    if (!result.ok) throw new Error(result.reason);
    await store.repo.write(result.writes);
  }
  return round;
}

describe('headline figures after a new round opened', () => {
  it('the Overview keeps showing 2025 (5,849, 48.6%, 245 of 245) until 2026 is chosen, then says 2026 is partial', async () => {
    window.location.hash = '#/overview';
    const { store } = await renderInApp(<OverviewPage />, { demo: true });
    await openRoundAndApproveOne(store);
    await waitFor(() => expect(screen.getByTestId('headline-round').getAttribute('value')).toBe(DEMO_ROUND_ID));
    expect(screen.getByTestId('total-members').textContent).toBe('5,849');
    expect(screen.getByTestId('total-ratio').textContent).toBe('48.6%');
    expect(screen.getByTestId('coverage').textContent).toContain('应报 245 个单位，已审核 245 个');
    expect(screen.getByTestId('coverage').getAttribute('data-partial')).toBe('false');
    expect(screen.getByTestId('headline-why').getAttribute('data-why')).toBe('complete');

    act(() => {
      window.location.hash = '#/overview?round=round-2026';
    });
    await waitFor(() => expect(screen.getByTestId('total-members').textContent).toBe('25'));
    expect(screen.getByTestId('total-ratio').textContent).toBe('62.5%');
    expect(screen.getByTestId('coverage').getAttribute('data-partial')).toBe('true');
    expect(screen.getByTestId('coverage').textContent).toContain('数据不完整');
    expect(screen.getByTestId('coverage').textContent).toContain('应报 245 个单位，已审核 1 个');
    fireEvent.click(screen.getByTestId('headline-default'));
    await waitFor(() => expect(screen.getByTestId('total-members').textContent).toBe('5,849'));
  }, 30_000);

  it('in Uyghur too, every number through the formatter', async () => {
    window.location.hash = '#/overview';
    await renderInApp(<OverviewPage />, { demo: true, lang: 'ug' });
    await waitFor(() => expect(plain(screen.getByTestId('total-members').textContent)).toBe('5,849'));
    expect(screen.getByTestId('total-members').textContent).toBe('\u20665,849\u2069');
    expect(plain(screen.getByTestId('coverage').textContent)).toContain('245 ئورۇن دوكلات تاپشۇرۇشى كېرەك، 245 ئورۇننىڭ دوكلاتى تەستىقلاندى');
  }, 30_000);

  it('the Dashboard takes the same default and marks 2026 partial in its trend', async () => {
    window.location.hash = '#/dashboard';
    const { store } = await renderInApp(<DashboardPage />, { demo: true });
    await openRoundAndApproveOne(store);
    const trend = await screen.findByTestId('trend-chart');
    await waitFor(() => expect(trend.getAttribute('data-partial-periods')).toBe('2026'));
    expect(screen.getByTestId('headline-round').getAttribute('value')).toBe(DEMO_ROUND_ID);
    expect(within(trend).getByTestId('trend-partial-note').textContent).toContain('数据不完整');
    expect(screen.getByTestId('coverage').getAttribute('data-partial')).toBe('false');
  }, 30_000);
});
