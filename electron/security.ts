import type { WebPreferences } from 'electron';
import { isAppUrl } from './appOrigin';

/**
 * The renderer is treated as untrusted: it shows data imported from USB drives and other offices, so
 * a script injected through that data must not reach Node, the file system or another origin. It
 * gets only what preload exposes, and preload itself runs sandboxed.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Chromium's spellchecker downloads dictionaries from Google: useless offline, and a network
    // request the app never asked for.
    spellcheck: false,
  };
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** will-navigate / will-redirect: the window only ever shows our own pages. */
export function guardNavigation(event: PreventableEvent, url: string): void {
  if (!isAppUrl(url)) event.preventDefault();
}

/** The structural slice of WebContents that hardening needs; the real WebContents satisfies it. */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), not just the main
 * window's, so a future second window cannot forget it.
 */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No pop-ups at all, including links with target=_blank: nothing we show needs a second window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The structural slice of Session for permissions; the real Session satisfies it. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reads, HID/USB/serial…: the app needs
 * none of them, so every request is refused and every check says no. Copy and paste still work
 * through the Edit menu roles, which do not go through the permission system.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
