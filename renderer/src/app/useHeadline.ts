import { useMemo } from 'react';
import { headlineSummary, type Headline } from '../../../shared/stats/report/countySummary';
import type { StatsModel } from '../../../shared/stats/model';
import { useStatsModel } from '../store/statsModel';
import { useStore } from './context';
import { setRouteParams, useRouteParams, type Route } from './routes';

/**
 * The statistics a headline screen (Overview, Dashboard, Reports) shows: the read model, and the
 * round in the address (`?round=`) or the default one with its county summary (headlineSummary).
 * `headline` is null with no county or no round yet. `choose` puts a round in the address, or takes
 * it out for the default.
 */
export function useHeadline(route: Route): { model: StatsModel; headline: Headline | null; choose(roundId: string | undefined): void } | undefined {
  const store = useStore();
  const model = useStatsModel(store.db);
  const chosen = useRouteParams().get('round');
  const headline = useMemo(() => (model?.county ? headlineSummary(model, chosen) : null), [model, chosen]);
  if (!model) return undefined;
  return { model, headline, choose: (roundId) => setRouteParams(route, { round: roundId }) };
}
