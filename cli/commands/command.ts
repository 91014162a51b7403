import type { Registry } from '../../shared/feature/registry';
import type { Lang } from '../../shared/i18n/lang';
import type { MessageKey, Translate } from '../i18n';
import type { CliIo } from '../io';

/** One option a command accepts, as node:util parseArgs understands it, plus its help text. */
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Shown in help after the option name, e.g. `<zh-CN|ug>`; string options only. */
  valueHint?: string;
  descriptionKey: MessageKey;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed option values: booleans for flags, strings for options that take a value. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface CommandContext {
  io: CliIo;
  lang: Lang;
  t: Translate;
  options: OptionValues;
  /** Arguments after the command name. */
  positionals: readonly string[];
  /** Every command, for `help`. */
  commands: readonly Command[];
  /** The app's features (shared/app/registry.ts): its tables, demo data and report kinds. */
  registry: Registry;
}

/**
 * A subcommand of `league-desk`. Adding one (e.g. `report`, `bundle`) means writing a file in
 * cli/commands/ and listing it in cli/commands/index.ts; parsing, validation and help are shared.
 */
export interface Command {
  name: string;
  summaryKey: MessageKey;
  usageKey: MessageKey;
  /** Options besides the global ones (--lang, --help, --version). */
  options: OptionSpecs;
  /** How many arguments may follow the command name. */
  maxPositionals: number;
  /** Returns the exit code. */
  run(context: CommandContext): Promise<number>;
}
