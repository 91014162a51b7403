import { BRIDGE_CHANNELS } from '../../shared/bridge';
import { createAppInfoHandler, type AppInfoDeps } from './appInfo';
import { createWriteBackupFileHandler, type BackupFileDeps } from './backupFile';
import { createHubConfigHandler, createHubConfigureHandler, createHubRequestHandler, type HubDeps } from './hub';
import { createOpenFilesHandler, type OpenFilesDeps } from './openFiles';
import { createPickFilesHandler, createReadPickedFileHandler, PickedFileRegistry, type PickedFilesDeps } from './pickedFiles';
import { createPrintToPdfHandler, type PrintToPdfDeps } from './printToPdf';
import { createSaveFileHandler, type SaveFileDeps } from './saveFile';
import { createSetLanguageHandler, type SetLanguageDeps } from './setLanguage';
import type { BridgeIpcMain } from './types';

export type BridgeDeps = SaveFileDeps & OpenFilesDeps & PickedFilesDeps & PrintToPdfDeps & AppInfoDeps & SetLanguageDeps & HubDeps & BackupFileDeps;

/** Wires every bridge call to its channel. menuCommand is main → renderer and has no handler. */
export function registerBridgeHandlers(ipcMain: BridgeIpcMain, deps: BridgeDeps): void {
  ipcMain.handle(BRIDGE_CHANNELS.saveFile, createSaveFileHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.openFiles, createOpenFilesHandler(deps));
  // One registry per registration: the app has one window, and tokens name only its picks.
  const picked = new PickedFileRegistry();
  ipcMain.handle(BRIDGE_CHANNELS.pickFiles, createPickFilesHandler(deps, picked));
  ipcMain.handle(BRIDGE_CHANNELS.readPickedFile, createReadPickedFileHandler(deps, picked));
  ipcMain.handle(BRIDGE_CHANNELS.printToPdf, createPrintToPdfHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.appInfo, createAppInfoHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.setLanguage, createSetLanguageHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.writeBackupFile, createWriteBackupFileHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.hubRequest, createHubRequestHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.hubConfig, createHubConfigHandler(deps));
  ipcMain.handle(BRIDGE_CHANNELS.hubConfigure, createHubConfigureHandler(deps));
}
