/**
 * IPC channel names of the bridge, in a module without zod so the sandboxed preload script, which
 * needs only these names, stays a few kilobytes.
 */
export const BRIDGE_CHANNELS = {
  saveFile: 'bridge:saveFile',
  openFiles: 'bridge:openFiles',
  pickFiles: 'bridge:pickFiles',
  readPickedFile: 'bridge:readPickedFile',
  printToPdf: 'bridge:printToPdf',
  appInfo: 'bridge:appInfo',
  setLanguage: 'bridge:setLanguage',
  writeBackupFile: 'bridge:writeBackupFile',
  /** The county hub: requests go through the main process, which alone holds the credentials. */
  hubRequest: 'bridge:hubRequest',
  hubConfig: 'bridge:hubConfig',
  hubConfigure: 'bridge:hubConfigure',
  /** main -> renderer: a command chosen from the application menu. */
  menuCommand: 'bridge:menuCommand',
} as const;
