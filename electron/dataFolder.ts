import nodePath from 'node:path';

/**
 * Portable mode keeps every byte the app writes (IndexedDB, settings, caches) in a folder beside the
 * program, so a county officer can carry League Desk and its data on a USB drive between office PCs.
 *
 * It is switched on by either
 *  - a file named exactly `portable` (no extension) beside the executable, or
 *  - electron-builder's Windows "portable" target, which unpacks the app to a temporary folder and
 *    tells us where the real .exe is in PORTABLE_EXECUTABLE_DIR.
 * For a Linux AppImage the executable we run lives in a read-only mount that disappears on exit, so
 * "beside the executable" means beside the .AppImage file itself (the APPIMAGE variable).
 *
 * `portable.txt` is accepted as well: Windows hides known extensions by default, so a person who
 * creates a text file and renames it "portable" really creates "portable.txt".
 */
export const PORTABLE_MARKER_NAMES = ['portable', 'portable.txt'] as const;
export const PORTABLE_DATA_FOLDER_NAME = 'LeagueDeskData';

export interface DataFolderInputs {
  /** app.getPath('exe'). */
  executablePath: string;
  /** app.getPath('userData') as Electron computed it: the normal, installed location. */
  defaultUserData: string;
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
  /** Injected so tests can check Windows paths on Linux; the host's own path module otherwise. */
  path?: Pick<typeof nodePath, 'dirname' | 'join'>;
}

export interface DataFolder {
  dataFolder: string;
  portable: boolean;
}

export function resolveDataFolder(inputs: DataFolderInputs): DataFolder {
  const path = inputs.path ?? nodePath;
  const portableExeDir = nonEmpty(inputs.env.PORTABLE_EXECUTABLE_DIR);
  if (portableExeDir !== undefined) {
    return { dataFolder: path.join(portableExeDir, PORTABLE_DATA_FOLDER_NAME), portable: true };
  }

  const appImage = nonEmpty(inputs.env.APPIMAGE);
  const programDir = path.dirname(appImage ?? inputs.executablePath);
  const marked = PORTABLE_MARKER_NAMES.some((name) => inputs.exists(path.join(programDir, name)));
  if (marked) {
    return { dataFolder: path.join(programDir, PORTABLE_DATA_FOLDER_NAME), portable: true };
  }
  return { dataFolder: inputs.defaultUserData, portable: false };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
