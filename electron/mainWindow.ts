import { BrowserWindow } from 'electron';
import { PRODUCT_NAME } from './product';
import { secureWebPreferences } from './security';

/**
 * The one window. It stays hidden until the first paint so people on slow office PCs do not watch
 * a white rectangle; navigation, pop-ups and permissions are locked down per WebContents in main.ts.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
