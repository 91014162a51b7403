import { BRIDGE_CHANNELS } from '../../shared/bridge';
import { createAppInfoHandler, type AppInfoDeps } from './appInfo';
import { createHubConfigHandler, createHubConfigureHandler, createHubRequestHandler, type HubDeps } from './hub';
import { createOpenFilesHandler, type OpenFilesDeps } from './openFiles';
import { createPrintToPdfHandler, type PrintToPdfDeps } from './printToPdf';
import { createSaveFileHandler, type SaveFileDeps } from './saveFile';
import { createSetLanguageHandler, type SetLanguageDeps } from './setLanguage';
import type { BridgeIpcMain } from './types';

export type BridgeDeps = SaveFileDeps & OpenFilesDeps & PrintToPdfDeps & AppInfoDeps & SetLanguageDeps & HubDeps;

/** Wires every bridge call to its channel. menuCommand is main → renderer and has no handler. */
export function registerBridgeHandlers(ipcMain: BridgeIpcMain, deps: BridgeDeps): void {
  ipcMain.handle(BRIDGE_CHANNELS.saveFile, createSaveFileHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.openFiles, createOpenFilesHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.printToPdf, createPrintToPdfHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.appInfo, createAppInfoHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.setLanguage, createSetLanguageHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.hubRequest, createHubRequestHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.hubConfig, createHubConfigHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.hubConfigure, createHubConfigureHandler(deps));
}
