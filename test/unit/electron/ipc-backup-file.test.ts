import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge';
import { backupFileName } from '../../../electron/ipc/backupFile';
import { FOREIGN_SENDERS, bytes, createBridgeHarness, fsError, text } from './fakes';

const FOLDER = '/data/backups';
const request = (created: string, overrides: Record<string, unknown> = {}) => ({ created, reason: 'daily', data: bytes(`backup ${created}`), keep: 3, ...overrides });
const backupFiles = (files: Map<string, Uint8Array>) => [...files.keys()].filter((p) => p.startsWith(`${FOLDER}/`)).sort();

describe('bridge.writeBackupFile', () => {
  it('writes the backup into the data folder’s backups folder, atomically, and reads it back', async () => {
    const bridge = createBridgeHarness();
    const result = await bridge.invoke(BRIDGE_CHANNELS.writeBackupFile, request('2026-11-22T04:37:52.123Z'));
    const file = `${FOLDER}/league-desk-backup-2026-11-22T04-37-52.123Z-daily.leaguesync`;
    expect(result).toEqual({ status: 'written', path: file });
    expect(text(bridge.fs.files.get(file))).toBe('backup 2026-11-22T04:37:52.123Z');
    expect(bridge.fs.calls).toContain(`mkdir ${FOLDER}`);
    expect(bridge.fs.calls.find((c) => c.startsWith('rename '))).toMatch(new RegExp(`^rename ${FOLDER}/\\..*\\.partial -> ${file}$`));
    expect(bridge.fs.calls).toContain(`readFile ${file}`);
  });

  it('keeps the newest files up to the number kept, and never touches other files in the folder', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(`${FOLDER}/notes.txt`, bytes('mine'));
    bridge.fs.files.set(`${FOLDER}/league-desk-backup-copied-by-hand.leaguesync`, bytes('mine too'));
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
    for (const day of days) expect(await bridge.invoke(BRIDGE_CHANNELS.writeBackupFile, request(`${day}T08:00:00.000Z`))).toMatchObject({ status: 'written' });
    expect(backupFiles(bridge.fs.files)).toEqual([
      `${FOLDER}/league-desk-backup-2026-11-22T08-00-00.000Z-daily.leaguesync`,
      `${FOLDER}/league-desk-backup-2026-11-23T08-00-00.000Z-daily.leaguesync`,
      `${FOLDER}/league-desk-backup-2026-11-24T08-00-00.000Z-daily.leaguesync`,
      `${FOLDER}/league-desk-backup-copied-by-hand.leaguesync`,
      `${FOLDER}/notes.txt`,
    ]);
  });

  it('says why when the disk is full or the file comes back different, and leaves no partial file', async () => {
    const full = createBridgeHarness();
    full.fs.failWrite = fsError('ENOSPC');
    expect(await full.invoke(BRIDGE_CHANNELS.writeBackupFile, request('2026-11-22T04:37:52.123Z'))).toEqual({ status: 'error', reason: 'disk-full' });
    expect(backupFiles(full.fs.files)).toEqual([]);
    const failing = createBridgeHarness();
    failing.fs.corruptOnDisk = true;
    expect(await failing.invoke(BRIDGE_CHANNELS.writeBackupFile, request('2026-11-22T04:37:52.123Z'))).toEqual({ status: 'error', reason: 'verify-failed' });
    expect(backupFiles(failing.fs.files)).toEqual([]);
  });

  it('refuses other senders and requests that are not a backup, writing nothing', async () => {
    const bridge = createBridgeHarness();
    for (const [, event] of FOREIGN_SENDERS) {
      expect(await bridge.invokeAs(event, BRIDGE_CHANNELS.writeBackupFile, request('2026-11-22T04:37:52.123Z'))).toEqual({ status: 'error', reason: 'forbidden-sender' });
    }
    const hostile = [
      null,
      'backup',
      request('../../etc/passwd'),
      request('2026-11-22T04:37:52.123Z', { reason: '../x' }),
      request('2026-11-22T04:37:52.123Z', { keep: 0 }),
      request('2026-11-22T04:37:52.123Z', { keep: 1.5 }),
      request('2026-11-22T04:37:52.123Z', { data: 'not bytes' }),
      request('2026-11-22T04:37:52.123Z', { data: new Uint8Array(0) }),
      { ...request('2026-11-22T04:37:52.123Z'), folder: '/etc' },
    ];
    for (const raw of hostile) expect(await bridge.invoke(BRIDGE_CHANNELS.writeBackupFile, raw)).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(bridge.fs.files.size).toBe(0);
  });

  it('names files so they sort by time, with no character Windows refuses', () => {
    const name = backupFileName({ created: '2026-01-05T23:59:59.999Z', reason: 'before-import' });
    expect(name).toBe('league-desk-backup-2026-01-05T23-59-59.999Z-before-import.leaguesync');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });
});
