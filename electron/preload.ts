import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge, MenuCommand } from '../shared/bridge';
import { BRIDGE_CHANNELS } from '../shared/bridgeChannels';

/**
 * The renderer's only door out: `window.leagueDesk`, implementing the Bridge contract with one
 * ipcRenderer.invoke per call. This file validates nothing on purpose: anything it checks, a
 * compromised renderer could skip, so the main process parses every argument (electron/ipc).
 * It runs sandboxed, so it is bundled into one CommonJS file whose only import is 'electron'.
 */
const bridge: Bridge = {
  saveFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  openFiles: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFiles, request),
  pickFiles: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.pickFiles, request),
  readPickedFile: (token) => ipcRenderer.invoke(BRIDGE_CHANNELS.readPickedFile, token),
  printToPdf: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.printToPdf, request),
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),
  writeBackupFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.writeBackupFile, request),
  setLanguage: async (lang) => {
    await ipcRenderer.invoke(BRIDGE_CHANNELS.setLanguage, lang);
  },
  hub: {
    request: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.hubRequest, request),
    config: () => ipcRenderer.invoke(BRIDGE_CHANNELS.hubConfig),
    configure: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.hubConfigure, request),
  },
  onMenuCommand(listener) {
    // Only the command crosses over: the IpcRendererEvent would hand the page ipcRenderer itself.
    const forward = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(BRIDGE_CHANNELS.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(BRIDGE_CHANNELS.menuCommand, forward);
    };
  },
};

contextBridge.exposeInMainWorld('leagueDesk', bridge);
