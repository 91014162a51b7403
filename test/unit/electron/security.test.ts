import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/appOrigin';
import {
  denyAllPermissions,
  guardNavigation,
  hardenWebContents,
  secureWebPreferences,
  type HardenableContents,
  type PermissionSession,
  type PreventableEvent,
} from '../../../electron/security';

function navigationEvent() {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

const FOREIGN_URLS = [
  'https://example.com/',
  'http://localhost:5173/',
  'file:///C:/Users/officer/Desktop/evil.html',
  'app://league-desk.evil/index.html',
  'app://evil/index.html',
  'app://league-desk:8080/index.html',
  'app://attacker@league-desk/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
];

describe('the app origin', () => {
  it.each(['app://league-desk/', 'app://league-desk/index.html', 'app://league-desk/assets/x.js?v=1#top'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each(FOREIGN_URLS)('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('the navigation guard', () => {
  it('lets the window move between our own pages', () => {
    const event = navigationEvent();

    guardNavigation(event, 'app://league-desk/index.html#/stats');

    expect(event.prevented).toBe(false);
  });

  it.each(FOREIGN_URLS)('stops navigation to %s', (url) => {
    const event = navigationEvent();

    guardNavigation(event, url);

    expect(event.prevented).toBe(true);
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: PreventableEvent, url: string) => void>();
    let openHandler: (() => { action: 'deny' }) | null = null;
    const contents: HardenableContents = {
      on(name: string, listener: (event: PreventableEvent, url: string) => void) {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler(handler) {
        openHandler = handler;
      },
    };
    return { contents, listeners, openHandler: () => openHandler };
  }

  it.each(['will-navigate', 'will-redirect'])('%s to the web is prevented, to our pages allowed', (name) => {
    const fake = fakeContents();
    hardenWebContents(fake.contents);
    const toWeb = navigationEvent();
    const toApp = navigationEvent();

    fake.listeners.get(name)?.(toWeb, 'https://example.com/');
    fake.listeners.get(name)?.(toApp, 'app://league-desk/index.html');

    expect(toWeb.prevented).toBe(true);
    expect(toApp.prevented).toBe(false);
  });

  it('refuses every new window and every <webview>', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents);
    const attach = navigationEvent();

    fake.listeners.get('will-attach-webview')?.(attach, '');

    expect(fake.openHandler()?.()).toEqual({ action: 'deny' });
    expect(attach.prevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and answers every permission check with no', () => {
    const installed: {
      request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
      check?: () => boolean;
    } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (installed.request = handler),
      setPermissionCheckHandler: (handler) => (installed.check = handler),
    });

    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      installed.request?.({}, permission, (granted) => answers.push(granted));
    }

    expect(answers).toEqual([false, false, false, false, false]);
    expect(installed.check?.()).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer, keeps Node out and web security on', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs')).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
