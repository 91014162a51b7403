import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../shared/sync/bundle/crc32';
import { readEntry } from '../../../shared/sync/bundle/zipInflate';
import { readZipDirectory, type ZipEntry } from '../../../shared/sync/bundle/zipRead';
import { assembleZip, prepareEntry } from '../../../shared/sync/bundle/zipWrite';
import { createPrng } from '../../../shared/demo/prng';
import { utf8 } from './bundleFixtures';
import { concat, duplicateCentralEntry, layout, patch } from './zipPatch';

const noise = createPrng(0x5eed);
const FILES = {
  'manifest.json': utf8('{"hello":"world"}\n'),
  'changes.ndjson': utf8(Array.from({ length: 500 }, (_, i) => `{"line":${i},"text":"${(i * 7919).toString(36)}"}\n`).join('')),
  'blobs/empty': new Uint8Array(0),
  '轮台/ئۈرۈمچى.txt': utf8('non-ASCII names, flagged UTF-8'),
  'random.bin': Uint8Array.from({ length: 5000 }, () => noise.nextUint32() & 0xff),
};

function read(zip: Uint8Array): Record<string, Uint8Array> {
  const directory = readZipDirectory(zip);
  if (!directory.ok) throw new Error(`${directory.reason}: ${directory.detail.problem}`);
  const out: Record<string, Uint8Array> = {};
  for (const entry of directory.entries) {
    const data = readEntry(zip, entry);
    if (!data.ok) throw new Error(`${data.reason}: ${data.detail.problem}`);
    out[entry.name] = data.data;
  }
  return out;
}

function reasonOf(zip: Uint8Array): string {
  const directory = readZipDirectory(zip);
  if (!directory.ok) return directory.reason;
  for (const entry of directory.entries) {
    const data = readEntry(zip, entry);
    if (!data.ok) return data.reason;
  }
  return 'ok';
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the plain byte-at-a-time CRC on every length and alignment, and continues over parts', () => {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const plain = (data: Uint8Array) => {
      let c = 0xffffffff;
      for (const byte of data) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const prng = createPrng(32);
    const data = Uint8Array.from({ length: 1000 }, () => prng.nextUint32() & 0xff);
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= 1000; end += end < 40 ? 1 : 37) {
        const part = data.subarray(start, end);
        expect(crc32(part)).toBe(plain(part));
        const cut = start + Math.floor((end - start) / 3);
        expect(crc32(data.subarray(cut, end), crc32(data.subarray(start, cut)))).toBe(plain(part));
      }
    }
    expect(crc32(new Uint8Array(1 << 20).fill(0xff))).toBe(plain(new Uint8Array(1 << 20).fill(0xff)));
  });
});

describe('the zip reader on zips fflate wrote', () => {
  it.each([0, 1, 6, 9] as const)('reads every entry back at deflate level %i', (level) => {
    const zip = zipSync(FILES, { level, mtime: new Date('2025-06-01T12:00:00Z') });
    expect(read(zip)).toEqual(FILES);
  });

  it('reads a zip whose entries carry extra fields and comments', () => {
    const zip = zipSync({ 'a.txt': [utf8('aaa'), { extra: { 0x7075: utf8('xyz') }, comment: 'a comment' }], 'b.txt': utf8('b') });
    expect(read(zip)).toEqual({ 'a.txt': utf8('aaa'), 'b.txt': utf8('b') });
  });

  it('reads a zip with an archive comment, and one held in a larger buffer at an offset', () => {
    const zip = zipSync({ 'a.txt': utf8('aaa') });
    const comment = utf8('written by hand; PK\u0005\u0006 inside a comment must not confuse the reader');
    const commented = concat(zip, comment);
    new DataView(commented.buffer).setUint16(zip.length - 2, comment.length, true);
    expect(read(commented)).toEqual({ 'a.txt': utf8('aaa') });

    const padded = concat(new Uint8Array(7), zip, new Uint8Array(5));
    expect(read(padded.subarray(7, 7 + zip.length))).toEqual({ 'a.txt': utf8('aaa') });
  });

  it('reads the empty zip', () => {
    expect(read(zipSync({}))).toEqual({});
  });
});

describe('the zip writer', () => {
  const entries = Object.entries(FILES).map(([name, data]) => prepareEntry(name, data));
  const zip = assembleZip(entries);

  it('writes zips fflate reads back', () => {
    expect(unzipSync(zip)).toEqual(FILES);
    expect(read(zip)).toEqual(FILES);
  });

  it('is deterministic: same entries, same bytes', () => {
    expect(assembleZip(Object.entries(FILES).map(([name, data]) => prepareEntry(name, data)))).toEqual(zip);
  });

  it('stores an entry that would deflate past 100×, and one deflate does not shrink', () => {
    const zeros = prepareEntry('zeros', new Uint8Array(1_000_000));
    expect(zeros.method).toBe(0);
    const random = prepareEntry('noise', FILES['random.bin']);
    expect(random.method).toBe(0);
    const json = prepareEntry('json', FILES['changes.ndjson']);
    expect(json.method).toBe(8);
    expect(json.body.length).toBeLessThan(json.size);
  });

  // An independent check of the format when Info-ZIP is installed (it is on the CI image and most Linux PCs).
  const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
  it.runIf(unzip.status === 0)('passes `unzip -t`', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'league-desk-zip-'));
    try {
      const file = path.join(dir, 'test.zip');
      writeFileSync(file, zip);
      const result = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(result.stdout).toContain('No errors detected');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the zip reader refuses', () => {
  const two = zipSync({ 'a.txt': [utf8('first entry'), { level: 0 }], 'b.txt': [utf8('second entry'), { level: 0 }] });
  const deflated = zipSync({ 'a.txt': utf8('abc'.repeat(300)) }, { level: 6 });

  it('what is not a zip', () => {
    expect(reasonOf(new Uint8Array(0))).toBe('not-a-zip');
    expect(reasonOf(utf8('%PDF-1.7 this is a PDF'))).toBe('not-a-zip');
    expect(reasonOf(new Uint8Array(100_000).fill(0x50))).toBe('not-a-zip');
  });

  it('a zip cut short, wherever the cut', () => {
    for (let length = 4; length < two.length; length += 7) {
      expect(reasonOf(two.subarray(0, length)), `cut at ${length}`).toBe('truncated');
    }
  });

  it('bytes after the end record, or before the zip', () => {
    expect(reasonOf(concat(two, utf8('junk')))).toBe('not-a-zip');
    expect(reasonOf(concat(utf8('junk'), two))).toBe('not-a-zip');
  });

  it('zip64, multi-disk, encrypted entries and other compression methods', () => {
    expect(reasonOf(patch(two, (v, at) => v.setUint32(at.end + 16, 0xffffffff, true)))).toBe('unknown-format');
    expect(reasonOf(patch(two, (v, at) => v.setUint16(at.end + 4, 1, true)))).toBe('unknown-format');
    expect(reasonOf(patch(two, (v, at) => v.setUint32(at.central[0]! + 24, 0xffffffff, true)))).toBe('unknown-format');
    expect(reasonOf(patch(two, (v, at) => v.setUint16(at.central[1]! + 8, 0x0801, true)))).toBe('unknown-format');
    const bzip2 = patch(two, (v, at) => {
      v.setUint16(at.central[0]! + 10, 12, true);
      v.setUint16(at.local[0]! + 8, 12, true);
    });
    expect(reasonOf(bzip2)).toBe('unknown-format');
  });

  it('a local header that disagrees with the central directory', () => {
    expect(reasonOf(patch(two, (v, at) => v.setUint8(at.local[1]! + 30, 'c'.charCodeAt(0))))).toBe('not-a-zip');
    expect(reasonOf(patch(two, (v, at) => v.setUint32(at.local[0]! + 14, 1234, true)))).toBe('not-a-zip');
    expect(reasonOf(patch(two, (v, at) => v.setUint32(at.central[1]! + 42, 3, true)))).toBe('not-a-zip');
  });

  it('two directory entries for one local header (the overlap behind the worst zip bombs)', () => {
    expect(reasonOf(duplicateCentralEntry(two, 0))).toBe('compression-bomb');
  });

  it('an entry whose data claims to run over the next entry', () => {
    const overlapping = patch(two, (v, at) => {
      // The data-descriptor flag lets the local header leave sizes to the central directory.
      v.setUint16(at.local[0]! + 6, 0x0008, true);
      v.setUint16(at.central[0]! + 8, 0x0008, true);
      v.setUint32(at.central[0]! + 20, v.getUint32(at.central[0]! + 20, true) + 20, true);
      v.setUint32(at.central[0]! + 24, v.getUint32(at.central[0]! + 24, true) + 20, true);
    });
    expect(reasonOf(overlapping)).toBe('compression-bomb');
  });

  it('stored data that fails its CRC-32', () => {
    const at = layout(two);
    const broken = two.slice();
    const data = at.local[0]! + 30 + 'a.txt'.length;
    broken[data] = broken[data]! ^ 0x01;
    expect(reasonOf(broken)).toBe('hash-mismatch');
  });

  it('deflate data that is corrupt or cut short', () => {
    const at = layout(deflated);
    const data = at.local[0]! + 30 + 'a.txt'.length;
    const corrupt = deflated.slice();
    corrupt[data] = 0xff; // an invalid block type
    expect(reasonOf(corrupt)).toBe('hash-mismatch');
  });

  it('an entry that inflates past its declared size (a header that lies), or short of it', () => {
    const declared = (entry: ZipEntry | undefined) => entry?.size ?? 0;
    const directory = readZipDirectory(deflated);
    const size = directory.ok ? declared(directory.entries[0]) : 0;
    const lying = patch(deflated, (v, at) => {
      v.setUint32(at.central[0]! + 24, size - 1, true);
      v.setUint32(at.local[0]! + 22, size - 1, true);
    });
    expect(reasonOf(lying)).toBe('compression-bomb');
    const short = patch(deflated, (v, at) => {
      v.setUint32(at.central[0]! + 24, size + 1, true);
      v.setUint32(at.local[0]! + 22, size + 1, true);
    });
    expect(reasonOf(short)).toBe('hash-mismatch');
  });

  it('a bomb whose header understates its size, before inflating it whole', () => {
    const bomb = zipSync({ 'bomb.bin': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const lying = patch(bomb, (v, at) => {
      v.setUint32(at.central[0]! + 24, 1000, true);
      v.setUint32(at.local[0]! + 22, 1000, true);
    });
    expect(reasonOf(lying)).toBe('compression-bomb');
  });
});
