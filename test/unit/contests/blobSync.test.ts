import { describe, expect, it } from 'vitest';
import { applyReviewedImport, exportBundle, reviewImport } from '../../../renderer/src/features/sync/syncService';
import { makeBackup } from '../../../renderer/src/store/backups';
import { blobTable, sha256Hex, sniffBlobType } from '../../../renderer/src/store/blobs';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { decodeBundle } from '../../../shared/sync/bundle';
import { freshDb } from '../store/fakeDb';
import { contest, entry } from './fixtures';
import { APP_TABLES } from '../../../shared/app/registry';

const JPEG = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, n, n]);

async function pcWithPhotoEntry(): Promise<{ store: Store; display: string; thumb: string; unrelated: string }> {
  const store = await openStore(freshDb());
  await store.repo.write([{ table: 'org', row: 'lt', fields: { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false }, scope: 'LT' }]);
  const [d, t, u] = [JPEG(1), JPEG(2), JPEG(3)];
  const [display, thumb, unrelated] = await Promise.all([sha256Hex(d), sha256Hex(t), sha256Hex(u)]);
  await blobTable(store.db).bulkPut([
    { hash: display, bytes: d, type: 'image/jpeg' },
    { hash: thumb, bytes: t, type: 'image/jpeg' },
    { hash: unrelated, bytes: u, type: 'image/jpeg' },
  ]);
  const { id, ...c } = contest({ kind: 'photo' });
  const { id: eid, ...e } = entry(1, { code: 'P-001', text: undefined, photos: [{ original: 'a'.repeat(64), display, thumb, dhash: '0'.repeat(16), width: 10, height: 10, name: 'x.jpg' }] });
  await store.repo.write([
    { table: 'contest', row: id, fields: c, scope: 'LT' },
    { table: 'entry', row: eid, fields: e, scope: 'LT' },
  ]);
  return { store, display, thumb, unrelated };
}

describe('photos travel in USB bundles', () => {
  it('a full bundle carries every blob; importing it stores them with the rows', async () => {
    const a = await pcWithPhotoEntry();
    const exported = await exportBundle(a.store, { now: new Date('2026-07-01T00:00:00Z') });
    const b = await openStore(freshDb());
    const review = await reviewImport(b, [{ name: exported.fileName, data: exported.bytes }]);
    await applyReviewedImport(b, review);
    const held = await blobTable(b.db).toArray();
    expect(held.map((r) => r.hash).sort()).toEqual([a.display, a.thumb, a.unrelated].sort());
    expect(held.every((r) => r.type === 'image/jpeg')).toBe(true);
    expect(await b.db.table('entry').count()).toBe(1);
    // Importing the same file again changes nothing and keeps one copy.
    await applyReviewedImport(b, await reviewImport(b, [{ name: exported.fileName, data: exported.bytes }]));
    expect(await blobTable(b.db).count()).toBe(3);
  });

  it('a bundle for a peer carries only the blobs its changes refer to', async () => {
    const a = await pcWithPhotoEntry();
    const exported = await exportBundle(a.store, { peer: { device: 'ab00000000000001', account: 'x', vector: {}, lastSeen: '2026-01-01T00:00:00Z' } });
    const decoded = await decodeBundle(exported.bytes, { tables: APP_TABLES });
    expect(decoded.ok && [...decoded.blobs.keys()].sort()).toEqual([a.display, a.thumb].sort());
  });

  it('a backup holds the photos too', async () => {
    const a = await pcWithPhotoEntry();
    const backup = (await makeBackup(a.store, 'manual'))!;
    const decoded = await decodeBundle(backup.bytes, { tables: APP_TABLES });
    expect(decoded.ok && decoded.blobs.size).toBe(3);
  });

  it('recognises the type of received bytes', () => {
    expect(sniffBlobType(JPEG(0))).toBe('image/jpeg');
    expect(sniffBlobType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]))).toBe('image/png');
    expect(sniffBlobType(new Uint8Array([1, 2]))).toBe('application/octet-stream');
  });
});
