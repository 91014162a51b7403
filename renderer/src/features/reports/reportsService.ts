import type { AnyFigure, ReportingRound } from '../../../../shared/domain/stats';
import type { StatsModel } from '../../../../shared/stats/model';
import { templateWrites, type TemplateStore } from '../../../../shared/stats/writes';
import { withWrittenUnderId } from '../../store/statsWrites';
import type { Store } from '../../store/store';

/**
 * The writes that store a filled template's rows (organisation code → figures) in one round: the
 * grid's command (shared/stats/writes.ts, templateWrites), against the reports as the model holds
 * them plus what old report ids need (store/statsWrites.ts). Rows naming no organisation here are
 * left out; reports no longer open for editing are counted as locked.
 */
export async function templateStoreWrites(
  store: Store,
  data: Pick<StatsModel, 'orgs' | 'reports'>,
  round: ReportingRound,
  rows: readonly { code: string; values: Partial<Record<AnyFigure, number | null>> }[],
): Promise<TemplateStore> {
  const byCode = new Map(data.orgs.map((o) => [o.code, o]));
  const reports = new Map(data.reports.filter((r) => r.roundId === round.id).map((r) => [r.orgId, r]));
  const orgs = rows.map((row) => byCode.get(row.code)).filter((org) => org !== undefined);
  const targets = await withWrittenUnderId(
    store.db,
    orgs.map((org) => ({ round, org, report: reports.get(org.id) })),
  );
  return templateWrites(round, new Map(targets.map((target) => [target.org.code, target])), rows);
}
