import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/bridge';
import type { Lang } from '../../shared/i18n/lang';
import { App } from '../../renderer/src/app/App';
import { navigation } from '../../renderer/src/app/features';
import { createI18n } from '../../renderer/src/i18n';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { openStore } from '../../renderer/src/store/store';
import { APP_REGISTRY } from '../../shared/app/registry';

/* The shell as composed from the features (app/features.ts): grouped navigation, pages by address, the ULY switch. */

const bridge: Bridge = {
  saveFile: vi.fn(),
  openFiles: vi.fn(),
  printToPdf: vi.fn(),
  appInfo: vi.fn(async () => ({ name: 'League Desk', version: '0.1.0', mode: 'browser' as const, platform: 'linux', dataFolder: '', portable: false })),
  setLanguage: vi.fn(async () => undefined),
  onMenuCommand: () => () => undefined,
};

let databases = 0;
async function startEmpty(lang: Lang) {
  const store = await openStore(new LeagueDeskDb(APP_REGISTRY, `shell-${databases++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
  render(<App store={store} bridge={bridge} i18n={await createI18n(lang)} initialLang={lang} />);
  fireEvent.click(await screen.findByTestId('start-empty'));
  await screen.findByTestId('overview-empty');
}

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('the shell', () => {
  it('lists the navigation in labelled groups, each entry a link to its page, the current one marked', async () => {
    go('#/');
    await startEmpty('zh-CN');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    const groups = within(nav).getAllByRole('list');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      '日常工作',
      '统计报表',
      '就业与比赛',
      '数据与电脑',
      null,
    ]);
    // The PCs page is listed on the county's PC only; this PC (no county) lists its own enrolment
    // instead. Refused changes are listed while there are some (none here).
    await waitFor(() =>
      expect(within(nav).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(
        navigation().flatMap((g) => g.items.filter((i) => i.route !== 'pcs' && i.route !== 'refused').map((i) => `#/${i.route}`)),
      ),
    );
    // Each a link in reading order that the Tab key reaches, About too.
    for (const link of within(nav).getAllByRole('link')) expect(link.tabIndex).toBe(0);
    expect(screen.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page');
    go('#/about');
    await screen.findByTestId('about');
    expect(screen.getByTestId('nav-about').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-overview').getAttribute('aria-current')).toBeNull();
  });

  it('shows the first screen for an address no feature registered', async () => {
    go('#/no-such-page');
    await startEmpty('zh-CN');
    expect(screen.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page');
  });

  it('offers Latin-script Uyghur typing on Uyghur screens only, and it comes and goes with the language', async () => {
    go('#/');
    await startEmpty('zh-CN');
    expect(screen.queryByTestId('latin-typing')).toBeNull();
    fireEvent.click(screen.getByTestId('lang-ug'));
    await waitFor(() => expect(screen.getByTestId('latin-typing')).toBeTruthy());
    fireEvent.click(screen.getByTestId('lang-zh-CN'));
    await waitFor(() => expect(screen.queryByTestId('latin-typing')).toBeNull());
  });
});
