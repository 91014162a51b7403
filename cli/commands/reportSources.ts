import { generateDemoCounty } from '../../shared/demo/luntai';
import { DEMO_FACTS } from '../../shared/demo/summary';
import { targetLookup, type CountySummaryInput } from '../../shared/stats/report/countySummary';
import { decodeBundle } from '../../shared/sync/bundle/index';
import { applyImport, planImport } from '../../shared/sync/import';
import { memoryAccess } from '../../shared/sync/memoryAccess';
import { writeLines } from '../io';
import { readFileOrReport, reportRefusal } from './bundleSupport';
import type { CommandContext } from './command';
import { storeContents } from './reportSummary';

/** What a report is built from: one county's organisations, rounds and reports, and its control ratios. */
export type ReportSource = Pick<CountySummaryInput, 'orgs' | 'rounds' | 'reports' | 'targetFor'> & { countyCode: string };

/**
 * The demo county, exactly as a newcomer's app holds it after "load the demo". It has no target
 * rows; the 2023 defaults still apply to any organisation with a school level.
 */
export function demoSource(): ReportSource {
  const demo = generateDemoCounty();
  return { ...demo, countyCode: DEMO_FACTS.countyCode, targetFor: targetLookup(demo.orgs, []) };
}

/**
 * Imports every file into one in-memory store, exactly as the app imports them (planImport /
 * applyImport over memoryAccess). All files must be bundles of one county (the first file's); any
 * refused file, or two files disagreeing about one change, stops the report: a summary over part
 * of the data would look complete and be wrong. Nothing is stored, and importing is idempotent, so
 * a file given twice changes nothing.
 */
export async function bundleSource({ io, t, lang, registry }: CommandContext, files: readonly string[]): Promise<ReportSource | null> {
  const store = memoryAccess({ tables: registry.tables });
  let county: string | undefined;
  for (const file of files) {
    const bytes = readFileOrReport(io, t, file);
    if (!bytes) return null;
    const decoded = await decodeBundle(bytes, { tables: registry.tables, ...(county === undefined ? {} : { expectedCounty: county }) });
    if (!decoded.ok) {
      reportRefusal(io, t, lang, decoded, file);
      return null;
    }
    county ??= decoded.manifest.county.code;
    const { sender } = decoded.manifest;
    const plan = await planImport(decoded.changes, store, { now: Date.now(), senderScope: sender.scope, senderAuthor: sender.account });
    if (plan.refused) {
      writeLines(io.stderr, [t('report.importRefused', { file, ids: plan.sameIdDifferentContent.slice(0, 3).join(', ') })]);
      return null;
    }
    await applyImport(plan, store);
  }
  if (county === undefined) return null;
  const { targets, ...contents } = await storeContents(store);
  return { ...contents, countyCode: county, targetFor: targetLookup(contents.orgs, targets) };
}
