import { contestsFeature } from '../contests/feature';
import { devicesFeature } from '../devices/feature';
import { composeRegistry } from '../feature/registry';
import { jobsFeature } from '../jobs/feature';
import { orgsFeature } from '../orgs/feature';
import { statsFeature } from '../stats/feature';

/*
 * The composition root: the one place that lists the app's features, and through them its synced
 * tables. The sync core, the trust rules, the store, the command line and the shell are handed
 * this registry (docs/ARCHITECTURE.md, "Adding a feature"). The order is the order tables are
 * shown and the demo county is written in; it is part of the demo bundle's bytes.
 */
export const APP_REGISTRY = composeRegistry([orgsFeature, statsFeature, jobsFeature, contestsFeature, devicesFeature]);

/** The app's synced tables, for the sync core. */
export const APP_TABLES = APP_REGISTRY.tables;
