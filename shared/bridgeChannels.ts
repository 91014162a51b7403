/**
 * IPC channel names of the bridge, in a module without zod so the sandboxed preload script, which
 * needs only these names, stays a few kilobytes.
 */
export const BRIDGE_CHANNELS = {
  saveFile: 'bridge:saveFile',
  openFiles: 'bridge:openFiles',
  printToPdf: 'bridge:printToPdf',
  appInfo: 'bridge:appInfo',
  setLanguage: 'bridge:setLanguage',
  /** main -> renderer: a command chosen from the application menu. */
  menuCommand: 'bridge:menuCommand',
} as const;
