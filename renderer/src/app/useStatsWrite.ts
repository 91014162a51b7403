import { useCallback } from 'react';
import type { StatsWrites } from '../../../shared/stats/writes';
import { storeErrorKey } from '../store/errors';
import { useNotify, useStore } from './context';

/**
 * Writes what a statistics command (shared/stats/writes.ts) returned, or says in the person's
 * language why it refused (`stats:workflow.<reason>`). Resolves true once written (or when there was
 * nothing to write), false when refused or when the write failed (the reason is shown either way).
 */
export function useStatsWrite(): (result: StatsWrites) => Promise<boolean> {
  const store = useStore();
  const notify = useNotify();
  return useCallback(
    async (result: StatsWrites) => {
      if (!result.ok) {
        notify({ severity: 'error', key: `stats:workflow.${result.reason}` });
        return false;
      }
      if (result.writes.length === 0) return true;
      try {
        await store.repo.write(result.writes);
        return true;
      } catch (error) {
        notify({ severity: 'error', key: storeErrorKey(error) });
        return false;
      }
    },
    [store, notify],
  );
}
