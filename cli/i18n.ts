import ugMessages from '../locales/ug/cli.json' with { type: 'json' };
import zhMessages from '../locales/zh-CN/cli.json' with { type: 'json' };
import { interpolate } from '../shared/i18n/interpolate';
import { DEFAULT_LANG, isLang, type Lang } from '../shared/i18n/lang';

/**
 * The command line's messages come from locales/<lang>/cli.json, like the app's, so a reviewer
 * corrects Uyghur in one place. Placeholders use i18next's `{{name}}` and `{{name, dative}}` forms,
 * filled by the same interpolate as the reports (shared/i18n/interpolate.ts).
 */
export type Messages = typeof zhMessages;

/** Typing the Uyghur file as the Chinese one's shape makes a key missing from it a compile error. */
const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhMessages, ug: ugMessages };

/** Dotted paths to the leaves of the message tree: `errors.unknownCommand`, `figures.members`, … */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function createTranslator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  return (key, values = {}) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (typeof node !== 'string') throw new Error(`cli message ${key} is missing in ${lang}`);
    return interpolate(node, values);
  };
}

/**
 * Order of precedence: `--lang`, then the LEAGUE_DESK_LANG environment variable, then Chinese. An
 * environment value that is not a language is ignored rather than refused: it may have been set for
 * another tool, and refusing it would make every command fail until someone finds it.
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const fromEnv = env['LEAGUE_DESK_LANG'];
  return isLang(fromEnv) ? fromEnv : DEFAULT_LANG;
}
