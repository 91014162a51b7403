import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, Bridge, SaveFileRequest, SaveResult } from '../../shared/bridge';
import { decodeBundle } from '../../shared/sync/bundle';
import { StorageBanner } from '../../renderer/src/app/StorageBanner';
import { daysSinceCopy, USB_COPY_DUE_DAYS } from '../../renderer/src/store/usbCopy';
import { USB_COPY_KEY } from '../../renderer/src/store/usbCopy';
import { requestPersistentStorage } from '../../renderer/src/platform/persist';
import { renderInApp } from './renderInApp';
import { APP_TABLES } from '../../shared/app/registry';

const DAY_MS = 24 * 60 * 60 * 1000;
const refused = async () => false;
const granted = async () => true;

function bridge(mode: AppInfo['mode'], save: (request: SaveFileRequest) => SaveResult = (r) => ({ status: 'saved', path: r.suggestedName, verified: false })) {
  return {
    appInfo: vi.fn(async (): Promise<AppInfo> => ({ name: 'League Desk', version: '0.1.0', mode, platform: 'Linux', dataFolder: null, portable: false })),
    saveFile: vi.fn(async (request: SaveFileRequest) => save(request)),
  } satisfies Partial<Bridge>;
}

afterEach(() => sessionStorage.clear());

describe('the storage banner', () => {
  it('in the browser, when persistent storage is refused, says what it means and asks for a first copy', async () => {
    await renderInApp(<StorageBanner isPersisted={refused} />, { demo: true, bridge: bridge('browser') });
    const banner = await screen.findByTestId('storage-banner');
    expect(banner.textContent).toContain('磁盘空间不足时，浏览器可能会清除这台电脑上的全部数据');
    expect(screen.getByTestId('storage-last-copy').textContent).toBe('还没有备份到 U 盘，请现在备份一份。');
    expect(banner.dataset['due']).toBe('true');
    expect(screen.getByTestId('storage-backup').textContent).toBe('备份到 U 盘');
  });

  it('is not shown where storage is persistent, nor in the desktop app', async () => {
    for (const [mode, isPersisted] of [['browser', granted], ['electron', refused], ['electron', granted]] as const) {
      const fake = bridge(mode);
      await renderBanner(isPersisted, fake);
      await waitFor(() => expect(fake.appInfo).toHaveBeenCalled());
      await settle();
      expect(screen.queryByTestId('storage-banner'), `${mode} ${isPersisted === granted ? 'granted' : 'refused'}`).toBeNull();
      cleanup();
    }
  });

  it('saves a full .leaguesync copy through the save dialog in one click, and remembers when', async () => {
    const fake = bridge('browser');
    const { store, notify } = await renderInApp(<StorageBanner isPersisted={refused} />, { demo: true, bridge: fake });
    const before = Date.now();
    fireEvent.click(await screen.findByTestId('storage-backup'));
    await waitFor(() => expect(fake.saveFile).toHaveBeenCalledTimes(1));
    const request = fake.saveFile.mock.calls[0]![0];
    expect(request.suggestedName).toMatch(/^LT-[0-9a-f]{6}-full-\d{8}-\d{4}\.leaguesync$/);
    expect(request.filters).toEqual([{ nameKey: 'leaguesync', extensions: ['leaguesync'] }]);
    const decoded = await decodeBundle(request.data, { tables: APP_TABLES });
    expect(decoded.ok && decoded.manifest.kind).toBe('full');
    expect(decoded.ok && decoded.changes.length).toBeGreaterThan(245);
    await waitFor(async () => expect((await store.db.meta.get(USB_COPY_KEY))?.value).toBeDefined());
    const at = Date.parse((await store.db.meta.get(USB_COPY_KEY))!.value as string);
    expect(at).toBeGreaterThanOrEqual(before - 60_000);
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ key: 'sync:saved.unverified' }));
    // Quiet now: the copy is recent.
    await waitFor(() => expect(screen.getByTestId('storage-banner').dataset['due']).toBe('false'));
    expect(screen.getByTestId('storage-last-copy').textContent).toMatch(/^上次备份到 U 盘：\d{4}年\d{1,2}月\d{1,2}日。$/);
  });

  it('remembers nothing when the save is cancelled or fails, and says why it failed', async () => {
    for (const result of [{ status: 'cancelled' }, { status: 'error', reason: 'disk-full' }] as SaveResult[]) {
      const fake = bridge('browser', () => result);
      const { store, notify } = await renderBanner(refused, fake);
      fireEvent.click(await screen.findByTestId('storage-backup'));
      await waitFor(() => expect(fake.saveFile).toHaveBeenCalled());
      await waitFor(() => expect((screen.getByTestId('storage-backup') as HTMLButtonElement).disabled).toBe(false));
      expect(await store.db.meta.get(USB_COPY_KEY)).toBeUndefined();
      if (result.status === 'error') expect(notify).toHaveBeenCalledWith({ severity: 'error', key: 'errors:bridge.disk-full' });
      else expect(notify).not.toHaveBeenCalled();
      cleanup();
    }
  });

  it('a fault while saving is told as a fault with its cause, and remembered as no copy', async () => {
    const fake = bridge('browser', () => {
      throw new TypeError('the bridge broke');
    });
    const { store, notify } = await renderBanner(refused, fake);
    fireEvent.click(await screen.findByTestId('storage-backup'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith({ severity: 'error', key: 'errors:store.internal', detail: 'TypeError: the bridge broke' }));
    expect(await store.db.meta.get(USB_COPY_KEY)).toBeUndefined();
    expect(screen.getByTestId('storage-banner').dataset['due']).toBe('true');
  });

  it('on a PC with nothing yet, says there is nothing to copy instead of saving an empty file', async () => {
    const fake = bridge('browser');
    const { notify } = await renderInApp(<StorageBanner isPersisted={refused} />, { bridge: fake });
    fireEvent.click(await screen.findByTestId('storage-backup'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith({ severity: 'error', key: 'sync:export.no-county' }));
    expect(fake.saveFile).not.toHaveBeenCalled();
  });

  it(`asks firmly again once the last copy is ${USB_COPY_DUE_DAYS} days old, and quietly before`, async () => {
    for (const [daysAgo, due] of [[0, false], [USB_COPY_DUE_DAYS - 1, false], [USB_COPY_DUE_DAYS, true], [30, true]] as const) {
      await renderBanner(refused, bridge('browser'), new Date(Date.now() - daysAgo * DAY_MS - 60_000).toISOString());
      const banner = await screen.findByTestId('storage-banner');
      expect(banner.dataset['due'], `${daysAgo} days`).toBe(String(due));
      const line = screen.getByTestId('storage-last-copy').textContent;
      expect(line).toContain('上次备份到 U 盘：');
      if (due) expect(line).toContain(`已过去 ${daysAgo} 天，请再备份一次。`);
      cleanup();
    }
  });

  it('speaks Uyghur, with the day count an isolated left-to-right number and the date in the Uyghur style', async () => {
    await renderBanner(refused, bridge('browser'), new Date(Date.now() - 12 * DAY_MS).toISOString(), 'ug');
    const banner = await screen.findByTestId('storage-banner');
    expect(banner.textContent).toContain('توركۆرگۈ بۇ كومپيۇتېردىكى بارلىق سانلىق مەلۇماتنى ئۆچۈرۈۋېتىشى مۇمكىن');
    expect(screen.getByTestId('storage-last-copy').textContent).toMatch(/^ئاخىرقى قېتىم U دىسكىغا زاپاسلانغان ۋاقىت: \d{4}-يىلى \d{1,2}-ئاينىڭ \d{1,2}-كۈنى، \u206612\u2069 كۈن ئۆتتى، يەنە بىر قېتىم زاپاسلاڭ\.$/);
    expect(screen.getByTestId('storage-backup').textContent).toBe('U دىسكىغا زاپاسلاش');
    expect(screen.getByTestId('storage-dismiss').getAttribute('aria-label')).toBe('بۇ قېتىم قايتا ئەسكەرتمەسلىك');
  });

  it('closed, stays closed for this session and comes back in the next one', async () => {
    await renderBanner(refused, bridge('browser'));
    fireEvent.click(await screen.findByTestId('storage-dismiss'));
    expect(screen.queryByTestId('storage-banner')).toBeNull();
    cleanup();

    const fake = bridge('browser');
    await renderBanner(refused, fake);
    await waitFor(() => expect(fake.appInfo).toHaveBeenCalled());
    await settle();
    expect(screen.queryByTestId('storage-banner')).toBeNull();
    cleanup();

    sessionStorage.clear(); // the app is started again
    await renderBanner(refused, bridge('browser'));
    await screen.findByTestId('storage-banner');
  });
});

describe('requestPersistentStorage', () => {
  const fakeNavigator = (storage: Partial<StorageManager> | undefined) => ({ storage }) as unknown as Navigator;

  it('asks the browser once; a later caller gets the same answer, not a pending "no"', async () => {
    let grant!: (granted: boolean) => void;
    const persist = vi.fn(() => new Promise<boolean>((resolve) => (grant = resolve)));
    const nav = fakeNavigator({ persisted: async () => false, persist });
    const first = requestPersistentStorage(nav);
    const second = requestPersistentStorage(nav);
    expect(second).toBe(first);
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    grant(true);
    await expect(second).resolves.toBe(true);
  });

  it('is true when already persisted, and false when refused, unsupported or failing', async () => {
    await expect(requestPersistentStorage(fakeNavigator({ persisted: async () => true, persist: async () => false }))).resolves.toBe(true);
    await expect(requestPersistentStorage(fakeNavigator({ persisted: async () => false, persist: async () => false }))).resolves.toBe(false);
    await expect(requestPersistentStorage(fakeNavigator(undefined))).resolves.toBe(false);
    await expect(requestPersistentStorage(fakeNavigator({ persisted: () => Promise.reject(new Error('denied')), persist: async () => true }))).resolves.toBe(false);
  });
});

describe('daysSinceCopy', () => {
  it('counts whole days since the copy, 0 for a clock set back, and null for none or an unreadable date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: -10 * DAY_MS, max: 400 * DAY_MS }), (at, elapsed) => {
        const days = daysSinceCopy(new Date(at).toISOString(), at + elapsed);
        expect(days).toBe(elapsed <= 0 ? 0 : Math.floor(elapsed / DAY_MS));
      }),
    );
    expect(daysSinceCopy(undefined, Date.now())).toBeNull();
    expect(daysSinceCopy('not a date', Date.now())).toBeNull();
  });
});

/** Lets every pending promise (the bridge's and the storage answer) settle and React render. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function renderBanner(isPersisted: () => Promise<boolean>, fake: ReturnType<typeof bridge>, lastCopy?: string, lang: 'zh-CN' | 'ug' = 'zh-CN') {
  const rendered = await renderInApp(<StorageBanner isPersisted={isPersisted} />, { demo: true, bridge: fake, lang });
  if (lastCopy) await rendered.store.db.meta.put({ key: USB_COPY_KEY, value: lastCopy });
  return rendered;
}
