import { HUB_ERROR_REASONS, HubError, hubErrorReason, type HubErrorReason } from '../../shared/sync/hub/errors';
import { fetchTransport, parseHubUrl, type FetchLike } from '../../shared/sync/hub/fetchTransport';
import { addDevice, setupHub, type ServerAccess, type StepOutcome } from '../../shared/sync/hub/setup';
import type { MessageKey, Translate } from '../i18n';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLines, type CliIo } from '../io';
import type { Command } from './command';

const SUBCOMMANDS = ['setup', 'add-device'] as const;
const ORG_CODE_PATTERN = /^[A-Z]{2,4}(-[0-9A-Z]{1,4})*$/;

/**
 * `league-desk hub setup URL` and `league-desk hub add-device URL --name N --scope CODE --password P`:
 * prepare a county database on a CouchDB-protocol hub (`npm run hub`, or Apache CouchDB 3) and its
 * device accounts. Both read before they write, so running them again changes nothing. Passwords
 * are never printed: the URL is echoed without its credentials.
 */
export function createHubCommand(fetchFn: FetchLike = (url, init) => fetch(url, init)): Command {
  return {
    name: 'hub',
    summaryKey: 'commands.hub',
    usageKey: 'usage.hub',
    options: {
      name: { type: 'string', valueHint: '<name>', descriptionKey: 'options.hubName' },
      scope: { type: 'string', valueHint: '<LT-03>', descriptionKey: 'options.hubScope' },
      password: { type: 'string', valueHint: '<password>', descriptionKey: 'options.hubPassword' },
      json: { type: 'boolean', descriptionKey: 'options.json' },
    },
    maxPositionals: 2,
    async run({ io, t, positionals, options }) {
      const [subcommand, url] = positionals;
      if (subcommand === undefined) return usage(io, t, 'errors.missingArgument', { argument: SUBCOMMANDS.join('|'), command: 'hub' });
      if (!(SUBCOMMANDS as readonly string[]).includes(subcommand)) {
        return usage(io, t, 'errors.unknownSubcommand', { subcommand, choices: SUBCOMMANDS.join(', ') });
      }
      if (url === undefined) return usage(io, t, 'errors.missingArgument', { argument: '<URL>', command: 'hub' });
      const parsed = parseHubUrl(url);
      if (!parsed) return fail(io, t, new HubError('wrong-address'));
      const server: ServerAccess = {
        admin: fetchTransport({ base: parsed.server, user: parsed.user, password: parsed.password }, fetchFn),
        anonymous: fetchTransport({ base: parsed.server }, fetchFn),
        adminName: parsed.user,
        adminPassword: parsed.password,
      };
      const json = options['json'] === true;
      try {
        if (subcommand === 'setup') {
          const report = await setupHub(server, parsed.db);
          if (json) io.stdout(`${JSON.stringify({ ok: true, hub: parsed.server, db: parsed.db, steps: report }, null, 2)}\n`);
          else
            writeLines(io.stdout, [
              t('hub.setupDone', { db: parsed.db, hub: parsed.server }),
              ...Object.entries(report).map(([step, outcome]) => t(`hub.steps.${step as keyof typeof report}`, { outcome: t(`hub.outcome.${outcome as StepOutcome}`) })),
            ]);
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
