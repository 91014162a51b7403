import { generateDemoCounty } from '../../../shared/demo/luntai';
import type { Store } from './store';
import type { WriteSpec } from './repository';

/**
 * Loads the demo county (Luntai's published figures) through the repository, so it is ordinary
 * data with a change log, exactly as if it had been typed in; one transaction, all or nothing.
 */
export async function loadDemoCounty(store: Store): Promise<void> {
  const demo = generateDemoCounty();
  const codeOf = new Map(demo.orgs.map((o) => [o.id, o.code]));
  const county = demo.orgs.find((o) => o.kind === 'county');
  if (!county) throw new Error('demo county without a county committee');
  const specs: WriteSpec[] = [
    ...demo.orgs.map(({ id, ...fields }) => ({ table: 'org' as const, row: id, fields, scope: codeOf.get(id)! })),
    ...demo.rounds.map(({ id, ...fields }) => ({ table: 'round' as const, row: id, fields, scope: county.code })),
    ...demo.reports.map(({ id, ...fields }) => ({
      table: 'statReport' as const,
      row: id,
      fields,
      scope: codeOf.get(fields.orgId) ?? county.code,
    })),
  ];
  await store.repo.write(specs, [{ key: 'setup', value: 'demo' }]);
}

export async function startEmpty(store: Store): Promise<void> {
  await store.db.meta.put({ key: 'setup', value: 'empty' });
}
