import type { EntryPhoto } from '../../../../shared/contests/rows';
import type { Bridge, OpenedFile, PickedFile, PickedFileErrorCode } from '../../../../shared/bridge';
import { blobTable } from '../../store/blobs';
import type { Store } from '../../store/store';
import type { PhotoJob, PhotoJobResult } from './photoWorker';

/** One chosen photo, read only when its turn comes (so a 500-photo import never holds 500 files). */
export interface PhotoSource {
  name: string;
  read(): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: PickedFileErrorCode }>;
}

export interface PhotoImportOutcome {
  photos: EntryPhoto[];
  /** Files whose bytes are already a photo of this contest (or twice in this batch): refused. */
  duplicates: string[];
  /** Files that are not a JPEG or PNG the browser can decode. */
  unreadable: string[];
  /** Files that could not be read at all (gone from the USB drive, no permission…), with the reason. */
  failed: { name: string; reason: PickedFileErrorCode }[];
}

/** The part of a Worker the import uses (tests pass a fake). */
export interface PhotoWorkerLike {
  postMessage(job: PhotoJob, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<PhotoJobResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface PhotoImportOptions {
  /** How many photos are decoded at once (one worker each). */
  workers?: number;
  createWorker?: () => PhotoWorkerLike;
}

function imageType(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return null;
}

/**
 * Decoding is the heavy part. One core is always left to the main thread (county PCs often have
 * two): with both cores decoding, the interface stutters.
 */
const WORKERS = Math.max(1, Math.min(3, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));

const newPhotoWorker = (): PhotoWorkerLike => new Worker(new URL('./photoWorker.ts', import.meta.url), { type: 'module' });

/** Photos chosen through bridge.pickFiles: each read through the bridge when its turn comes. */
export function pickedPhotoSources(bridge: Pick<Bridge, 'readPickedFile'>, files: readonly PickedFile[]): PhotoSource[] {
  return files.map((file) => ({
    name: file.name,
    async read() {
      if (!bridge.readPickedFile) return { ok: false, reason: 'unsupported' };
      try {
        const result = await bridge.readPickedFile(file.token);
        return result.status === 'read' ? { ok: true, bytes: result.data } : { ok: false, reason: result.reason };
      } catch {
        return { ok: false, reason: 'read-failed' };
      }
    },
  }));
}

/** Photos already in memory (a shell without pickFiles answered openFiles). */
export function openedPhotoSources(files: readonly OpenedFile[]): PhotoSource[] {
  return files.map((file) => ({ name: file.name, read: async () => ({ ok: true, bytes: file.data }) }));
}

/** The bytes as an ArrayBuffer of their own, to transfer to a worker without copying when possible. */
function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}

/**
 * Imports photos, a few at a time: each lane reads one file (and the next one while the worker is
 * busy), hands its bytes to its worker (transferred, not copied), which hashes it (sha-256) and makes
 * the display copy, thumbnail and dHash. A file whose bytes this contest already holds is refused;
 * the two images of the others are stored once each in the blobs table by their own hash, one
 * small transaction per photo. So at most two files per lane are in memory, and progress is
 * reported after each file.
 */
export async function importPhotos(
  { db }: Pick<Store, 'db'>,
  files: readonly PhotoSource[],
  takenOriginals: ReadonlySet<string>,
  onProgress: (done: number, total: number) => void,
  options: PhotoImportOptions = {},
): Promise<PhotoImportOutcome> {
  const outcome: PhotoImportOutcome = { photos: [], duplicates: [], unreadable: [], failed: [] };
  const stored = new Set<string>();
  const lanes = Math.max(1, Math.min(options.workers ?? WORKERS, files.length));
  const createWorker = options.createWorker ?? newPhotoWorker;
  const workers = files.length === 0 ? [] : Array.from({ length: lanes }, createWorker);
  let next = 0;
  let done = 0;
  let jobId = 0;
  const results: (EntryPhoto | null)[] = new Array(files.length).fill(null);
  type Read = { index: number; file: PhotoSource; read: Awaited<ReturnType<PhotoSource['read']>> };
  const readNext = async (): Promise<Read | null> => {
    if (next >= files.length) return null;
    const index = next++;
    const file = files[index]!;
    try {
      return { index, file, read: await file.read() };
    } catch {
      return { index, file, read: { ok: false, reason: 'read-failed' } };
    }
  };
  const runOn = async (worker: PhotoWorkerLike) => {
    let pending = readNext();
    for (let current = await pending; current !== null; current = await pending) {
      // Read ahead while this one is decoded: reading is I/O, decoding is CPU.
      pending = readNext();
      const { index, file, read } = current;
      if (!read.ok) {
        outcome.failed.push({ name: file.name, reason: read.reason });
      } else {
        const type = imageType(read.bytes);
        const made = type ? await processOn(worker, { id: ++jobId, bytes: ownArrayBuffer(read.bytes), type }) : null;
        if (made?.ok && takenOriginals.has(made.original)) outcome.duplicates.push(file.name);
        else if (!made?.ok) outcome.unreadable.push(file.name);
        else {
          // Two files with the same bytes make the same images: stored once (checked and marked with
          // no await in between, so two lanes cannot both write them). Which of the two is kept is
          // decided below, in the order the files were chosen, not by which lane finished first.
          if (!stored.has(made.original)) {
            stored.add(made.original);
            await blobTable(db).bulkPut([
              { hash: made.displayHash, bytes: new Uint8Array(made.display), type: 'image/jpeg' },
              { hash: made.thumbHash, bytes: new Uint8Array(made.thumb), type: 'image/jpeg' },
            ]);
          }
          results[index] = { original: made.original, display: made.displayHash, thumb: made.thumbHash, dhash: made.dhash, width: made.width, height: made.height, name: file.name.slice(0, 255) };
        }
      }
      onProgress(++done, files.length);
    }
  };
  try {
    await Promise.all(workers.map(runOn));
  } finally {
    for (const w of workers) w.terminate();
  }
  // In the order the files were chosen, whichever worker finished first: the first file of some
  // bytes is kept, a later one with the same bytes is a duplicate.
  const kept = new Set<string>();
  for (const [index, photo] of results.entries()) {
    if (photo === null) continue;
    if (kept.has(photo.original)) outcome.duplicates.push(files[index]!.name);
    else {
      kept.add(photo.original);
      outcome.photos.push(photo);
    }
  }
  return outcome;
}

function processOn(worker: PhotoWorkerLike, job: PhotoJob): Promise<PhotoJobResult> {
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<PhotoJobResult>) => {
      if (event.data.id === job.id) resolve(event.data);
    };
    worker.onerror = () => resolve({ id: job.id, ok: false });
    worker.postMessage(job, [job.bytes]);
  });
}
