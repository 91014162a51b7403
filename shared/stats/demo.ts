import type { DemoCounty } from '../demo/luntai';
import type { Org } from '../domain/org';
import type { WriteSpec } from '../sync/write';
import { ROUND_TABLE, STAT_REPORT_TABLE } from './tables';

/** The demo county's round (scoped to the county) and its reports (each scoped to its organisation). */
export function statsDemoWriteSpecs(demo: DemoCounty, county: Org): WriteSpec[] {
  const codeOf = new Map(demo.orgs.map((o) => [o.id, o.code]));
  return [
    ...demo.rounds.map(({ id, ...fields }) => ({ table: ROUND_TABLE.name, row: id, fields, scope: county.code })),
    ...demo.reports.map(({ id, ...fields }) => ({ table: STAT_REPORT_TABLE.name, row: id, fields, scope: codeOf.get(fields.orgId) ?? county.code })),
  ];
}
