/**
 * Byte-level surgery on small zips, to build the hostile archives no zip library will write:
 * offsets of the end record, of each central directory entry and each local header.
 */
export interface ZipLayout {
  end: number;
  central: number[];
  local: number[];
}

export function layout(zip: Uint8Array): ZipLayout {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end record');
  const count = view.getUint16(end + 10, true);
  const central: number[] = [];
  const local: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    central.push(at);
    local.push(view.getUint32(at + 42, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { end, central, local };
}

export function patch(zip: Uint8Array, edit: (view: DataView, at: ZipLayout) => void): Uint8Array {
  const copy = zip.slice();
  edit(new DataView(copy.buffer), layout(copy));
  return copy;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The central directory entry at index `i` repeated, with the end record counting it. */
export function duplicateCentralEntry(zip: Uint8Array, i: number): Uint8Array {
  const at = layout(zip);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const start = at.central[i]!;
  const length = 46 + view.getUint16(start + 28, true) + view.getUint16(start + 30, true) + view.getUint16(start + 32, true);
  const out = concat(zip.subarray(0, at.end), zip.subarray(start, start + length), zip.subarray(at.end));
  const v = new DataView(out.buffer);
  const end = at.end + length;
  v.setUint16(end + 8, v.getUint16(end + 8, true) + 1, true);
  v.setUint16(end + 10, v.getUint16(end + 10, true) + 1, true);
  v.setUint32(end + 12, v.getUint32(end + 12, true) + length, true);
  return out;
}
