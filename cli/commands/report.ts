import { readFileSync } from 'node:fs';
import ugReport from '../../locales/ug/report.json' with { type: 'json' };
import zhReport from '../../locales/zh-CN/report.json' with { type: 'json' };
import { periodSchema } from '../../shared/domain/stats';
import { formatInteger } from '../../shared/i18n/format';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { APP_REGISTRY } from '../../shared/app/registry';
import { generateDemoCounty } from '../../shared/demo/luntai';
import type { BuiltReport, ReportKind } from '../../shared/feature/reports';
import { buildCountySummary, type CountySummary } from '../../shared/stats/report/countySummary';
import { countySummaryTable } from '../../shared/stats/report/countySummaryTable';
import { tableToCsv } from '../../shared/report/csv';
import { interpolate } from '../../shared/i18n/interpolate';
import { periodText, type ReportLocales } from '../../shared/stats/report/messages';
import { toXlsx } from '../../shared/report/xlsx';
import type { Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLines, type CliIo } from '../io';
import { writeFileOrReport } from './bundleSupport';
import type { Command, OptionValues } from './command';
import { bundleSource, demoSource, type ReportSource } from './reportSources';
import { homeFromOptions, TRUST_OPTIONS } from './trustSupport';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
/**
 * The county's statistics (the default, this command's own: from bundles or the demo, for a period)
 * and the kinds the features offer (shared/feature/reports.ts, composed by the registry; `--demo`
 * only for now): job notices and placements, a judged contest's results.
 */
const STATS_KIND = 'stats';
const kindNames = (kinds: readonly ReportKind[]): string[] => [STATS_KIND, ...kinds.map((k) => k.name)];

/** The report namespace in both languages; typed, so a key missing from either file fails to compile. */
const REPORT_LOCALES: ReportLocales = { 'zh-CN': zhReport, ug: ugReport };

/**
 * `league-desk report (FILE… | --demo) [--authority FILE | --demo-authority] [--format json|csv|xlsx] [--out FILE] [--period P] [--kind stats]`:
 * the county summary of one round (approved reports only), from merged bundles or from the demo
 * county: the app's summary, the same columns in every format. Over files with a county authority,
 * only the changes the county's PCs would authorize are counted (reportSources.ts). Without --period, the round the app's
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
    kind: { type: 'string', valueHint: `<${kindNames(APP_REGISTRY.reports).join('|')}>`, descriptionKey: 'options.kind' },
    ...TRUST_OPTIONS,
  },
  maxPositionals: Number.POSITIVE_INFINITY,
  async run(context) {
    const { io, t, lang, options, positionals, registry } = context;
    const request = parseRequest(io, t, options, positionals, registry.reports);
    if (!request) return EXIT_USAGE;
    const kind = registry.reports.find((k) => k.name === request.kind);
    if (kind) {
      if (!request.demo) return fail(io, t('report.kindNeedsDemo', { kind: request.kind }));
      return emit(io, t, await render(kind.demo(generateDemoCounty(), lang, namespaceLocales(kind.namespace)), request.format), request.out);
    }
    let source: ReportSource | null;
    if (request.demo) source = demoSource();
    else {
      const choice = await homeFromOptions(context);
      if (typeof choice === 'number') return choice;
      source = await bundleSource(context, positionals, choice);
    }
    if (!source) return EXIT_FAILURE;
    const summary = buildCountySummary({ ...source, ...(request.period === undefined ? {} : { period: request.period }) });
    if (summary === 'no-county') return fail(io, t('report.noCounty', { code: source.countyCode }));
    if (summary === 'no-round') {
      return fail(io, request.period === undefined ? t('report.noApprovedRound') : t('report.noRound', { period: request.period }));
    }
    writeLines(io.stderr, roundChoiceLines(summary, lang));
    return emit(io, t, await render({ json: summary, tables: [countySummaryTable(summary, lang, REPORT_LOCALES)] }, request.format), request.out);
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
  kind: string;
  demo: boolean;
  out?: string;
  period?: string;
}

/** Checks the command line; writes what is wrong (localized) and returns null when it is. */
function parseRequest(io: CliIo, t: Translate, options: OptionValues, positionals: readonly string[], kinds: readonly ReportKind[]): ReportRequest | null {
  const usage = (message: string): null => {
    writeLines(io.stderr, [message]);
    return null;
  };
  const format = options['format'] ?? 'json';
  if (!isOneOf(FORMATS, format)) return usage(t('errors.badChoice', { option: '--format', value: String(format), choices: FORMATS.join(', ') }));
  const kind = options['kind'] ?? STATS_KIND;
  const names = kindNames(kinds);
  if (!isOneOf(names, kind)) return usage(t('errors.badChoice', { option: '--kind', value: String(kind), choices: names.join(', ') }));
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

/** JSON prints the report's value; CSV writes its first table, xlsx every table as a sheet. */
async function render(report: BuiltReport, format: Format): Promise<string | Uint8Array> {
  if (format === 'json') return `${JSON.stringify(report.json, null, 2)}\n`;
  if (format === 'csv') return tableToCsv(report.tables[0]!);
  return toXlsx(report.tables);
}

/**
 * Both languages of a report kind's locale namespace, read at run time as version.ts reads
 * package.json: a kind names its namespace, and the command lists none by hand. The app's and
 * the tests' typed imports of the same files keep their keys checked at compile time.
 */
function namespaceLocales(namespace: string): Record<Lang, unknown> {
  const read = (lang: Lang): unknown => JSON.parse(readFileSync(new URL(`../../locales/${lang}/${namespace}.json`, import.meta.url), 'utf8'));
  return Object.fromEntries(LANGS.map((lang) => [lang, read(lang)])) as Record<Lang, unknown>;
}

function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}

function fail(io: CliIo, message: string): number {
  writeLines(io.stderr, [message]);
  return EXIT_FAILURE;
}
