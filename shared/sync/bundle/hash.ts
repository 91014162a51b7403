/** Lower-case hex sha-256 of some bytes, through the host's Web Crypto (Chromium and Node alike). */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  // Web Crypto takes views of plain ArrayBuffers only; bundle bytes never live in a SharedArrayBuffer,
  // and copying one that did keeps the function total.
  const plain = data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : data.slice();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', plain));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
