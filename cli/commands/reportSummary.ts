import type { Org } from '../../shared/domain/org';
import type { ReportingRound, StatReport, Target } from '../../shared/domain/stats';
import type { CountySummaryInput } from '../../shared/report/countySummary';
import type { SyncStateReader } from '../../shared/sync/access';
import { liveRows } from '../../shared/sync/validate';

/**
 * The data `report` summarises, read from a merged store: complete, undeleted rows, as the app
 * shows them, and the county's control ratios.
 */
export async function storeContents(store: SyncStateReader): Promise<Pick<CountySummaryInput, 'orgs' | 'rounds' | 'reports'> & { targets: Target[] }> {
  return {
    orgs: liveRows<Org>('org', await store.allRows('org')),
    rounds: liveRows<ReportingRound>('round', await store.allRows('round')),
    reports: liveRows<StatReport>('statReport', await store.allRows('statReport')),
    targets: liveRows<Target>('target', await store.allRows('target')),
  };
}
