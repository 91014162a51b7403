import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Placement } from '../../../shared/jobs/rows';
import { rowValues } from '../../../shared/sync/row';
import { JobsPage } from '../../../renderer/src/features/jobs/JobsPage';
import { renderInApp } from '../renderInApp';


async function renderJobs(lang: 'zh-CN' | 'ug' = 'zh-CN') {
  window.location.hash = '#/jobs';
  const { store, notify } = await renderInApp(<JobsPage />, { lang, demo: true });
  return { store, notify };
}

describe('the job notices page', () => {
  it('offers to restore a notice that another PC deleted while it still had placements', async () => {
    const { store, notify } = await renderJobs();
    await screen.findByTestId('notice-table');
    expect(screen.queryByTestId('notice-orphans')).toBeNull();
    const placement = rowValues<Placement>((await store.db.table('placement').toArray())[0]);
    // What an import can bring: the delete made elsewhere, merged in as a field like any other.
    await store.repo.write([{ table: 'notice', row: placement.noticeId, fields: { _deleted: true }, scope: 'LT' }]);
    await screen.findByTestId('notice-orphans');
    fireEvent.click(screen.getByTestId('notice-orphans-restore'));
    await waitFor(() => expect(screen.queryByTestId('notice-orphans')).toBeNull());
    // Said once the batch is written and sealed, which may be after the list has changed.
    await waitFor(() => expect(notify).toHaveBeenCalledWith({ severity: 'success', key: 'jobs:orphans.restored', values: { count: 1 } }));
    expect((await store.db.table('notice').get(placement.noticeId))._deleted).toBe(false);
  }, 20_000);

  it('shows a page of notices at a time, and finds a Uyghur title as it is typed', async () => {
    await renderJobs('ug');
    await screen.findByTestId('notice-table');
    expect(screen.getAllByTestId('notice-row')).toHaveLength(25);
    expect(screen.getByTestId('notice-count').textContent).toContain('110');
    fireEvent.change(screen.getByTestId('notice-search'), { target: { value: 'كاسسىر' } });
    await waitFor(() => expect(screen.getAllByTestId('notice-row').every((row) => row.textContent?.includes('كاسسىر'))).toBe(true));
  }, 20_000);
});
