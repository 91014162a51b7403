import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUND_ID } from '../../../shared/demo/luntai';
import type { ReportingRound, StatReport } from '../../../shared/domain/stats';
import type { Org } from '../../../shared/domain/org';
import { roundStatusWrites } from '../../../shared/stats/writes';
import { rowValues } from '../../../shared/sync/row';
import { readRowHistory } from '../../../renderer/src/store/changeLog';
import { EntryPage } from '../../../renderer/src/features/stats/EntryPage';
import { RoundsPage } from '../../../renderer/src/features/stats/RoundsPage';
import { renderInApp } from '../renderInApp';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { ROUND_TABLE, STAT_REPORT_TABLE } from '../../../shared/stats/tables';

const firstRow = () => screen.getByTestId('entry-grid').querySelector('tbody tr') as HTMLTableRowElement;

describe('a demo report reopened, corrected and approved in the grid', () => {
  it('stays one row, with its whole history from the demo load on', async () => {
    window.location.hash = `#/entry?round=${DEMO_ROUND_ID}`;
    const { store, notify } = await renderInApp(<EntryPage />, { demo: true });
    const county = rowValues<Org>((await store.db.rows(ORG_TABLE).where('kind').equals('county').first())!);
    const round = rowValues<ReportingRound>((await store.db.rows(ROUND_TABLE).get(DEMO_ROUND_ID))!);
    const reopened = roundStatusWrites(county, round, 'open');
    if (!reopened.ok) throw new Error(reopened.reason);
    await store.repo.write(reopened.writes);

    await waitFor(() => expect(firstRow().getAttribute('data-status')).toBe('approved'), { timeout: 5000 });
    const code = firstRow().getAttribute('data-code')!;
    fireEvent.click(within(firstRow()).getByTestId('reopen'));
    fireEvent.change(await screen.findByTestId('return-comment'), { target: { value: '团员数请再核对' } });
    fireEvent.click(screen.getByTestId('return-confirm'));
    await waitFor(() => expect(firstRow().getAttribute('data-status')).toBe('returned'), { timeout: 5000 });

    const cell = screen.getByTestId('entry-grid').querySelector('#cell-0-0') as HTMLInputElement;
    const before = Number(cell.value);
    fireEvent.focus(cell);
    fireEvent.change(cell, { target: { value: String(before + 2) } });
    fireEvent.blur(cell);
    await waitFor(() => expect(screen.getByTestId(`grid-total-members`).textContent).not.toBe(''));
    fireEvent.click(screen.getByTestId('submit-all'));
    await waitFor(() => expect(firstRow().getAttribute('data-status')).toBe('submitted'), { timeout: 5000 });
    fireEvent.click(within(firstRow()).getByTestId('approve'));
    await waitFor(() => expect(firstRow().getAttribute('data-status')).toBe('approved'), { timeout: 5000 });
    expect(notify).not.toHaveBeenCalledWith(expect.objectContaining({ severity: 'error' }));

    const org = rowValues<Org>((await store.db.rows(ORG_TABLE).where('code').equals(code).first())!);
    const rows = (await store.db.rows(STAT_REPORT_TABLE).where('roundId').equals(DEMO_ROUND_ID).toArray()).map((r) => rowValues<StatReport>(r)).filter((r) => r.orgId === org.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: `${DEMO_ROUND_ID}:${org.id}`, status: 'approved', members: before + 2, returnComment: '团员数请再核对' });
    const history = await readRowHistory(store.db, 'statReport', rows[0]!.id);
    // The demo load, the reopening, the edit, the submission, the approval.
    expect(history.map((c) => Object.keys(c.fields).includes('members') ? `members:${c.fields.members}` : String(c.fields.status))).toEqual([
      `members:${before}`,
      'returned',
      `members:${before + 2}`,
      'submitted',
      'approved',
    ]);
  }, 30_000);
});

describe('rounds without a county', () => {
  it('cannot be opened: the page says there is no county, and nothing is written under the demo code', async () => {
    window.location.hash = '#/rounds';
    const { store } = await renderInApp(<RoundsPage />);
    await screen.findByTestId('rounds-empty');
    expect(((await screen.findByTestId('open-round')) as HTMLButtonElement).disabled).toBe(true);
    expect(await store.db.rows(ROUND_TABLE).count()).toBe(0);
  }, 30_000);
});
