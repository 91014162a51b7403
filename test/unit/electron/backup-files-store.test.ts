/** The renderer's side of bridge.writeBackupFile: each backup goes to the shell after it is stored, outside any transaction. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { WriteBackupFileRequest, WriteBackupFileResult } from '../../../shared/bridge';
import { BACKUP_FILE_KEY, makeBackup } from '../../../renderer/src/store/backups';
import { openStore } from '../../../renderer/src/store/store';
import { freshDb } from '../store/fakeDb';

const county = { code: 'LT', name: { zh: '共青团轮台县委员会' }, kind: 'county', parentId: null, archived: false };

function fakeShell(answer: (request: WriteBackupFileRequest) => WriteBackupFileResult) {
  const seen: { request: WriteBackupFileRequest; inTransaction: boolean; stored: boolean }[] = [];
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  return {
    seen,
    attach: (s: typeof store) => (store = s),
    bridge: {
      async writeBackupFile(request: WriteBackupFileRequest) {
        const stored = (await store!.db.backups.get(`${request.created}-${request.reason}`)) !== undefined;
        seen.push({ request, inTransaction: Dexie.currentTransaction !== null, stored });
        return answer(request);
      },
    },
  };
}

describe('backups written as files through the bridge', () => {
  it('hands the stored backup to the shell with the number kept, after its transaction, and records where it went', async () => {
    const store = await openStore(freshDb());
    await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    const shell = fakeShell(() => ({ status: 'written', path: '/data/backups/league-desk-backup-x.leaguesync' }));
    shell.attach(store);
    const now = new Date('2026-11-22T04:37:52.123Z');
    const entry = await makeBackup(store, 'manual', now, shell.bridge);
    expect(shell.seen).toHaveLength(1);
    expect(shell.seen[0]).toMatchObject({ inTransaction: false, stored: true, request: { created: now.toISOString(), reason: 'manual', keep: 10 } });
    expect(shell.seen[0]!.request.data).toEqual(entry!.bytes);
    expect((await store.db.meta.get(BACKUP_FILE_KEY))?.value).toEqual({ at: now.toISOString(), path: '/data/backups/league-desk-backup-x.leaguesync' });
  });

  it('keeps the backup in the database when the file cannot be written, and records why', async () => {
    const store = await openStore(freshDb());
    await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    const shell = fakeShell(() => ({ status: 'error', reason: 'disk-full' }));
    shell.attach(store);
    const entry = await makeBackup(store, 'daily', new Date('2026-11-23T00:00:00.000Z'), shell.bridge);
    expect(await store.db.backups.get(entry!.id)).toBeDefined();
    expect((await store.db.meta.get(BACKUP_FILE_KEY))?.value).toEqual({ at: '2026-11-23T00:00:00.000Z', reason: 'disk-full' });
  });

  it('in a browser, which has no folder, records nothing', async () => {
    const store = await openStore(freshDb());
    await store.repo.write([{ table: 'org', row: 'o1', fields: county, scope: 'LT' }]);
    const shell = fakeShell(() => ({ status: 'error', reason: 'unsupported' }));
    shell.attach(store);
    await makeBackup(store, 'manual', new Date('2026-11-23T00:00:00.000Z'), shell.bridge);
    expect(await store.db.meta.get(BACKUP_FILE_KEY)).toBeUndefined();
  });
});
