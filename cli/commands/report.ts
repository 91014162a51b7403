import ugReport from '../../locales/ug/report.json' with { type: 'json' };
import zhReport from '../../locales/zh-CN/report.json' with { type: 'json' };
import { periodSchema } from '../../shared/domain/stats';
import { formatInteger } from '../../shared/i18n/format';
import type { Lang } from '../../shared/i18n/lang';
import { buildCountySummary, type CountySummary } from '../../shared/stats/report/countySummary';
import { countySummaryTable } from '../../shared/stats/report/countySummaryTable';
import { tableToCsv } from '../../shared/report/csv';
import { interpolate } from '../../shared/i18n/interpolate';
import { periodText, type ReportLocales } from '../../shared/stats/report/messages';
import { toXlsx } from '../../shared/report/xlsx';
import type { Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLines, type CliIo } from '../io';
import { writeFileOrReport } from './bundleSupport';
import { renderContestResultsReport } from './reportContests';
import { renderJobsReport } from './reportJobs';
import type { Command, OptionValues } from './command';
import { bundleSource, demoSource } from './reportSources';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
/** Report kinds: the county's statistics, job notices and placements, a judged contest's results. */
const KINDS = ['stats', 'jobs', 'contest-results'] as const;
type Kind = (typeof KINDS)[number];

/** Kinds other than stats, each from its feature's file; `--demo` only for now. */
const OTHER_KINDS: Record<Exclude<Kind, 'stats'>, (format: Format, lang: Lang) => Promise<string | Uint8Array>> = {
  jobs: renderJobsReport,
  'contest-results': renderContestResultsReport,
};

/** The report namespace in both languages; typed, so a key missing from either file fails to compile. */
const REPORT_LOCALES: ReportLocales = { 'zh-CN': zhReport, ug: ugReport };

/**
 * `league-desk report (FILE… | --demo) [--format json|csv|xlsx] [--out FILE] [--period P] [--kind stats]`:
 * the county summary of one round (approved reports only), from merged bundles or from the demo
 * county: the app's summary, the same columns in every format. Without --period, the round the app's
 * Overview shows by default (shared/stats/headline.ts); stderr says which and how complete it is.
 */
export const reportCommand: Command = {
  name: 'report',
  summaryKey: 'commands.report',
  usageKey: 'usage.report',
  options: {
    format: { type: 'string', valueHint: '<json|csv|xlsx>', descriptionKey: 'options.format' },
    out: { type: 'string', valueHint: '<FILE>', descriptionKey: 'options.reportOut' },
    demo: { type: 'boolean', descriptionKey: 'options.demo' },
    period: { type: 'string', valueHint: '<2025|2025H1|2025Q3|2025M07>', descriptionKey: 'options.period' },
    kind: { type: 'string', valueHint: '<stats|jobs|contest-results>', descriptionKey: 'options.kind' },
  },
  maxPositionals: Number.POSITIVE_INFINITY,
  async run(context) {
    const { io, t, lang, options, positionals } = context;
    const request = parseRequest(io, t, options, positionals);
    if (!request) return EXIT_USAGE;
    if (request.kind !== 'stats') {
      if (!request.demo) return fail(io, t('report.kindNeedsDemo', { kind: request.kind }));
      return emit(io, t, await OTHER_KINDS[request.kind](request.format, lang), request.out);
    }
    const source = request.demo ? demoSource() : await bundleSource(context, positionals);
    if (!source) return EXIT_FAILURE;
    const summary = buildCountySummary({ ...source, ...(request.period === undefined ? {} : { period: request.period }) });
    if (summary === 'no-county') return fail(io, t('report.noCounty', { code: source.countyCode }));
    if (summary === 'no-round') {
      return fail(io, request.period === undefined ? t('report.noApprovedRound') : t('report.noRound', { period: request.period }));
    }
    writeLines(io.stderr, roundChoiceLines(summary, lang));
    return emit(io, t, await render(summary, request.format, lang), request.out);
  },
};

/** Which round the summary took, why, and how complete it is (report.json `roundChoice`). */
function roundChoiceLines(summary: CountySummary, lang: Lang): string[] {
  const m = REPORT_LOCALES[lang];
  const { coverage } = summary;
  const line = interpolate(m.roundChoice[summary.choice], {
    period: periodText(summary.round.period, m),
    expected: formatInteger(coverage.expected, lang, { bidi: 'plain' }),
    approved: formatInteger(coverage.approved, lang, { bidi: 'plain' }),
  });
  return coverage.partial ? [line, m.roundChoice.partial] : [line];
}

/** Prints text, or writes it (or a spreadsheet's bytes) to --out and says so. */
function emit(io: CliIo, t: Translate, output: string | Uint8Array, out: string | undefined): number {
  if (out === undefined) {
    if (typeof output === 'string') {
      io.stdout(output);
      return EXIT_OK;
    }
    // parseRequest already refuses this; checked again so no bytes can ever reach a terminal.
    return fail(io, t('report.binaryNeedsOut'));
  }
  const bytes = typeof output === 'string' ? new TextEncoder().encode(output) : output;
  if (!writeFileOrReport(io, t, out, bytes)) return EXIT_FAILURE;
  writeLines(io.stdout, [t('report.wrote', { file: out, bytes: bytes.length })]);
  return EXIT_OK;
}

interface ReportRequest {
  format: Format;
  kind: Kind;
  demo: boolean;
  out?: string;
  period?: string;
}

/** Checks the command line; writes what is wrong (localized) and returns null when it is. */
function parseRequest(io: CliIo, t: Translate, options: OptionValues, positionals: readonly string[]): ReportRequest | null {
  const usage = (message: string): null => {
    writeLines(io.stderr, [message]);
    return null;
  };
  const format = options['format'] ?? 'json';
  if (!isOneOf(FORMATS, format)) return usage(t('errors.badChoice', { option: '--format', value: String(format), choices: FORMATS.join(', ') }));
  const kind = options['kind'] ?? 'stats';
  if (!isOneOf(KINDS, kind)) return usage(t('errors.badChoice', { option: '--kind', value: String(kind), choices: KINDS.join(', ') }));
  const period = options['period'];
  if (typeof period === 'string' && !periodSchema.safeParse(period).success) return usage(t('report.badPeriod', { value: period }));
  const demo = options['demo'] === true;
  if (demo && positionals.length > 0) return usage(t('report.demoWithFiles'));
  if (!demo && positionals.length === 0) return usage(t('errors.missingArgument', { argument: '<file>', command: 'report' }));
  const out = options['out'];
  // A terminal shown xlsx bytes prints garbage and may be left in a broken state.
  if (format === 'xlsx' && typeof out !== 'string') return usage(t('report.binaryNeedsOut'));
  return {
    format,
    kind,
    demo,
    ...(typeof out === 'string' ? { out } : {}),
    ...(typeof period === 'string' ? { period } : {}),
  };
}

async function render(summary: CountySummary, format: Format, lang: Lang): Promise<string | Uint8Array> {
  if (format === 'xlsx') return toXlsx(countySummaryTable(summary, lang, REPORT_LOCALES));
  if (format === 'json') return `${JSON.stringify(summary, null, 2)}\n`;
  return tableToCsv(countySummaryTable(summary, lang, REPORT_LOCALES));
}

function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}

function fail(io: CliIo, message: string): number {
  writeLines(io.stderr, [message]);
  return EXIT_FAILURE;
}
