import { generateDemoCounty } from '../../shared/demo/luntai';
import { DEMO_FACTS } from '../../shared/demo/summary';
import { targetLookup, type CountySummaryInput } from '../../shared/stats/report/countySummary';
import { decodeBundle, type DecodedBundle } from '../../shared/sync/bundle/index';
import type { Change } from '../../shared/sync/change';
import { carriedRecordProblem } from '../../shared/trust/carried';
import { isAuthorized } from '../../shared/trust/decideCarried';
import { changeHash } from '../../shared/trust/seal';
import { applyImport, planImport } from '../../shared/sync/import';
import { memoryAccess } from '../../shared/sync/memoryAccess';
import { writeLines } from '../io';
import { readFileOrReport, reportRefusal } from './bundleSupport';
import type { CommandContext } from './command';
import { storeContents } from './reportSummary';
import { decideFiles, homeLines, homeOf, writerLines, type HomeChoice } from './trustSupport';

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
 * applyImport over memoryAccess). All files must be bundles of one county: the authority's, or
 * without one the first file's. With a county authority (trustSupport.ts), every change of every
 * file is decided first, together, as the app decides an import, and only the authorized ones are
 * imported; stderr says per writing PC what was refused and why. Any refused file, or two files
 * disagreeing about one change the report would count, stops the report: a summary over part of
 * the data would look complete and be wrong. Nothing is stored, and importing is idempotent, so a
 * file given twice changes nothing.
 */
export async function bundleSource(context: CommandContext, files: readonly string[], choice: HomeChoice): Promise<ReportSource | null> {
  const { io, t, lang, registry } = context;
  const store = memoryAccess({ tables: registry.tables });
  let county = homeOf(choice)?.record.county;
  const decodedFiles: { file: string; bundle: DecodedBundle }[] = [];
  for (const file of files) {
    const bytes = readFileOrReport(io, t, file);
    if (!bytes) return null;
    const decoded = await decodeBundle(bytes, { tables: registry.tables, trustRecord: carriedRecordProblem, ...(county === undefined ? {} : { expectedCounty: county }) });
    if (!decoded.ok) {
      reportRefusal(io, t, lang, decoded, file);
      return null;
    }
    county ??= decoded.manifest.county.code;
    decodedFiles.push({ file, bundle: decoded });
  }
  const all = decodedFiles.map((d) => d.bundle);
  const decided = await decideFiles(choice, all.flatMap((b) => b.trust), all.flatMap((b) => b.changes), registry.rules);
  const refusedLines = writerLines(t, lang, decided, true);
  writeLines(io.stderr, [...homeLines(t, choice, decided.material.changes.length), ...(refusedLines.length > 0 ? [t('trust.reportRefused'), ...refusedLines] : [])]);
  const counted = (change: Change): boolean => choice.kind === 'none' || isAuthorized(decided, changeHash(change));
  for (const { file, bundle } of decodedFiles) {
    const { sender } = bundle.manifest;
    const plan = await planImport(bundle.changes.filter(counted), store, { now: Date.now(), senderScope: sender.scope, senderAuthor: sender.account });
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
