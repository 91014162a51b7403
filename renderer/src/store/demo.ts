import { generateDemoCounty } from '../../../shared/demo/luntai';
import type { Store } from './store';

/**
 * Loads the demo county (Luntai's published figures) through the repository, so it is ordinary
 * data with a change log, exactly as if it had been typed in; one transaction, all or nothing.
 * The writes are every feature's demo writes (the registry's the database was opened with), the ones `league-desk demo --out`
 * puts in its bundle.
 */
export async function loadDemoCounty(store: Store): Promise<void> {
  await store.repo.write(store.db.registry.demoWrites(generateDemoCounty()), [{ key: 'setup', value: 'demo' }]);
}

export async function startEmpty(store: Store): Promise<void> {
  await store.db.meta.put({ key: 'setup', value: 'empty' });
}
