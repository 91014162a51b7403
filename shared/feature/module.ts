import type { DemoCounty } from '../demo/luntai';
import type { Org } from '../domain/org';
import type { ReportKind } from './reports';
import type { SyncedTableDef } from '../sync/tables';
import type { TableRule } from '../trust/rules';
import type { WriteSpec } from '../sync/write';

/*
 * What a feature declares about itself, in one place (docs/ARCHITECTURE.md, "Features"). A feature
 * is a folder pair — `shared/<feature>` (rows, rules, writes, demo data, report kinds) and
 * `renderer/src/features/<feature>` (pages, routes, navigation) — and one registration line in the
 * composition root (shared/app/registry.ts). The cores (shared/sync, shared/trust, the store) are
 * handed what the features declare and name none of them.
 */

/** A synced table as its feature declares it: what the sync core needs, and how the app stores it. */
export interface FeatureTable extends SyncedTableDef {
  /**
   * Its IndexedDB indexes (Dexie's syntax), by the database schema version that set them:
   * `{ 1: 'id, roundId, orgId', 6: 'id, roundId' }`. renderer/src/store/db.ts makes every schema
   * version from these, so a version once shipped is never edited: a change of indexes, or a new
   * table, comes with a version number above every one shipped.
   */
  readonly indexes: Readonly<Record<number, string>>;
  /**
   * Who may write it (shared/trust/rules.ts), written in the feature's `rules.ts` from the pieces in
   * shared/trust/ruleParts.ts. The registry hands every table's rule to the trust core.
   */
  readonly rule: TableRule;
}

export interface FeatureModule {
  /** The feature's folder name (`shared/<name>`). */
  readonly name: string;
  /** Its synced tables; table names are global and never change (no data migration renames one). */
  readonly tables: readonly FeatureTable[];
  /**
   * Its part of the demo county, as writes to its tables; `county` is the demo's home county. Pure
   * and seeded: every PC, and `league-desk demo --out`, writes the same rows.
   */
  demo?(demo: DemoCounty, county: Org): WriteSpec[];
  /** The reports it offers on the command line (shared/feature/reports.ts), in the order `--kind` lists them. */
  readonly reports?: readonly ReportKind[];
}
