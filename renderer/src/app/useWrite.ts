import { useState } from 'react';
import type { WriteSpec } from '../../../shared/sync/write';
import { describeStoreError } from '../store/errors';
import { useNotify, useStore } from './context';

/**
 * The last step of a form or dialog that saves: write through the repository while `busy` (the
 * dialog's buttons and its closing wait), then `onWritten` (say so, close). If the write fails, the
 * person reads why in their language, and the form stays as it was for another try. Nothing to
 * write goes straight to `onWritten`.
 */
export function useWrite(): {
  busy: boolean;
  /** Resolves true once written and `onWritten` has run. */
  write(writes: readonly WriteSpec[], onWritten: () => void, options?: { stayOpen?: boolean }): Promise<boolean>;
} {
  const store = useStore();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function write(writes: readonly WriteSpec[], onWritten: () => void, options: { stayOpen?: boolean } = {}): Promise<boolean> {
    setBusy(true);
    try {
      if (writes.length > 0) await store.repo.write([...writes]);
    } catch (error) {
      notify(describeStoreError(error));
      setBusy(false);
      return false;
    }
    // A dialog that closes keeps its buttons disabled until it is gone; a form that stays open
    // takes input again.
    if (options.stayOpen) setBusy(false);
    onWritten();
    return true;
  }
  return { busy, write };
}
