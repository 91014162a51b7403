import { ThemeProvider } from '@mui/material/styles';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../shared/bridge';
import type { Placement } from '../../../shared/jobs/rows';
import { rowValues } from '../../../shared/sync/row';
import { AppContext, type AppContextValue } from '../../../renderer/src/app/context';
import { createAppTheme } from '../../../renderer/src/app/theme';
import { JobsPage } from '../../../renderer/src/features/jobs/JobsPage';
import { createI18n } from '../../../renderer/src/i18n';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { loadDemoCounty } from '../../../renderer/src/store/demo';
import { openStore } from '../../../renderer/src/store/store';

let databases = 0;

async function renderJobs(lang: 'zh-CN' | 'ug' = 'zh-CN') {
  window.location.hash = '#/jobs';
  const store = await openStore(new LeagueDeskDb(`jobs-${databases++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
  await loadDemoCounty(store);
  const i18n = await createI18n(lang);
  const notify = vi.fn<AppContextValue['notify']>();
  const context: AppContextValue = { store, bridge: {} as Bridge, lang, switchLang: vi.fn(), notify };
  render(
    <ThemeProvider theme={createAppTheme(lang)}>
      <I18nextProvider i18n={i18n}>
        <AppContext.Provider value={context}>
          <JobsPage />
        </AppContext.Provider>
      </I18nextProvider>
    </ThemeProvider>,
  );
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
    expect(notify).toHaveBeenCalledWith({ severity: 'success', key: 'jobs:orphans.restored', values: { count: 1 } });
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
