import { APP_REGISTRY } from '../shared/app/registry';
import type { Registry } from '../shared/feature/registry';
import { isLang, type Lang } from '../shared/i18n/lang';
import { GLOBAL_OPTIONS, scanArgs, type ArgProblem } from './args';
import { commandHelp, generalHelp } from './commands/help';
import { COMMANDS } from './commands/index';
import { createTranslator, languageFromEnv, type Translate } from './i18n';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLines, type CliIo, type Env } from './io';
import { appVersion } from './version';

/**
 * `league-desk` entry point. Returns the exit code instead of exiting, so tests run it in-process;
 * bin/league-desk.mjs passes process.argv and sets process.exitCode. `env` defaults to the process
 * environment and exists so tests can set LEAGUE_DESK_LANG without touching the real one; `registry`
 * is the app's, and a test may hand in one with a feature of its own.
 */
export async function run(argv: string[], io: CliIo, env: Env = process.env, registry: Registry = APP_REGISTRY): Promise<number> {
  // The language comes first: every later message, including errors about the command line, uses it.
  const first = scanArgs(argv, GLOBAL_OPTIONS);
  const envT = createTranslator(languageFromEnv(env));
  if (first.problem?.kind === 'missingValue' && first.problem.option === '--lang') {
    return usageError(io, envT, first.problem);
  }
  const langOption = first.options['lang'];
  if (typeof langOption === 'string' && !isLang(langOption)) {
    writeLines(io.stderr, [envT('errors.badLang', { value: langOption })]);
    return EXIT_USAGE;
  }
  const lang: Lang = typeof langOption === 'string' ? langOption : languageFromEnv(env);
  const t = createTranslator(lang);
  try {
    return await dispatch(argv, first.positionals[0], io, lang, t, registry);
  } catch (error) {
    // A bug or a broken install, not a wrong command line: say what happened, exit 1, no stack trace.
    const message = error instanceof Error ? error.message : String(error);
    writeLines(io.stderr, [t('errors.internal', { message })]);
    return EXIT_FAILURE;
  }
}

async function dispatch(argv: string[], name: string | undefined, io: CliIo, lang: Lang, t: Translate, registry: Registry): Promise<number> {
  const command = name === undefined ? undefined : COMMANDS.find((c) => c.name === name);
  if (name !== undefined && !command) {
    writeLines(io.stderr, [t('errors.unknownCommand', { command: name })]);
    return EXIT_USAGE;
  }

  const args = scanArgs(argv, { ...GLOBAL_OPTIONS, ...command?.options });
  if (args.problem) return usageError(io, t, args.problem);
  // positionals[0] is the command name itself.
  const extra = args.positionals[1 + (command?.maxPositionals ?? 0)];
  if (extra !== undefined) {
    writeLines(io.stderr, [t('errors.unexpectedArgument', { argument: extra })]);
    return EXIT_USAGE;
  }

  if (args.options['version'] === true) {
    writeLines(io.stdout, [appVersion()]);
    return EXIT_OK;
  }
  if (!command || args.options['help'] === true) {
    writeLines(io.stdout, command ? commandHelp(t, command) : generalHelp(t, COMMANDS));
    return EXIT_OK;
  }
  return command.run({ io, t, lang, options: args.options, positionals: args.positionals.slice(1), commands: COMMANDS, registry });
}

function usageError(io: CliIo, t: Translate, problem: ArgProblem): number {
  writeLines(io.stderr, [t(`errors.${problem.kind}`, { option: problem.option })]);
  return EXIT_USAGE;
}
