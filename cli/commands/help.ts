import { GLOBAL_OPTIONS } from '../args';
import type { Translate } from '../i18n';
import { EXIT_OK, EXIT_USAGE, writeLines } from '../io';
import type { Command, OptionSpecs } from './command';

/** `league-desk help [command]`: the same text as `--help`. */
export const helpCommand: Command = {
  name: 'help',
  summaryKey: 'commands.help',
  usageKey: 'usage.help',
  options: {},
  maxPositionals: 1,
  async run({ io, t, positionals, commands }) {
    const topic = positionals[0];
    if (topic === undefined) {
      writeLines(io.stdout, generalHelp(t, commands));
      return EXIT_OK;
    }
    const command = commands.find((c) => c.name === topic);
    if (!command) {
      writeLines(io.stderr, [t('errors.unknownCommand', { command: topic })]);
      return EXIT_USAGE;
    }
    writeLines(io.stdout, commandHelp(t, command));
    return EXIT_OK;
  },
};

export function generalHelp(t: Translate, commands: readonly Command[]): string[] {
  return [
    t('help.title'),
    t('help.usage', { usage: t('usage.main') }),
    '',
    t('help.commandsHeading'),
    ...table(commands.map((c) => [c.name, t(c.summaryKey)])),
    '',
    t('help.globalOptionsHeading'),
    ...optionTable(t, GLOBAL_OPTIONS),
    '',
    t('help.more'),
  ];
}

export function commandHelp(t: Translate, command: Command): string[] {
  const own = Object.keys(command.options).length > 0;
  return [
    t('help.usage', { usage: t(command.usageKey) }),
    t(command.summaryKey),
    ...(own ? ['', t('help.commandOptionsHeading'), ...optionTable(t, command.options)] : []),
    '',
    t('help.globalOptionsHeading'),
    ...optionTable(t, GLOBAL_OPTIONS),
  ];
}

function optionTable(t: Translate, specs: OptionSpecs): string[] {
  return table(
    Object.entries(specs).map(([name, spec]) => {
      const flags = spec.short ? `-${spec.short}, --${name}` : `--${name}`;
      return [spec.valueHint ? `${flags} ${spec.valueHint}` : flags, t(spec.descriptionKey)];
    }),
  );
}

/** Two columns; the left one is ASCII (names and flags), so padding by length lines them up. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
