import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTABLE_DATA_FOLDER_NAME, resolveDataFolder } from '../../../electron/dataFolder';

const existing = (...files: string[]) => (file: string) => files.includes(file);

describe('the data folder', () => {
  it('is the normal per-user folder when nothing asks for portable mode', () => {
    const folder = resolveDataFolder({
      executablePath: 'C:\\Users\\officer\\AppData\\Local\\Programs\\League Desk\\League Desk.exe',
      defaultUserData: 'C:\\Users\\officer\\AppData\\Roaming\\League Desk',
      env: {},
      exists: existing(),
      path: path.win32,
    });

    expect(folder).toEqual({ dataFolder: 'C:\\Users\\officer\\AppData\\Roaming\\League Desk', portable: false });
  });

  it.each(['portable', 'portable.txt'])('moves beside the program when a "%s" file is there', (marker) => {
    const folder = resolveDataFolder({
      executablePath: 'E:\\LeagueDesk\\League Desk.exe',
      defaultUserData: 'C:\\Users\\officer\\AppData\\Roaming\\League Desk',
      env: {},
      exists: existing(`E:\\LeagueDesk\\${marker}`),
      path: path.win32,
    });

    expect(folder).toEqual({ dataFolder: `E:\\LeagueDesk\\${PORTABLE_DATA_FOLDER_NAME}`, portable: true });
  });

  it('ignores a marker anywhere but beside the program', () => {
    const folder = resolveDataFolder({
      executablePath: 'E:\\LeagueDesk\\League Desk.exe',
      defaultUserData: 'C:\\Users\\officer\\AppData\\Roaming\\League Desk',
      env: {},
      exists: existing('E:\\portable', 'E:\\LeagueDesk\\resources\\portable', 'E:\\LeagueDesk\\portable.exe'),
      path: path.win32,
    });

    expect(folder.portable).toBe(false);
  });

  it("follows electron-builder's portable .exe to the folder it was started from, not its temporary unpack folder", () => {
    const folder = resolveDataFolder({
      executablePath: 'C:\\Users\\officer\\AppData\\Local\\Temp\\2hT9x\\League Desk.exe',
      defaultUserData: 'C:\\Users\\officer\\AppData\\Roaming\\League Desk',
      env: { PORTABLE_EXECUTABLE_DIR: 'F:\\' },
      exists: existing(),
      path: path.win32,
    });

    expect(folder).toEqual({ dataFolder: `F:\\${PORTABLE_DATA_FOLDER_NAME}`, portable: true });
  });

  it('treats an empty PORTABLE_EXECUTABLE_DIR as unset', () => {
    const folder = resolveDataFolder({
      executablePath: '/opt/League Desk/league-desk',
      defaultUserData: '/home/officer/.config/League Desk',
      env: { PORTABLE_EXECUTABLE_DIR: '' },
      exists: existing(),
    });

    expect(folder).toEqual({ dataFolder: '/home/officer/.config/League Desk', portable: false });
  });

  it('for an AppImage, looks for the marker beside the .AppImage file, not inside its temporary mount', () => {
    const inputs = {
      executablePath: '/tmp/.mount_LeagueAbC/league-desk',
      defaultUserData: '/home/officer/.config/League Desk',
      env: { APPIMAGE: '/media/officer/USB/League-Desk-0.1.0-arm64.AppImage' },
    };

    expect(resolveDataFolder({ ...inputs, exists: existing('/media/officer/USB/portable') })).toEqual({
      dataFolder: `/media/officer/USB/${PORTABLE_DATA_FOLDER_NAME}`,
      portable: true,
    });
    expect(resolveDataFolder({ ...inputs, exists: existing('/tmp/.mount_LeagueAbC/portable') }).portable).toBe(false);
  });
});
