import type { DemoCounty } from '../demo/luntai';
import type { WriteSpec } from '../sync/write';
import { ORG_TABLE } from './tables';

/** The demo county's organisations, as writes, each scoped to its own code. */
export function orgsDemoWriteSpecs(demo: DemoCounty): WriteSpec[] {
  return demo.orgs.map(({ id, ...fields }) => ({ table: ORG_TABLE.name, row: id, fields, scope: fields.code }));
}
