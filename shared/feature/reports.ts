import type { DemoCounty } from '../demo/luntai';
import type { Lang } from '../i18n/lang';
import type { ReportTable } from '../report/table';

/**
 * A report in one language before a format is chosen: the value JSON prints, and the tables the
 * report engine writes (CSV the first table, xlsx every table as a sheet, in this order).
 */
export interface BuiltReport {
  readonly json: unknown;
  readonly tables: readonly ReportTable[];
}

/**
 * A report a feature offers (`league-desk report --kind <name>`), declared in its `reports.ts` and
 * listed in its FeatureModule; the registry composes them, so the command line lists no kind by
 * hand. shared/ reads no locale file: the caller passes both languages of the kind's namespace
 * (locales/<lang>/<namespace>.json), and the kind reads them as its messages' type.
 *
 * The statistics' county summary is the command's default and reads bundles as well as the demo
 * county, with a period and a note on stderr; it stays the command's own (cli/commands/report.ts).
 */
export interface ReportKind {
  /** The `--kind` value; never renamed (scripts name it). */
  readonly name: string;
  /** The locale namespace its messages come from. */
  readonly namespace: string;
  /** The demo county's report. */
  demo(demo: DemoCounty, lang: Lang, locales: Readonly<Record<Lang, unknown>>): BuiltReport;
}
