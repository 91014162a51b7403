import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/bridge';
import type { MergedRow } from '../../shared/sync/row';
import { App } from '../../renderer/src/app/App';
import { AboutPage } from '../../renderer/src/features/about/AboutPage';
import { FirstStart } from '../../renderer/src/features/welcome/FirstStart';
import { createI18n } from '../../renderer/src/i18n';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { loadDemoCounty } from '../../renderer/src/store/demo';
import { nameThisPc } from '../../renderer/src/store/pcName';
import { openStore, type Store } from '../../renderer/src/store/store';
import { renderInApp } from './renderInApp';
import { APP_REGISTRY } from '../../shared/app/registry';

const ownRow = (store: Store) => store.db.table<MergedRow, string>('device').get(store.identity.device);
const nameInput = () => screen.getByTestId('pc-name-input') as HTMLInputElement;
const aboutBridge = { appInfo: async () => ({ name: 'League Desk', version: '0.1.0', mode: 'browser' as const, platform: 'linux', dataFolder: null, portable: false }) };

// Loading the demo county takes a second or more on a loaded machine: the waits after it allow for it.
describe('naming the PC at first start', () => {
  it('keeps the name typed before the demo is loaded, and writes it for other PCs with the demo', async () => {
    const { store } = await renderInApp(<FirstStart />);
    expect(nameInput().placeholder).toBe('例如：轮台镇团委 1号机');
    fireEvent.change(nameInput(), { target: { value: ' 县团委 1号机 ' } });
    fireEvent.click(screen.getByTestId('load-demo'));
    await waitFor(() => expect(window.location.hash).toBe('#/overview'), { timeout: 10_000 });
    expect(store.identity.name).toBe('县团委 1号机');
    // The app opens (the Overview) once the demo is loaded; the name's synced row follows at once.
    await waitFor(async () => expect(await ownRow(store)).toMatchObject({ name: '县团委 1号机' }), { timeout: 10_000 });
  });

  it('may be left empty: the PC starts unnamed and writes no name', async () => {
    const { store } = await renderInApp(<FirstStart />);
    fireEvent.click(screen.getByTestId('load-demo'));
    await waitFor(() => expect(window.location.hash).toBe('#/overview'), { timeout: 10_000 });
    expect(store.identity.name).toBeUndefined();
    expect(await ownRow(store)).toBeUndefined();
  });

  it('says what is wrong with a name it cannot keep, in Uyghur too, and starts nothing until it is fixed', async () => {
    const { store } = await renderInApp(<FirstStart />, { lang: 'ug' });
    fireEvent.change(nameInput(), { target: { value: 'كومپيۇتېر\u202E1' } });
    expect(screen.getByText(/كونترول ھەرپلىرى/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('start-empty'));
    expect((await store.db.meta.get('setup'))?.value).toBeUndefined();
    expect(store.identity.name).toBeUndefined();
  });
});

describe('renaming the PC on the About page', () => {
  it('shows the current name, saves a new one and tells the person', async () => {
    const { store, notify } = await renderInApp(<AboutPage />, { demo: true, bridge: aboutBridge });
    await nameThisPc(store, '县团委 1号机');
    fireEvent.change(nameInput(), { target: { value: '县团委 2号机' } });
    fireEvent.click(screen.getByTestId('pc-name-save'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith({ severity: 'success', key: 'common:pc.saved' }));
    expect(await ownRow(store)).toMatchObject({ name: '县团委 2号机' });
  });

  it('does not save an empty name', async () => {
    const { store } = await renderInApp(<AboutPage />, { demo: true, bridge: aboutBridge });
    fireEvent.change(nameInput(), { target: { value: '   ' } });
    expect((screen.getByTestId('pc-name-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('请填写这台电脑的名称。')).toBeTruthy();
    expect(store.identity.name).toBeUndefined();
  });
});

describe('while the app runs', () => {
  it('writes a named PC\'s name once it makes its first change of its own', async () => {
    const store = await openStore(new LeagueDeskDb(APP_REGISTRY, 'pc-name-app', { indexedDB: new IDBFactory(), IDBKeyRange }));
    await nameThisPc(store, '轮台镇团委 1号机');
    expect(await ownRow(store)).toBeUndefined();
    const bridge = { setLanguage: vi.fn(async () => undefined), onMenuCommand: () => () => undefined, appInfo: aboutBridge.appInfo } as unknown as Bridge;
    render(<App store={store} bridge={bridge} i18n={await createI18n('zh-CN')} initialLang="zh-CN" />);
    await loadDemoCounty(store);
    await waitFor(async () => expect(await ownRow(store)).toMatchObject({ name: '轮台镇团委 1号机' }), { timeout: 10_000 });
  });
});
