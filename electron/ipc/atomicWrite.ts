import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BridgeFs } from './types';

/**
 * Writes `data` to `target` so that `target` is either the complete new file or untouched: the bytes
 * go to a temporary file in the same folder (same drive, so the rename cannot turn into a copy),
 * then the temporary file is renamed over the target. A full USB drive mid-write therefore never
 * leaves a truncated spreadsheet under the name the person chose, nor destroys the previous one.
 */
export async function writeFileAtomically(fs: BridgeFs, target: string, data: Uint8Array): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    // 'wx': never reuse an existing file, in case the random name collides with something real.
    await fs.writeFile(temporary, data, { flag: 'wx' });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => {
      // The original error is the one worth reporting; a leftover .partial file is harmless.
    });
    throw error;
  }
}
