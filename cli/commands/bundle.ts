import ugCommon from '../../locales/ug/common.json' with { type: 'json' };
import zhCommon from '../../locales/zh-CN/common.json' with { type: 'json' };
import { pickText, type Lang } from '../../shared/i18n/lang';
import { bundleInfo, decodeBundle, escapeControls, type BundleInfo } from '../../shared/sync/bundle/index';
import type { Change } from '../../shared/sync/change';
import { carriedRecordProblem } from '../../shared/trust/carried';
import type { MessageKey, Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_NOT_AUTHENTIC, EXIT_OK, EXIT_USAGE, writeLines, type CliIo } from '../io';
import { readFileOrReport, refusalMessage, reportRefusal } from './bundleSupport';
import type { Command, CommandContext } from './command';
import { decideFiles, homeFromOptions, homeLines, homeOf, refusedCount, TRUST_OPTIONS, writerLines } from './trustSupport';

const SUBCOMMANDS = ['info', 'verify'] as const;

/**
 * Table names are the app's (locales/<lang>/common.json `tables`), so the command line and the import
 * preview name a table alike (test/unit/sync/tableNames.test.ts: every registered table has one).
 */
const TABLE_NAMES: Record<Lang, Readonly<Record<string, string>>> = { 'zh-CN': zhCommon.tables, ug: ugCommon.tables };
type Subcommand = (typeof SUBCOMMANDS)[number];

/**
 * `league-desk bundle info|verify FILE`: what a `.leaguesync` file is, whether it is intact, and
 * (with a county authority: trustSupport.ts) whether its changes are authentic. `verify` exits 1
 * for a bundle the app would refuse, with the reason code and the import screen's message; 3 for
 * an intact bundle some of whose changes the county's PCs would refuse (listed per writing PC, per
 * reason); 0 otherwise.
 */
export const bundleCommand: Command = {
  name: 'bundle',
  summaryKey: 'commands.bundle',
  usageKey: 'usage.bundle',
  options: {
    json: { type: 'boolean', descriptionKey: 'options.json' },
    county: { type: 'string', valueHint: '<LT>', descriptionKey: 'options.county' },
    ...TRUST_OPTIONS,
    held: { type: 'string', valueHint: '<FILE>', descriptionKey: 'options.held' },
  },
  maxPositionals: 2,
  async run(context) {
    const { io, t, positionals } = context;
    const [subcommand, file] = positionals;
    if (subcommand === undefined) return usage(io, t, 'errors.missingArgument', { argument: SUBCOMMANDS.join('|'), command: 'bundle' });
    if (!isSubcommand(subcommand)) return usage(io, t, 'errors.unknownSubcommand', { subcommand, choices: SUBCOMMANDS.join(', ') });
    if (file === undefined) return usage(io, t, 'errors.missingArgument', { argument: '<file>', command: 'bundle' });
    const bytes = readFileOrReport(io, t, file);
    if (!bytes) return EXIT_FAILURE;
    return subcommand === 'info' ? info(context, file, bytes) : verify(context, file, bytes);
  },
};

function isSubcommand(value: string): value is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(value);
}

function usage(io: CliIo, t: Translate, key: MessageKey, values: Record<string, string>): number {
  writeLines(io.stderr, [t(key, values)]);
  return EXIT_USAGE;
}

async function info(context: CommandContext, file: string, bytes: Uint8Array): Promise<number> {
  const { io, t, lang, options } = context;
  const result = bundleInfo(bytes);
  if (!result.ok) {
    reportRefusal(io, t, lang, result, file);
    return EXIT_FAILURE;
  }
  if (options['json'] === true) {
    io.stdout(`${JSON.stringify({ file, bytes: result.bytes, manifest: result.manifest, entries: result.entries }, null, 2)}\n`);
  } else {
    writeLines(io.stdout, describeBundle(context, file, result));
  }
  return EXIT_OK;
}

/**
 * Integrity first (the file is what its sender wrote), then authenticity: every change decided
 * against the county authority given, as the app's import decides it, and counted per writing PC.
 */
async function verify(context: CommandContext, file: string, bytes: Uint8Array): Promise<number> {
  const { io, t, lang, options, registry } = context;
  const choice = await homeFromOptions(context);
  if (typeof choice === 'number') return choice;
  const county = typeof options['county'] === 'string' ? options['county'] : homeOf(choice)?.record.county;
  const result = await decodeBundle(bytes, { tables: registry.tables, trustRecord: carriedRecordProblem, ...(county === undefined ? {} : { expectedCounty: county }) });
  const json = options['json'] === true;
  if (!result.ok) {
    if (json) {
      const message = refusalMessage(lang, result);
      io.stdout(`${JSON.stringify({ file, ok: false, reason: result.reason, detail: result.detail, message }, null, 2)}\n`);
    }
    reportRefusal(io, t, lang, result, file);
    return EXIT_FAILURE;
  }
  let held: { records: Record<string, unknown>[]; changes: Change[] } | undefined;
  if (typeof options['held'] === 'string') {
    const heldBytes = readFileOrReport(io, t, options['held']);
    if (!heldBytes) return EXIT_FAILURE;
    const heldBundle = await decodeBundle(heldBytes, { tables: registry.tables, trustRecord: carriedRecordProblem, expectedCounty: result.manifest.county.code });
    if (!heldBundle.ok) {
      reportRefusal(io, t, lang, heldBundle, options['held']);
      return EXIT_FAILURE;
    }
    held = { records: heldBundle.trust, changes: heldBundle.changes };
  }
  const decided = await decideFiles(choice, result.trust, result.changes, registry.rules, held);
  const refused = decided.summary.reduce((n, w) => n + refusedCount(w), 0);
  const authentic = choice.kind === 'home' ? refused === 0 : null;
  const changes = result.changes.length;
  if (json) {
    const trust = { checked: choice.kind === 'home', ...(choice.kind === 'home' ? { county: choice.home.record.county, demo: choice.home.record.demo } : {}), authentic, writers: decided.summary };
    io.stdout(`${JSON.stringify({ file, ok: true, changes, blobs: result.blobs.size, manifest: result.manifest, trust }, null, 2)}\n`);
  } else {
    writeLines(io.stdout, [
      t('bundle.intact', { code: result.manifest.county.code, changes, blobs: result.blobs.size }),
      ...homeLines(t, choice, changes),
      ...writerLines(t, lang, decided),
      ...(authentic === null ? [] : [authentic ? t('trust.authentic', { count: changes }) : t('trust.notAuthentic', { refused })]),
    ]);
  }
  return authentic === false ? EXIT_NOT_AUTHENTIC : EXIT_OK;
}

/** `bundle info` for people. Manifest text is escaped: it comes from a file and may be hostile. */
function describeBundle({ t, lang, registry }: CommandContext, file: string, { manifest, bytes }: BundleInfo): string[] {
  const none = t('bundle.noValue');
  const countyName = manifest.county.name ? pickText(manifest.county.name, lang).text : '';
  // A table this build does not know (a newer League Desk wrote the file) is shown by its identifier.
  const tableName = (table: string): string => (registry.tables.get(table) ? `${TABLE_NAMES[lang][table]} (${table})` : table);
  return [
    t('bundle.heading', { file, bytes }),
    t('bundle.format', { format: manifest.format, version: manifest.version }),
    t('bundle.county', { name: escapeControls(countyName) || none, code: manifest.county.code }),
    t('bundle.sender', {
      name: manifest.sender.name === undefined ? t('bundle.unnamed') : escapeControls(manifest.sender.name),
      device: manifest.sender.device,
      account: escapeControls(manifest.sender.account),
      scope: manifest.sender.scope === undefined ? none : escapeControls(manifest.sender.scope),
    }),
    t('bundle.created', { created: manifest.created }),
    t('bundle.kind', { kind: t(`bundle.kinds.${manifest.kind}`) }),
    t('bundle.counts', { changes: manifest.counts.changes, blobs: manifest.counts.blobs }),
    t('bundle.byTableHeading'),
    ...Object.entries(manifest.counts.byTable).map(([table, count]) => `  ${tableName(table)}: ${count}`),
    t('bundle.vectorHeading'),
    ...Object.entries(manifest.vector).map(([device, stamp]) => `  ${device}: ${stamp}`),
    '',
    t('bundle.notVerified'),
  ];
}
