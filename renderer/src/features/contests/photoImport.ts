import type { EntryPhoto } from '../../../../shared/contests/rows';
import type { OpenedFile } from '../../../../shared/bridge';
import { blobTable } from '../../store/blobs';
import type { LeagueDeskDb } from '../../store/db';
import type { PhotoJob, PhotoJobResult } from './photoWorker';

export interface PhotoImportOutcome {
  photos: EntryPhoto[];
  /** Files whose bytes are already a photo of this contest (or twice in this batch): refused. */
  duplicates: string[];
  /** Files that are not a JPEG or PNG the browser can decode. */
  unreadable: string[];
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

/**
 * Imports photos: the workers hash each file (sha-256) and make the display copy, thumbnail and
 * dHash; a file whose bytes this contest already holds is refused; the two images of the others are
 * stored once each in the blobs table by their own hash. Each worker gets one file at a time (a
 * copy, transferred), so the copies in flight stay few; progress is reported after each file.
 */
export async function importPhotos(
  db: LeagueDeskDb,
  files: readonly OpenedFile[],
  takenOriginals: ReadonlySet<string>,
  onProgress: (done: number, total: number) => void,
): Promise<PhotoImportOutcome> {
  const outcome: PhotoImportOutcome = { photos: [], duplicates: [], unreadable: [] };
  const seen = new Set(takenOriginals);
  const workers = Array.from({ length: Math.min(WORKERS, files.length) }, () => new Worker(new URL('./photoWorker.ts', import.meta.url), { type: 'module' }));
  let next = 0;
  let done = 0;
  let jobId = 0;
  const results: (EntryPhoto | null)[] = new Array(files.length).fill(null);
  const runOn = async (worker: Worker) => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const type = imageType(file.data);
      const made = type ? await processOn(worker, { id: ++jobId, bytes: file.data.slice().buffer, type }) : null;
      // Checked and marked with no await in between, so two workers cannot both keep one file.
      if (made?.ok && seen.has(made.original)) outcome.duplicates.push(file.name);
      else if (!made?.ok) outcome.unreadable.push(file.name);
      else {
        seen.add(made.original);
        await blobTable(db).bulkPut([
          { hash: made.displayHash, bytes: new Uint8Array(made.display), type: 'image/jpeg' },
          { hash: made.thumbHash, bytes: new Uint8Array(made.thumb), type: 'image/jpeg' },
        ]);
        results[index] = { original: made.original, display: made.displayHash, thumb: made.thumbHash, dhash: made.dhash, width: made.width, height: made.height, name: file.name.slice(0, 255) };
      }
      onProgress(++done, files.length);
    }
  };
  try {
    await Promise.all(workers.map(runOn));
  } finally {
    for (const w of workers) w.terminate();
  }
  // In the order the files were chosen, whichever worker finished first.
  outcome.photos = results.filter((p): p is EntryPhoto => p !== null);
  return outcome;
}

function processOn(worker: Worker, job: PhotoJob): Promise<PhotoJobResult> {
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<PhotoJobResult>) => {
      if (event.data.id === job.id) resolve(event.data);
    };
    worker.onerror = () => resolve({ id: job.id, ok: false });
    worker.postMessage(job, [job.bytes]);
  });
}
