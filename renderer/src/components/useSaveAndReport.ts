import { useCallback } from 'react';
import type { SaveResult } from '../../../shared/bridge';
import { useNotify } from '../app/context';

/** Tells the person how a save ended: checked on the drive, saved where it could not be checked, or why not. */
export function useSaveReport() {
  const notify = useNotify();
  return useCallback(
    (result: SaveResult) => {
      if (result.status === 'saved') {
        notify(
          result.verified
            ? { severity: 'success', key: 'sync:saved.verified', values: { path: result.path } }
            : { severity: 'info', key: 'sync:saved.unverified', values: { path: result.path } },
        );
      } else if (result.status === 'error') {
        notify({ severity: 'error', key: `errors:bridge.${result.reason}` });
      }
    },
    [notify],
  );
}
