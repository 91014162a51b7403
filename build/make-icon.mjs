// Draws build/icon.png (512×512, RGBA) for electron-builder: a red rounded square, a white report
// sheet with table rows, and a gold star. Run `node build/make-icon.mjs` after changing the drawing;
// the PNG is committed so packaging needs no image tools. Pure Node: shapes are rasterised with 4×4
// supersampling for smooth edges and the PNG is written with zlib, so the output is byte-for-byte
// reproducible.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SUPERSAMPLE = 4;

const RED = [183, 28, 28];
const WHITE = [255, 255, 255];
const ROW = [224, 200, 200];
const GOLD = [255, 196, 0];

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function starPolygon(cx, cy, outer, inner) {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return points;
}

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const STAR = starPolygon(360, 360, 92, 38);

/** Back to front; the last shape containing a point gives its colour. */
const SHAPES = [
  { color: RED, contains: (x, y) => insideRoundedRect(x, y, 16, 16, 496, 496, 100) },
  { color: WHITE, contains: (x, y) => insideRoundedRect(x, y, 120, 96, 352, 400, 22) },
  ...[168, 220, 272].map((top) => ({
    color: ROW,
    contains: (x, y) => insideRoundedRect(x, y, 156, top, 316, top + 22, 6),
  })),
  { color: RED, contains: (x, y) => insidePolygon(x, y, starPolygon(360, 360, 112, 50)) },
  { color: GOLD, contains: (x, y) => insidePolygon(x, y, STAR) },
];

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      let color = null;
      for (const shape of SHAPES) if (shape.contains(x, y)) color = shape.color;
      if (color === null) continue;
      sum[0] += color[0];
      sum[1] += color[1];
      sum[2] += color[2];
      sum[3] += 255;
    }
  }
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  const covered = sum[3] / 255;
  // Colours are averaged over covered samples only, so edges fade in alpha, not towards black.
  return covered === 0
    ? [0, 0, 0, 0]
    : [sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / samples].map(Math.round);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) rgba.set(pixel(x, y), (y * SIZE + x) * 4);
}

const target = fileURLToPath(new URL('./icon.png', import.meta.url));
writeFileSync(target, encodePng(SIZE, SIZE, rgba));
console.log(`wrote ${target}`);
