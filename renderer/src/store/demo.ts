import { generateDemoCounty } from '../../../shared/demo/luntai';
import { demoWriteSpecs } from '../../../shared/sync/bundle/demo';
import type { Store } from './store';

/**
 * Loads the demo county (Luntai's published figures) through the repository, so it is ordinary
 * data with a change log, exactly as if it had been typed in; one transaction, all or nothing.
 * The writes are the same ones `league-desk demo --out` puts in its bundle.
 */
export async function loadDemoCounty(store: Store): Promise<void> {
  await store.repo.write(demoWriteSpecs(generateDemoCounty()), [{ key: 'setup', value: 'demo' }]);
}

export async function startEmpty(store: Store): Promise<void> {
  await store.db.meta.put({ key: 'setup', value: 'empty' });
}
