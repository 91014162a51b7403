import { parseArgs } from 'node:util';
import type { OptionSpecs, OptionValues } from './commands/command';

/** Options every command accepts. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  lang: { type: 'string', valueHint: '<zh-CN|ug>', descriptionKey: 'options.lang' },
  help: { type: 'boolean', short: 'h', descriptionKey: 'options.help' },
  version: { type: 'boolean', short: 'v', descriptionKey: 'options.version' },
};

export type ArgProblem =
  | { kind: 'unknownOption'; option: string }
  | { kind: 'missingValue'; option: string }
  | { kind: 'unexpectedValue'; option: string };

export interface ScannedArgs {
  options: OptionValues;
  positionals: string[];
  /** The first thing wrong with the command line, if any. */
  problem?: ArgProblem;
}

/**
 * Reads the command line against a set of options. parseArgs runs in its lenient mode and the
 * checks are made here, because strict mode throws English messages and the person at the keyboard
 * may read only Uyghur or Chinese: each problem comes back as data for a localized message.
 */
export function scanArgs(argv: readonly string[], specs: OptionSpecs): ScannedArgs {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  let problem: ArgProblem | undefined;
  for (const token of tokens) {
    if (problem || token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (!spec) problem = { kind: 'unknownOption', option: token.rawName };
    else if (spec.type === 'boolean' && token.inlineValue) problem = { kind: 'unexpectedValue', option: token.rawName };
    else if (spec.type === 'string' && (token.value === undefined || looksLikeOption(token.value, token.inlineValue))) {
      problem = { kind: 'missingValue', option: token.rawName };
    }
  }
  const options = values as Record<string, string | boolean | undefined>;
  return problem ? { options, positionals, problem } : { options, positionals };
}

/** `--lang --json` means the value was forgotten, not that the language is "--json"; a lone `-` may be a value. */
function looksLikeOption(value: string, inline: boolean | undefined): boolean {
  return !inline && value.startsWith('-') && value !== '-';
}
