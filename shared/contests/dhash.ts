/*
 * Difference hash (dHash) for spotting a photo sent twice as a resized or recompressed copy: the
 * picture shrunk to 9×8 grey pixels, one bit per pair of horizontal neighbours (is the left one
 * brighter?). Scaling and JPEG recompression keep those gradients, so copies differ in a few of
 * the 64 bits while different photos differ in about half.
 */

/** 64-bit dHash as 16 hex digits, from a 9×8 greyscale image (row-major, 72 values 0–255). */
export function dhashFromGrey9x8(grey: ArrayLike<number>): string {
  if (grey.length !== 72) throw new RangeError(`dHash needs 9×8 = 72 grey values, got ${grey.length}`);
  let hex = '';
  for (let y = 0; y < 8; y++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (grey[y * 9 + x]! > grey[y * 9 + x + 1]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** ITU-R BT.601 luma of RGBA pixels, averaged over the area each of the 9×8 cells covers. */
export function greyCells9x8(rgba: ArrayLike<number>, width: number, height: number): number[] {
  const out: number[] = [];
  for (let cy = 0; cy < 8; cy++) {
    const y0 = Math.floor((cy * height) / 8);
    const y1 = Math.max(y0 + 1, Math.floor(((cy + 1) * height) / 8));
    for (let cx = 0; cx < 9; cx++) {
      const x0 = Math.floor((cx * width) / 9);
      const x1 = Math.max(x0 + 1, Math.floor(((cx + 1) * width) / 9));
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y1 && y < height; y++) {
        for (let x = x0; x < x1 && x < width; x++) {
          const i = (y * width + x) * 4;
          sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
          n++;
        }
      }
      out.push(n === 0 ? 0 : sum / n);
    }
  }
  return out;
}

export function hammingDistance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i += 4) {
    let x = (parseInt(a.slice(i, i + 4) || '0', 16) ^ parseInt(b.slice(i, i + 4) || '0', 16)) >>> 0;
    while (x) {
      bits += x & 1;
      x >>>= 1;
    }
  }
  return bits;
}
