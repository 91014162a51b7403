import { pickText, type Lang } from '../../shared/i18n/lang';
import { decodeBundle } from '../../shared/sync/bundle/index';
import { applyImport, planImport } from '../../shared/sync/import';
import { memoryAccess, type MemorySyncStore } from '../../shared/sync/memoryAccess';
import type { Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLines, type CliIo } from '../io';
import { readFileOrReport, reportRefusal } from './bundleSupport';
import type { Command } from './command';
import { toCsv, type CsvCell } from './csv';
import { countySummary, type CountySummary } from './reportSummary';

const FORMATS = ['json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `league-desk report FILE… [--format json|csv]`: merges bundles in memory, exactly as the app
 * imports them (planImport/applyImport over memoryAccess), and prints the county summary of the
 * latest round with approved reports. Nothing is stored: the same files give the same report, and
 * a file given twice (or overlapping another) changes nothing, because importing is idempotent.
 */
export const reportCommand: Command = {
  name: 'report',
  summaryKey: 'commands.report',
  usageKey: 'usage.report',
  options: { format: { type: 'string', valueHint: '<json|csv>', descriptionKey: 'options.format' } },
  maxPositionals: Number.POSITIVE_INFINITY,
  async run({ io, t, lang, options, positionals }) {
    const format = options['format'] ?? 'json';
    if (!isFormat(format)) {
      writeLines(io.stderr, [t('errors.badChoice', { option: '--format', value: String(format), choices: FORMATS.join(', ') })]);
      return EXIT_USAGE;
    }
    if (positionals.length === 0) {
      writeLines(io.stderr, [t('errors.missingArgument', { argument: '<file>', command: 'report' })]);
      return EXIT_USAGE;
    }
    const merged = await mergeFiles(io, t, lang, positionals);
    if (!merged) return EXIT_FAILURE;
    const summary = await countySummary(merged.store, merged.county);
    if (summary === 'no-county') return fail(io, t('report.noCounty', { code: merged.county }));
    if (summary === 'no-approved-round') return fail(io, t('report.noApprovedRound'));
    io.stdout(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : summaryCsv(summary, t, lang));
    return EXIT_OK;
  },
};

function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

function fail(io: CliIo, message: string): number {
  writeLines(io.stderr, [message]);
  return EXIT_FAILURE;
}

/**
 * Imports every file into one in-memory store. All files must be bundles of one county (the first
 * file's); any refused file, or two files disagreeing about one change, stops the report: a
 * summary over part of the data would look complete and be wrong.
 */
async function mergeFiles(io: CliIo, t: Translate, lang: Lang, files: readonly string[]): Promise<{ store: MemorySyncStore; county: string } | null> {
  const store = memoryAccess();
  let county: string | undefined;
  for (const file of files) {
    const bytes = readFileOrReport(io, t, file);
    if (!bytes) return null;
    const decoded = await decodeBundle(bytes, county === undefined ? {} : { expectedCounty: county });
    if (!decoded.ok) {
      reportRefusal(io, t, lang, decoded, file);
      return null;
    }
    county ??= decoded.manifest.county.code;
    const { sender } = decoded.manifest;
    const plan = await planImport(decoded.changes, store, { now: Date.now(), senderScope: sender.scope, senderAuthor: sender.account });
    if (plan.refused) {
      fail(io, t('report.importRefused', { file, ids: plan.sameIdDifferentContent.slice(0, 3).join(', ') }));
      return null;
    }
    await applyImport(plan, store);
  }
  return county === undefined ? null : { store, county };
}

function summaryCsv(summary: CountySummary, t: Translate, lang: Lang): string {
  const ratio = (value: number | null): CsvCell => (value === null ? null : Number(value.toFixed(4)));
  const rows: CsvCell[][] = [
    [t('report.columns.code'), t('report.columns.name'), t('report.columns.reports'), t('figures.members'), t('figures.youth1435'), t('figures.youth1428'), t('report.columns.ratio')],
    ...summary.committees.map((c) => [c.code, pickText(c.name, lang).text, c.reports, c.members, c.youth1435, c.youth1428, ratio(c.leagueYouthRatio)]),
    [summary.county.code, t('report.columns.total'), summary.totals.reports, summary.totals.members, summary.totals.youth1435, summary.totals.youth1428, ratio(summary.totals.leagueYouthRatio)],
  ];
  return toCsv(rows);
}
