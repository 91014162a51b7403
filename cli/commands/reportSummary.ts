import type { Org } from '../../shared/domain/org';
import type { ReportingRound, StatReport, Target } from '../../shared/domain/stats';
import type { CountySummaryInput } from '../../shared/stats/report/countySummary';
import type { SyncStateReader } from '../../shared/sync/access';
import { liveRows } from '../../shared/sync/validate';
import { ORG_TABLE } from '../../shared/orgs/tables';
import { ROUND_TABLE, STAT_REPORT_TABLE, TARGET_TABLE } from '../../shared/stats/tables';

/**
 * The data `report` summarises, read from a merged store: complete, undeleted rows, as the app
 * shows them, and the county's control ratios.
 */
export async function storeContents(store: SyncStateReader): Promise<Pick<CountySummaryInput, 'orgs' | 'rounds' | 'reports'> & { targets: Target[] }> {
  return {
    orgs: liveRows<Org>(ORG_TABLE, await store.allRows('org')),
    rounds: liveRows<ReportingRound>(ROUND_TABLE, await store.allRows('round')),
    reports: liveRows<StatReport>(STAT_REPORT_TABLE, await store.allRows('statReport')),
    targets: liveRows<Target>(TARGET_TABLE, await store.allRows('target')),
  };
}
