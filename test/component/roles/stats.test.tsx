import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUND_ID } from '../../../shared/demo/luntai';
import type { Org } from '../../../shared/domain/org';
import type { ReportingRound } from '../../../shared/domain/stats';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { ROUND_TABLE } from '../../../shared/stats/tables';
import { reportId } from '../../../shared/stats/ids';
import { roundStatusWrites } from '../../../shared/stats/writes';
import { rowValues } from '../../../shared/sync/row';
import { StandingBadge } from '../../../renderer/src/app/StandingBadge';
import { EntryPage } from '../../../renderer/src/features/stats/EntryPage';
import { RoundsPage } from '../../../renderer/src/features/stats/RoundsPage';
import { TargetsPage } from '../../../renderer/src/features/stats/TargetsPage';
import type { Store } from '../../../renderer/src/store/store';
import { renderInApp } from '../renderInApp';
import { giveRole } from './giveRole';
import { demoCounty } from '../../../shared/trust/demo';
import { pinHomeAuthority } from '../../../renderer/src/store/trustStore';

/*
 * What each role is offered on the statistics screens (issue 14, "What people see"): an action the
 * PC's role may not take is absent — not disabled — so a township PC shows no approve, return,
 * reopen, 全部通过, new round or target editing, and types figures only in its own township.
 */

/** The demo's 2025 round reopened; in each of the first two townships one report submitted again and one returned. */
async function submittedInTwoTownships(store: Store): Promise<{ own: Org; other: Org }> {
  const orgs = (await store.db.rows(ORG_TABLE).toArray()).map((r) => rowValues<Org>(r));
  const county = orgs.find((o) => o.kind === 'county')!;
  const round = rowValues<ReportingRound>((await store.db.rows(ROUND_TABLE).get(DEMO_ROUND_ID))!);
  const reopened = roundStatusWrites(county, round, 'open');
  if (!reopened.ok) throw new Error(reopened.reason);
  await store.repo.write(reopened.writes);
  const units = orgs.filter((o) => o.parentId === county.id).sort((a, b) => (a.code < b.code ? -1 : 1));
  const [own, other] = units.filter((u) => round.orgIds.some((id) => orgs.find((o) => o.id === id)?.code.startsWith(`${u.code}-`)));
  for (const unit of [own!, other!]) {
    const [submitted, returned] = orgs.filter((o) => round.orgIds.includes(o.id) && o.code.startsWith(`${unit.code}-`)).sort((a, b) => (a.code < b.code ? -1 : 1));
    await store.repo.write([
      { table: 'statReport', row: reportId(DEMO_ROUND_ID, submitted!.id), scope: submitted!.code, fields: { status: 'submitted' } },
      { table: 'statReport', row: reportId(DEMO_ROUND_ID, returned!.id), scope: returned!.code, fields: { status: 'returned', returnComment: '请核对' } },
    ]);
  }
  return { own: own!, other: other! };
}

const grid = () => screen.getByTestId('entry-grid');

describe('the statistics screens per role', () => {
  it('the county administrator (demo) is offered approve, return, 全部通过 and the round and target actions', async () => {
    window.location.hash = `#/entry?round=${DEMO_ROUND_ID}`;
    const { store } = await renderInApp(<EntryPage />, { demo: true });
    const { own } = await submittedInTwoTownships(store);
    window.location.hash = `#/entry?round=${DEMO_ROUND_ID}&unit=${own.id}`;
    await waitFor(() => expect(within(grid()).getAllByTestId('approve').length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(within(grid()).getAllByTestId('return').length).toBeGreaterThan(0);
    expect(screen.getByTestId('approve-all')).toBeTruthy();
  }, 30_000);

  it('a township officer: no approve, return, reopen or 全部通过; its own reports editable, another township’s not', async () => {
    window.location.hash = `#/entry?round=${DEMO_ROUND_ID}`;
    const { store } = await renderInApp(<EntryPage />, { demo: true });
    const { own, other } = await submittedInTwoTownships(store);
    await giveRole(store, { role: 'townshipOfficer', scope: own.code });
    // It opens on its own township, whose draft rows take figures.
    await waitFor(() => expect(grid().querySelector('tbody tr')?.getAttribute('data-code')?.startsWith(`${own.code}-`)).toBe(true), { timeout: 10_000 });
    await waitFor(() => expect(grid().querySelectorAll('tbody tr[data-status="submitted"]').length).toBeGreaterThan(0));
    // Once its certificate is read, the county's actions leave the page.
    await waitFor(() => expect(within(grid()).queryAllByTestId('approve')).toHaveLength(0), { timeout: 10_000 });
    expect(within(grid()).queryAllByTestId('return')).toHaveLength(0);
    expect(within(grid()).queryAllByTestId('reopen')).toHaveLength(0);
    expect(screen.queryByTestId('approve-all')).toBeNull();
    const returnedRow = () => grid().querySelector('tbody tr[data-status="returned"] input') as HTMLInputElement;
    expect(returnedRow().readOnly).toBe(false);

    window.location.hash = `#/entry?round=${DEMO_ROUND_ID}&unit=${other.id}`;
    await waitFor(() => expect(grid().querySelector('tbody tr')?.getAttribute('data-code')?.startsWith(`${other.code}-`)).toBe(true), { timeout: 10_000 });
    await waitFor(() => expect(grid().querySelectorAll('tbody tr[data-status="returned"]').length).toBe(1));
    for (const input of grid().querySelectorAll('tbody input')) expect((input as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByTestId('submit-all')).toBeNull();
    expect(within(grid()).queryAllByTestId('approve')).toHaveLength(0);
  }, 60_000);

  it('the county administrator opens and closes rounds', async () => {
    await renderInApp(<RoundsPage />, { demo: true });
    expect(await screen.findByTestId('open-round')).toBeTruthy();
    expect((await screen.findAllByTestId('round-toggle')).length).toBeGreaterThan(0);
  }, 30_000);

  it('a township officer opens no round and edits no target', async () => {
    const { store } = await renderInApp(<><RoundsPage /><TargetsPage /></>, { demo: true });
    await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01' });
    await screen.findAllByTestId('round-enter');
    await waitFor(() => expect(screen.queryByTestId('open-round')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryAllByTestId('round-toggle')).toHaveLength(0));
    await screen.findByTestId('targets');
    expect(screen.queryByText('保存')).toBeNull();
    for (const input of screen.getByTestId('targets').querySelectorAll('input[inputmode="decimal"]')) expect((input as HTMLInputElement).readOnly).toBe(true);
  }, 60_000);

  it.each([
    ['zh-CN', 'county', '示范 · 团县委管理员 · LT'],
    ['zh-CN', 'township', '示范 · 乡镇团干部 · LT-01'],
    ['ug', 'township', 'ئۈلگە · يېزا-بازار ئىتتىپاق كادىرى · \u2066LT-01\u2069'],
  ] as const)('the app bar says the role and scope (%s, %s)', async (lang, who, text) => {
    const { store } = await renderInApp(<StandingBadge />, { demo: true, lang });
    if (who === 'township') await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01' });
    await waitFor(() => expect(screen.getByTestId('standing').textContent).toBe(text), { timeout: 10_000 });
  }, 30_000);

  it('a PC working alone says so; one pinned to a county but not enrolled says 未加入县', async () => {
    const { store } = await renderInApp(<StandingBadge />);
    await waitFor(() => expect(screen.getByTestId('standing').textContent).toBe('单机使用'), { timeout: 10_000 });
    await pinHomeAuthority(store.db, (await demoCounty()).authority);
    await waitFor(() => expect(screen.getByTestId('standing').textContent).toBe('示范 · 未加入县'), { timeout: 10_000 });
  }, 30_000);
});
