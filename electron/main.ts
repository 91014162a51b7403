import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, ipcMain, Menu, net, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { BRIDGE_CHANNELS, type MenuCommand } from '../shared/bridge';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { APP_SCHEME_PRIVILEGES, handleAppRequest } from './appProtocol';
import { resolveDataFolder } from './dataFolder';
import { registerBridgeHandlers } from './ipc/register';
import { createHubAccountStore } from './hubAccount';
import { createMainWindow } from './mainWindow';
import { createLanguageMenu } from './languageMenu';
import { langFromSystemLocale } from './menuLabels';
import { PRODUCT_NAME } from './product';
import { denyAllPermissions, hardenWebContents } from './security';

/*
 * Start-up order matters here. The data folder must be set before anything opens userData: the
 * single-instance lock lives there (so a portable copy on a USB drive and an installed copy are
 * separate apps, as they should be), and so does IndexedDB. Scheme privileges must be registered
 * before `ready`. Everything with logic lives in the modules imported above.
 */
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

const { dataFolder, portable } = resolveDataFolder({
  executablePath: app.getPath('exe'),
  defaultUserData: app.getPath('userData'),
  env: process.env,
  exists: existsSync,
});
if (portable) {
  app.setPath('userData', dataFolder);
  app.setPath('sessionData', dataFolder);
}

app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startApp();
}

function startApp(): void {
  let mainWindow: BrowserWindow | null = null;

  const liveWindow = (): BrowserWindow | null =>
    mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
  const requireWindow = (): BrowserWindow => {
    const window = liveWindow();
    if (window === null) throw new Error('The main window is gone');
    return window;
  };
  const sendCommand = (command: MenuCommand): void => {
    liveWindow()?.webContents.send(BRIDGE_CHANNELS.menuCommand, command);
  };

  app.on('second-instance', () => {
    const window = liveWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession);
      protocol.handle(APP_SCHEME, (request) => handleAppRequest(request.url, rendererDir, (file) => fs.readFile(file)));

      // The renderer reports its language through setLanguage as soon as it starts; until then the
      // menu follows the system locale.
      const languageMenu = createLanguageMenu({
        initialLang: langFromSystemLocale(app.getLocale()),
        isDev: !app.isPackaged,
        sendCommand,
        install: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
      });

      registerBridgeHandlers(ipcMain, {
        trustedFrame: () => liveWindow()?.webContents.mainFrame ?? null,
        dialogs: {
          showSaveDialog: (options) => dialog.showSaveDialog(requireWindow(), options),
          showOpenDialog: (options) => dialog.showOpenDialog(requireWindow(), options),
        },
        fs,
        backupFolder: path.join(dataFolder, 'backups'),
        printer: { printToPDF: (options) => requireWindow().webContents.printToPDF(options) },
        currentLang: languageMenu.current,
        defaultDirectory: () => app.getPath('documents'),
        appInfo: {
          name: PRODUCT_NAME,
          version: app.getVersion(),
          mode: 'electron',
          platform: process.platform,
          dataFolder,
          portable,
        },
        onLanguageChanged: languageMenu.setLanguage,
        hubAccounts: createHubAccountStore(path.join(app.getPath('userData'), 'hub-account.json'), safeStorage, fs),
        // Chromium's network stack (net.fetch), so the office's system proxy applies; a hub that
        // stops answering must not hold a sync for ever: 60 s per request.
        hubFetch: (url, init) => net.fetch(url, { ...init, signal: AbortSignal.timeout(60_000) }),
      });

      mainWindow = createMainWindow(preloadPath);
      await mainWindow.loadURL(APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      console.error('League Desk failed to start', error);
      app.exit(1);
    });
}
