import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge, MenuCommand } from '../../shared/bridge';
import { App } from '../../renderer/src/app/App';
import { createI18n } from '../../renderer/src/i18n';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { readChangeCount } from '../../renderer/src/store/changeLog';
import { openStore } from '../../renderer/src/store/store';
import { APP_REGISTRY } from '../../shared/app/registry';

function fakeBridge() {
  let menuListener: ((c: MenuCommand) => void) | null = null;
  const bridge: Bridge = {
    saveFile: vi.fn(),
    openFiles: vi.fn(),
    printToPdf: vi.fn(),
    appInfo: vi.fn(async () => ({ name: 'League Desk', version: '0.1.0', mode: 'electron' as const, platform: 'win32', dataFolder: 'E:\\LeagueDeskData', portable: true })),
    setLanguage: vi.fn(async () => undefined),
    onMenuCommand: (listener) => {
      menuListener = listener;
      return () => (menuListener = null);
    },
  };
  return { bridge, sendMenu: (c: MenuCommand) => menuListener?.(c) };
}

async function renderApp(lang: 'zh-CN' | 'ug' = 'zh-CN') {
  const store = await openStore(new LeagueDeskDb(APP_REGISTRY, 'component', { indexedDB: new IDBFactory(), IDBKeyRange }));
  const i18n = await createI18n(lang);
  const fake = fakeBridge();
  render(<App store={store} bridge={fake.bridge} i18n={i18n} initialLang={lang} />);
  return { store, ...fake };
}

describe('app shell', () => {
  it('switches the whole UI to Uyghur, right to left, remembers it and tells the shell', async () => {
    const { bridge } = await renderApp();
    await screen.findByTestId('first-start');
    expect(document.documentElement.dir).toBe('ltr');
    fireEvent.click(screen.getByTestId('lang-ug'));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ug');
    expect(localStorage.getItem('leagueDesk.lang')).toBe('ug');
    expect(bridge.setLanguage).toHaveBeenLastCalledWith('ug');
    expect(screen.getByTestId('start-empty').textContent).toBe('يالغۇز ئىشلىتىش');
  });

  it('follows a language chosen from the application menu', async () => {
    const { sendMenu } = await renderApp();
    await screen.findByTestId('first-start');
    act(() => sendMenu({ type: 'setLanguage', lang: 'ug' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('ug'));
  });

  it('records the choice to start empty and then shows the empty overview', async () => {
    const { store } = await renderApp();
    fireEvent.click(await screen.findByTestId('start-empty'));
    await screen.findByTestId('overview-empty');
    expect((await store.db.meta.get('setup'))?.value).toBe('empty');
    expect(await readChangeCount(store.db)).toBe(0);
  });

  it('shows where the data lives on the about page, from the shell', async () => {
    await renderApp();
    fireEvent.click(await screen.findByTestId('start-empty'));
    await screen.findByTestId('overview-empty');
    act(() => {
      window.location.hash = '#/about';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect((await screen.findByTestId('about-dataFolder')).textContent).toContain('E:\\LeagueDeskData');
    expect(screen.getByTestId('about-portable').textContent).toContain('是');
  });
});
