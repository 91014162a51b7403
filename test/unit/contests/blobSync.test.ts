import { describe, expect, it } from 'vitest';
import { applyReviewedImport, exportBundle, reviewImport } from '../../../renderer/src/features/sync/syncService';
import { backupBundle, makeBackup } from '../../../renderer/src/store/backups';
import { blobTable, sha256Hex, sniffBlobType } from '../../../renderer/src/store/blobs';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { decodeBundle, encodeBundle } from '../../../shared/sync/bundle';
import { vectorOf } from '../../../shared/sync/vector';
import { freshDb } from '../store/fakeDb';
import { contest, entry } from './fixtures';
import { APP_TABLES } from '../../../shared/app/registry';

const JPEG = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, n, n]);

/** Bytes deflate cannot shrink, so a bundle holding them is at least as big (a stand-in for a photo). */
function noise(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out.set([0xff, 0xd8, 0xff, 0xe0]);
  return out;
}

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
  it('a full bundle carries every blob; importing it stores those its changes show, with the rows', async () => {
    const a = await pcWithPhotoEntry();
    const exported = await exportBundle(a.store, { now: new Date('2026-07-01T00:00:00Z') });
    const b = await openStore(freshDb());
    const review = await reviewImport(b, [{ name: exported.fileName, data: exported.bytes }]);
    await applyReviewedImport(b, review);
    const held = await blobTable(b.db).toArray();
    expect((await decodeBundle(exported.bytes, { tables: APP_TABLES })).ok && held.length).toBe(2);
    expect(held.map((r) => r.hash).sort()).toEqual([a.display, a.thumb].sort());
    expect(held.every((r) => r.type === 'image/jpeg')).toBe(true);
    expect(await b.db.table('entry').count()).toBe(1);
    // Importing the same file again changes nothing and keeps one copy.
    await applyReviewedImport(b, await reviewImport(b, [{ name: exported.fileName, data: exported.bytes }]));
    expect(await blobTable(b.db).count()).toBe(2);
  });

  it('a bundle padded with blobs no change refers to stores none of them', async () => {
    const a = await pcWithPhotoEntry();
    const full = await decodeBundle((await exportBundle(a.store)).bytes, { tables: APP_TABLES });
    if (!full.ok) throw new Error('not decoded');
    const changes = full.changes;
    const padding = Array.from({ length: 5 }, (_, i) => noise(64 * 1024, i));
    const bytes = await encodeBundle({
      county: { code: 'LT' },
      sender: { device: a.store.identity.device, account: a.store.identity.author, scope: 'LT' },
      kind: 'changes',
      changes: changes.filter((c) => c.table === 'org'),
      vector: vectorOf(changes.filter((c) => c.table === 'org')),
      blobs: padding,
      created: '2026-07-01T00:00:00.000Z',
    }, { tables: APP_TABLES });
    const b = await openStore(freshDb());
    const review = await reviewImport(b, [{ name: 'padded.leaguesync', data: bytes }]);
    expect(review.files[0]!.refusal).toBeUndefined();
    await applyReviewedImport(b, review);
    expect(await b.db.table('org').count()).toBe(1);
    expect(await blobTable(b.db).count()).toBe(0);
  });

  it('a bundle for a peer carries only the blobs its changes refer to', async () => {
    const a = await pcWithPhotoEntry();
    const exported = await exportBundle(a.store, { peer: { device: 'ab00000000000001', account: 'x', vector: {}, lastSeen: '2026-01-01T00:00:00Z' } });
    const decoded = await decodeBundle(exported.bytes, { tables: APP_TABLES });
    expect(decoded.ok && [...decoded.blobs.keys()].sort()).toEqual([a.display, a.thumb].sort());
  });

  it('backups name their photos instead of copying them, and a restore brings every photo back', async () => {
    const a = await pcWithPhotoEntry();
    const photo = noise(256 * 1024, 9);
    const big = await sha256Hex(photo);
    await blobTable(a.store.db).put({ hash: big, bytes: photo, type: 'image/jpeg' });
    const first = (await makeBackup(a.store, 'manual', new Date('2026-07-01T00:00:00Z')))!;
    const second = (await makeBackup(a.store, 'daily', new Date('2026-07-02T00:00:00Z')))!;
    // Kept backups hold the hashes, not the bytes: the 256 KiB photo is stored once, in the blobs table.
    for (const backup of [first, second]) {
      expect(backup.blobs).toEqual([a.display, a.thumb, a.unrelated, big].sort());
      const kept = await decodeBundle(backup.bytes, { tables: APP_TABLES });
      expect(kept.ok && kept.blobs.size).toBe(0);
      expect(backup.bytes.length).toBeLessThan(photo.length / 4);
    }
    // What leaves the PC (saved to a USB drive, written as a file) is whole again.
    const whole = await backupBundle(a.store, second);
    const decoded = await decodeBundle(whole, { tables: APP_TABLES });
    expect(decoded.ok && [...decoded.blobs.keys()].sort()).toEqual(second.blobs);
    const direct = await exportBundle(a.store, { now: new Date('2026-07-02T00:00:00Z') });
    expect(whole).toEqual(direct.bytes);
    // Restored on a new PC, every photo a row shows is back.
    const b = await openStore(freshDb());
    await applyReviewedImport(b, await reviewImport(b, [{ name: 'backup.leaguesync', data: whole }]));
    const held = (await blobTable(b.db).toArray()).map((r) => r.hash).sort();
    expect(held).toEqual([a.display, a.thumb].sort());
  });

  it('recognises the type of received bytes', () => {
    expect(sniffBlobType(JPEG(0))).toBe('image/jpeg');
    expect(sniffBlobType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]))).toBe('image/png');
    expect(sniffBlobType(new Uint8Array([1, 2]))).toBe('application/octet-stream');
  });
});
