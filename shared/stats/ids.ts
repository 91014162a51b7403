import type { RowIdRule } from '../sync/row';

/**
 * The id of an organisation's report in a round: `<round id>:<organisation id>`. The same on every
 * PC, so two PCs that start the same report write the same row and merge it. Every write of a
 * report, and every lookup of its history, goes through this function.
 */
export function reportId(roundId: string, orgId: string): string {
  return `${roundId}:${orgId}`;
}

/*
 * THE DEMO'S FORMER SCHEME. Until issue 12 the demo county wrote its reports as
 * `demo-report-<period>-<organisation code>` (`demo-report-2025-LT-01-013`) while the app wrote
 * `<round id>:<organisation id>`. Changes are immutable and carry their row id, and PCs that have
 * not upgraded keep writing the old ids, so the old ids are not rewritten anywhere: every build
 * from this one on reads them as the report they always meant — the demo round of that period is
 * `demo-round-<period>` and the demo organisation of that code is `demo-<code>` — wherever changes
 * are merged into rows and wherever a row's history is looked up (docs/FORMATS.md, "Report ids").
 * Both directions are pure text rules, so every PC maps every id the same way, whatever it holds.
 */
const PERIOD = String.raw`\d{4}(?:H[12]|Q[1-4]|M(?:0[1-9]|1[0-2]))?`;
const CODE = String.raw`[A-Z]{2,4}(?:-[0-9A-Z]{1,4})*`;
const OLD_DEMO_REPORT = new RegExp(`^demo-report-(${PERIOD})-(${CODE})$`);
const DEMO_REPORT = new RegExp(`^demo-round-(${PERIOD}):demo-(${CODE})$`);

/** The report an id means: an old demo id becomes `demo-round-<period>:demo-<code>`; any other id is itself. */
export function canonicalReportId(id: string): string {
  const old = OLD_DEMO_REPORT.exec(id);
  return old ? reportId(`demo-round-${old[1]}`, `demo-${old[2]}`) : id;
}

/** The other ids changes may name a report by (its old demo id), for looking up its history. */
export function reportIdAliases(id: string): string[] {
  const demo = DEMO_REPORT.exec(canonicalReportId(id));
  return demo ? [`demo-report-${demo[1]}-${demo[2]}`] : [];
}

/** The statReport table's row-id rule (tables.ts), which the registry hands to the sync core. */
export const REPORT_ROW_IDS: RowIdRule = { canonical: canonicalReportId, aliases: reportIdAliases };
