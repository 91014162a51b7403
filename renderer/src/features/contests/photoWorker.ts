/// <reference lib="webworker" />
import { dhashFromGrey9x8, greyCells9x8 } from '../../../../shared/contests/dhash';
import { sha256Hex } from '../../../../shared/sync/bundle/hash';

/*
 * Decoding and scaling a 5 MB photo takes far longer than a frame, so it happens here, off the main
 * thread: createImageBitmap decodes (applying the EXIF orientation, imageOrientation 'from-image'),
 * OffscreenCanvas scales to the display copy (at most 2560 px on the long side) and the thumbnail,
 * and a 72×64 rendering gives the perceptual hash. The sha-256 digests are taken here too: Chromium
 * computes a digest on the calling thread, about 15 ms for a 5 MB photo.
 */

export const DISPLAY_MAX = 2560;
export const THUMB_MAX = 320;

export interface PhotoJob {
  id: number;
  bytes: ArrayBuffer;
  type: string;
}
export type PhotoJobResult =
  | {
      id: number;
      ok: true;
      /** sha-256 of the file as chosen, and of the two images made from it. */
      original: string;
      display: ArrayBuffer;
      displayHash: string;
      thumb: ArrayBuffer;
      thumbHash: string;
      width: number;
      height: number;
      dhash: string;
    }
  | { id: number; ok: false };

async function scaled(bitmap: ImageBitmap, max: number, quality: number): Promise<{ bytes: ArrayBuffer; width: number; height: number }> {
  const ratio = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * ratio));
  const height = Math.max(1, Math.round(bitmap.height * ratio));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  // A transparent PNG would turn black as JPEG: paper white underneath.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  return { bytes: await blob.arrayBuffer(), width, height };
}

function dhashOf(bitmap: ImageBitmap): string {
  const canvas = new OffscreenCanvas(72, 64);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, 72, 64);
  return dhashFromGrey9x8(greyCells9x8(ctx.getImageData(0, 0, 72, 64).data, 72, 64));
}

self.onmessage = async (event: MessageEvent<PhotoJob>) => {
  const { id, bytes, type } = event.data;
  try {
    const original = await sha256Hex(new Uint8Array(bytes));
    const bitmap = await createImageBitmap(new Blob([bytes], { type }), { imageOrientation: 'from-image' });
    const display = await scaled(bitmap, DISPLAY_MAX, 0.9);
    const thumb = await scaled(bitmap, THUMB_MAX, 0.8);
    const dhash = dhashOf(bitmap);
    bitmap.close();
    const [displayHash, thumbHash] = await Promise.all([sha256Hex(new Uint8Array(display.bytes)), sha256Hex(new Uint8Array(thumb.bytes))]);
    const result: PhotoJobResult = { id, ok: true, original, display: display.bytes, displayHash, thumb: thumb.bytes, thumbHash, width: display.width, height: display.height, dhash };
    (self as unknown as Worker).postMessage(result, [display.bytes, thumb.bytes]);
  } catch {
    (self as unknown as Worker).postMessage({ id, ok: false } satisfies PhotoJobResult);
  }
};
