import type { DemoCounty } from '../demo/luntai';
import { homeCounty } from '../orgs/home';
import { syncTables, type SyncTables } from '../sync/tables';
import type { WriteSpec } from '../sync/write';
import { ruleRegistry, type RuleRegistry } from '../trust/rules';
import type { FeatureModule, FeatureTable } from './module';
import type { ReportKind } from './reports';

/** Everything the features declare, composed for the cores, the store, the command line and the shell. */
export interface Registry {
  readonly features: readonly FeatureModule[];
  /** Every synced table, in the order the features were registered. */
  readonly tables: SyncTables<FeatureTable>;
  /** Every table's authorization rule, for the trust core (shared/trust/authorize.ts). */
  readonly rules: RuleRegistry;
  /** The demo county as writes: each feature's part, in the order the features were registered. */
  demoWrites(demo: DemoCounty): WriteSpec[];
  /** Every feature's report kinds, in the order the features were registered; names are unique. */
  readonly reports: readonly ReportKind[];
}

/** Composes features into a registry. The app has one (shared/app/registry.ts); tests make their own. */
export function composeRegistry(features: readonly FeatureModule[]): Registry {
  const reports = features.flatMap((f) => f.reports ?? []);
  const names = reports.map((r) => r.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`two features offer a report kind named ${twice}`);
  return {
    reports,
    features: [...features],
    tables: syncTables(features.flatMap((f) => f.tables)),
    rules: ruleRegistry(Object.fromEntries(features.flatMap((f) => f.tables.map((t) => [t.name, t.rule])))),
    demoWrites(demo) {
      const county = homeCounty(demo.orgs);
      if (!county) throw new Error('the demo county has no county committee');
      return features.flatMap((f) => f.demo?.(demo, county) ?? []);
    },
  };
}
