import { APP_HUB_POLICY } from '../../shared/app/hub';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodeBundle, escapeControls } from '../../shared/sync/bundle/index';
import { carriedMaterial, carriedRecordProblem } from '../../shared/trust/carried';
import type { Certificate } from '../../shared/trust/certificate';
import { checkCertificateFile } from '../../shared/trust/homeRecord';
import { HUB_ERROR_REASONS, HubError, hubErrorReason, type HubErrorReason } from '../../shared/sync/hub/errors';
import { fetchTransport, parseHubUrl, type FetchLike } from '../../shared/sync/hub/fetchTransport';
import { roleKey } from '../../shared/sync/hub/design';
import { addDevice, setupHub, type DeviceAccount, type ServerAccess, type StepOutcome } from '../../shared/sync/hub/setup';
import type { MessageKey, Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLines, type CliIo, type Env } from '../io';
import type { Command, CommandContext } from './command';
import { readFileOrReport, reportRefusal } from './bundleSupport';
import { homeFromOptions, TRUST_OPTIONS } from './trustSupport';

const SUBCOMMANDS = ['setup', 'add-device'] as const;
const ORG_CODE_PATTERN = /^[A-Z]{2,4}(-[0-9A-Z]{1,4})*$/;

/** Where the admin password may come from besides the URL (which shows it in the process list). */
export interface AdminPasswordSources {
  env: Env;
  readFile(path: string): Promise<string>;
  /** Asks on the terminal without echoing; undefined where there is no terminal. */
  prompt(question: string): Promise<string | undefined>;
}

export const ADMIN_PASSWORD_ENV = 'HUB_ADMIN_PASSWORD';

const processSources: AdminPasswordSources = {
  env: process.env,
  readFile: (path) => readFile(path, 'utf8'),
  prompt: promptHidden,
};

/**
 * `league-desk hub setup URL` and `league-desk hub add-device URL --name N --scope CODE --password P`:
 * prepare a county database on a CouchDB-protocol hub (`npm run hub`, or Apache CouchDB 3) and its
 * device accounts. Both read before they write, so running them again changes nothing. Passwords
 * are never printed: the URL is echoed without its credentials. The admin named in the URL
 * (`http://admin@host:5984/league-lt`) gets its password from the URL, else from
 * `--admin-password-file FILE`, else from HUB_ADMIN_PASSWORD, else from a prompt on the terminal.
 */
export function createHubCommand(fetchFn: FetchLike = (url, init) => fetch(url, init), sources: AdminPasswordSources = processSources): Command {
  return {
    name: 'hub',
    summaryKey: 'commands.hub',
    usageKey: 'usage.hub',
    options: {
      name: { type: 'string', valueHint: '<name>', descriptionKey: 'options.hubName' },
      scope: { type: 'string', valueHint: '<LT-03>', descriptionKey: 'options.hubScope' },
      password: { type: 'string', valueHint: '<password>', descriptionKey: 'options.hubPassword' },
      'admin-password-file': { type: 'string', valueHint: '<file>', descriptionKey: 'options.hubAdminPasswordFile' },
      certificate: { type: 'string', valueHint: '<file>', descriptionKey: 'options.hubCertificate' },
      held: { type: 'string', valueHint: '<file>', descriptionKey: 'options.hubHeld' },
      ...TRUST_OPTIONS,
      json: { type: 'boolean', descriptionKey: 'options.json' },
    },
    maxPositionals: 2,
    async run(context) {
      const { io, t, positionals, options } = context;
      const [subcommand, url] = positionals;
      if (subcommand === undefined) return usage(io, t, 'errors.missingArgument', { argument: SUBCOMMANDS.join('|'), command: 'hub' });
      if (!(SUBCOMMANDS as readonly string[]).includes(subcommand)) {
        return usage(io, t, 'errors.unknownSubcommand', { subcommand, choices: SUBCOMMANDS.join(', ') });
      }
      if (url === undefined) return usage(io, t, 'errors.missingArgument', { argument: '<URL>', command: 'hub' });
      const parsed = parseHubUrl(url);
      if (!parsed) return fail(io, t, new HubError('wrong-address'));
      if (parsed.user !== undefined && parsed.password === undefined) {
        const file = options['admin-password-file'];
        if (typeof file === 'string') {
          try {
            parsed.password = (await sources.readFile(file)).replace(/\r?\n$/, '');
          } catch {
            return usage(io, t, 'hub.adminPasswordFileUnreadable', { file });
          }
        } else {
          parsed.password = sources.env[ADMIN_PASSWORD_ENV] ?? (await sources.prompt(t('hub.adminPasswordPrompt', { user: parsed.user })));
        }
      }
      const server: ServerAccess = {
        admin: fetchTransport({ base: parsed.server, user: parsed.user, password: parsed.password }, fetchFn),
        anonymous: fetchTransport({ base: parsed.server }, fetchFn),
        adminName: parsed.user,
        adminPassword: parsed.password,
      };
      const json = options['json'] === true;
      try {
        if (subcommand === 'setup') {
          const report = await setupHub(server, parsed.db, APP_HUB_POLICY);
          if (json) io.stdout(`${JSON.stringify({ ok: true, hub: parsed.server, db: parsed.db, steps: report }, null, 2)}\n`);
          else
            writeLines(io.stdout, [
              t('hub.setupDone', { db: parsed.db, hub: parsed.server }),
              ...Object.entries(report).map(([step, outcome]) => t(`hub.steps.${step as keyof typeof report}`, { outcome: t(`hub.outcome.${outcome as StepOutcome}`) })),
            ]);
          return EXIT_OK;
        }
        if (typeof options['certificate'] === 'string') {
          const certified = await certifiedAccount(context, options['certificate']);
          if (typeof certified === 'number') return certified;
          const { certificate, account } = certified;
          const login = fetchTransport({ base: parsed.server, user: account.name, password: account.password }, fetchFn);
          const outcome: StepOutcome = await addDevice(server, parsed.db, account, login);
          const role = roleKey(certificate.role, certificate.grants);
          if (json) io.stdout(`${JSON.stringify({ ok: true, hub: parsed.server, db: parsed.db, name: account.name, scope: account.scope, device: certificate.device, role, outcome }, null, 2)}\n`);
          else {
            const roleText = [t(`hub.roles.${certificate.role}`), ...certificate.grants].join('+');
            writeLines(io.stdout, [
              t('hub.certifiedDone', { device: certificate.device, pc: escapeControls(certificate.name), name: account.name, role: roleText, scope: account.scope, db: parsed.db, outcome: t(`hub.outcome.${outcome}`) }),
            ]);
          }
          return EXIT_OK;
        }
        const name = options['name'];
        const scope = options['scope'];
        const password = options['password'];
        if (typeof name !== 'string') return usage(io, t, 'errors.missingArgument', { argument: '--name', command: 'hub' });
        if (typeof scope !== 'string') return usage(io, t, 'errors.missingArgument', { argument: '--scope', command: 'hub' });
        if (typeof password !== 'string') return usage(io, t, 'errors.missingArgument', { argument: '--password', command: 'hub' });
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) return usage(io, t, 'hub.badName', { value: name });
        if (!ORG_CODE_PATTERN.test(scope)) return usage(io, t, 'hub.badScope', { value: scope });
        if (password.length < 8) return usage(io, t, 'hub.shortPassword', {});
        const login = fetchTransport({ base: parsed.server, user: name, password }, fetchFn);
        const outcome: StepOutcome = await addDevice(server, parsed.db, { name, scope, password }, login);
        if (json) io.stdout(`${JSON.stringify({ ok: true, hub: parsed.server, db: parsed.db, name, scope, outcome }, null, 2)}\n`);
        else writeLines(io.stdout, [t('hub.deviceDone', { name, scope, db: parsed.db, outcome: t(`hub.outcome.${outcome}`) })]);
        return EXIT_OK;
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        return fail(io, t, error, json);
      }
    },
  };
}

export const hubCommand = createHubCommand();

/** The revocations and successions of the county's full export (`--held`), or none; the exit code when it cannot be read. */
async function heldTrust({ io, t, lang, options, registry }: CommandContext, county: string): Promise<{ revocations: readonly unknown[]; successions: readonly unknown[] } | number> {
  const file = options['held'];
  if (typeof file !== 'string') return { revocations: [], successions: [] };
  const bytes = readFileOrReport(io, t, file);
  if (!bytes) return EXIT_FAILURE;
  const decoded = await decodeBundle(bytes, { tables: registry.tables, trustRecord: carriedRecordProblem, expectedCounty: county });
  if (!decoded.ok) {
    reportRefusal(io, t, lang, decoded, file);
    return EXIT_FAILURE;
  }
  const readable = decoded.trust.filter((r) => carriedRecordProblem(r) === null);
  const { revocations, successions } = carriedMaterial(readable);
  return { revocations, successions };
}

/**
 * The account `hub add-device --certificate` issues: the certificate checked against the county's
 * authority (as every PC checks it), its scope, device and role taken from it, named `pc-<device>`
 * unless --name says otherwise. The exit code when refused (the reason written).
 */
async function certifiedAccount(context: CommandContext, file: string): Promise<{ certificate: Certificate; account: DeviceAccount } | number> {
  const { io, t, options } = context;
  if (typeof options['scope'] === 'string') return usage(io, t, 'hub.certificateWithScope', {});
  const password = options['password'];
  if (typeof password !== 'string') return usage(io, t, 'errors.missingArgument', { argument: '--password', command: 'hub' });
  if (password.length < 8) return usage(io, t, 'hub.shortPassword', {});
  const choice = await homeFromOptions(context);
  if (typeof choice === 'number') return choice;
  if (choice.kind === 'none') return usage(io, t, 'hub.certificateNeedsAuthority', {});
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    writeLines(io.stderr, [t('errors.fileNotFound', { file })]);
    return EXIT_FAILURE;
  }
  const held = await heldTrust(context, choice.home.record.county);
  if (typeof held === 'number') return held;
  const checked = await checkCertificateFile(text, { home: choice.home, successions: [...choice.successions, ...held.successions] }, new Date(), held.revocations);
  if (!checked.ok) {
    writeLines(io.stderr, [t('hub.certificateRefused', { file, reason: checked.reason, message: t(`hub.certificateProblems.${checked.reason}`) }), `  (${checked.problem})`]);
    return EXIT_FAILURE;
  }
  const certificate = checked.value;
  const name = typeof options['name'] === 'string' ? options['name'] : `pc-${certificate.device}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) return usage(io, t, 'hub.badName', { value: name });
  return { certificate, account: { name, password, scope: certificate.scope, certified: { device: certificate.device, role: roleKey(certificate.role, certificate.grants) } } };
}

function usage(io: CliIo, t: Translate, key: MessageKey, values: Record<string, string>): number {
  writeLines(io.stderr, [t(key, values)]);
  return EXIT_USAGE;
}

function fail(io: CliIo, t: Translate, error: HubError, json = false): number {
  const reason: HubErrorReason = hubErrorReason(error);
  const message = t(`hub.errors.${reason}`);
  if (json) io.stdout(`${JSON.stringify({ ok: false, reason, message }, null, 2)}\n`);
  writeLines(io.stderr, [`${message} (${reason})`]);
  return EXIT_FAILURE;
}

/** Every reason has a message: checked by the CLI locale test through this list. */
export const HUB_CLI_REASONS: readonly HubErrorReason[] = HUB_ERROR_REASONS;

/** Reads a line from the terminal without showing it; undefined where stdin is not a terminal. */
function promptHidden(question: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(undefined);
  process.stderr.write(question);
  return new Promise((resolve) => {
    let value: string[] = [];
    const finish = (answer: string | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(value.join(''));
        if (ch === '\u0003' || ch === '\u0004') return finish(undefined);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value.push(ch);
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}
