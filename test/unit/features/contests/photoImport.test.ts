import { describe, expect, it } from 'vitest';
import type { Bridge, PickedFile, ReadPickedResult } from '../../../../shared/bridge';
import { importPhotos, pickedPhotoSources, type PhotoSource, type PhotoWorkerLike } from '../../../../renderer/src/features/contests/photoImport';
import type { PhotoJob, PhotoJobResult } from '../../../../renderer/src/features/contests/photoWorker';
import { blobTable, sha256Hex } from '../../../../renderer/src/store/blobs';
import { freshDb } from '../../store/fakeDb';

const jpeg = (label: string) => new Uint8Array([0xff, 0xd8, ...new TextEncoder().encode(label)]);

/** Stands in for photoWorker.ts: "decodes" by hashing, after a tick; refuses bytes containing "broken". */
class FakePhotoWorker implements PhotoWorkerLike {
  onmessage: ((event: MessageEvent<PhotoJobResult>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly transferred: boolean[] = [];
  terminated = false;
  constructor(private readonly busy: { now: number; max: number }) {}

  postMessage(job: PhotoJob, transfer: Transferable[]): void {
    this.transferred.push(transfer.includes(job.bytes));
    this.busy.max = Math.max(this.busy.max, ++this.busy.now);
    const bytes = new Uint8Array(job.bytes);
    void (async () => {
      await new Promise((r) => setTimeout(r, 1));
      this.busy.now--;
      if (new TextDecoder().decode(bytes).includes('broken')) return this.onmessage?.({ data: { id: job.id, ok: false } } as MessageEvent<PhotoJobResult>);
      const original = await sha256Hex(bytes);
      const display = new TextEncoder().encode(`display of ${original}`);
      const thumb = new TextEncoder().encode(`thumb of ${original}`);
      const result: PhotoJobResult = {
        id: job.id,
        ok: true,
        original,
        display: display.buffer,
        displayHash: await sha256Hex(display),
        thumb: thumb.buffer,
        thumbHash: await sha256Hex(thumb),
        width: 2560,
        height: 1707,
        dhash: '0123456789abcdef',
      };
      this.onmessage?.({ data: result } as MessageEvent<PhotoJobResult>);
    })();
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** Sources that count how many files are in memory at once (read, not yet finished). */
function sources(items: { name: string; bytes?: Uint8Array; reason?: 'file-missing' }[], held: { now: number; max: number }): PhotoSource[] {
  return items.map((item) => ({
    name: item.name,
    async read() {
      await new Promise((r) => setTimeout(r, 0));
      if (item.reason) return { ok: false, reason: item.reason };
      held.max = Math.max(held.max, ++held.now);
      return { ok: true, bytes: item.bytes!.slice() };
    },
  }));
}

describe('importing photos a few at a time', () => {
  it('keeps every outcome: stored once by hash, the same bytes refused, unreadable and vanished files reported, order kept, progress per photo', async () => {
    const db = freshDb();
    const busy = { now: 0, max: 0 };
    const held = { now: 0, max: 0 };
    const workers: FakePhotoWorker[] = [];
    const taken = await sha256Hex(jpeg('already in the contest'));
    const progress: number[] = [];
    const files = sources(
      [
        { name: 'a.jpg', bytes: jpeg('a') },
        { name: 'gone.jpg', reason: 'file-missing' },
        { name: 'b.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]) },
        { name: 'a-again.jpg', bytes: jpeg('a') },
        { name: 'text.jpg', bytes: new TextEncoder().encode('not an image') },
        { name: 'broken.jpg', bytes: jpeg('broken') },
        { name: 'old.jpg', bytes: jpeg('already in the contest') },
        { name: 'c.jpg', bytes: jpeg('c') },
      ],
      held,
    );

    const outcome = await importPhotos({ db }, files, new Set([taken]), (done, total) => {
      progress.push(done);
      expect(total).toBe(8);
      held.now = Math.max(0, held.now - 1);
    }, {
      workers: 2,
      createWorker: () => {
        const w = new FakePhotoWorker(busy);
        workers.push(w);
        return w;
      },
    });

    expect(outcome.photos.map((p) => p.name)).toEqual(['a.jpg', 'b.png', 'c.jpg']);
    expect(outcome.duplicates.sort()).toEqual(['a-again.jpg', 'old.jpg']);
    expect(outcome.unreadable.sort()).toEqual(['broken.jpg', 'text.jpg']);
    expect(outcome.failed).toEqual([{ name: 'gone.jpg', reason: 'file-missing' }]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stored = await blobTable(db).toArray();
    expect(stored.length).toBe(6);
    expect(new Set(stored.map((b) => b.hash))).toEqual(new Set(outcome.photos.flatMap((p) => [p.display, p.thumb])));
    expect(outcome.photos[0]?.original).toBe(await sha256Hex(jpeg('a')));
    // Bounded: two workers, each with one file decoding and at most one read ahead.
    expect(workers.length).toBe(2);
    expect(busy.max).toBeLessThanOrEqual(2);
    expect(held.max).toBeLessThanOrEqual(4);
    // The bytes go to the worker transferred, never copied on the main thread.
    expect(workers.flatMap((w) => w.transferred).every(Boolean)).toBe(true);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('never holds more than a few files however many are chosen', async () => {
    const held = { now: 0, max: 0 };
    const files = sources(Array.from({ length: 40 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg(`photo ${i}`) })), held);

    const outcome = await importPhotos({ db: freshDb() }, files, new Set(), () => {
      held.now--;
    }, { workers: 2, createWorker: () => new FakePhotoWorker({ now: 0, max: 0 }) });

    expect(outcome.photos.length).toBe(40);
    expect(held.max).toBeLessThanOrEqual(4);
  });

  it('reads picked files through the bridge, one token each, and turns a refusal into that file\'s reason', async () => {
    const reads: string[] = [];
    const bridge: Pick<Bridge, 'readPickedFile'> = {
      async readPickedFile(token): Promise<ReadPickedResult> {
        reads.push(token);
        if (token === 'gone-token-xxxxxxxx') return { status: 'error', reason: 'file-missing' };
        return { status: 'read', data: jpeg(token) };
      },
    };
    const picked: PickedFile[] = [
      { token: 'first-token-xxxxxxx', name: 'a.jpg', size: 10 },
      { token: 'gone-token-xxxxxxxx', name: 'gone.jpg', size: 10 },
    ];

    const outcome = await importPhotos({ db: freshDb() }, pickedPhotoSources(bridge, picked), new Set(), () => undefined, {
      workers: 1,
      createWorker: () => new FakePhotoWorker({ now: 0, max: 0 }),
    });

    expect(reads).toEqual(['first-token-xxxxxxx', 'gone-token-xxxxxxxx']);
    expect(outcome.photos.map((p) => p.name)).toEqual(['a.jpg']);
    expect(outcome.failed).toEqual([{ name: 'gone.jpg', reason: 'file-missing' }]);
  });

  it('a shell without readPickedFile reports every file as unsupported rather than failing the import', async () => {
    const outcome = await importPhotos({ db: freshDb() }, pickedPhotoSources({}, [{ token: 'x'.repeat(20), name: 'a.jpg', size: 1 }]), new Set(), () => undefined, {
      createWorker: () => new FakePhotoWorker({ now: 0, max: 0 }),
    });
    expect(outcome.failed).toEqual([{ name: 'a.jpg', reason: 'unsupported' }]);
  });
});
