import type { StatsModel } from '../../../../shared/stats/model';
import { useStore } from '../../app/context';
import { useStatsModel } from '../../store/statsModel';

/** What the completeness bulletin reads: the statistics read model of this PC, kept live. */
export function useBulletinData(): StatsModel | undefined {
  return useStatsModel(useStore().db);
}
