import { attachSuffix, UYGHUR_CASES } from './suffix';

/*
 * One way to fill a message template outside i18next (reports, certificates, bulletins, the command
 * line): the same `{{name}}` and `{{name, format}}` syntax as i18next, and the same formats, so a
 * translator writes `{{contest, locative}}` once and it works wherever the string is used. The
 * renderer's i18next registers the same formats (renderer/src/i18n.ts, MESSAGE_FORMATS).
 *
 * The formats are the Uyghur case endings (shared/i18n/suffix.ts). Only Uyghur templates use
 * them; scripts/check-locales.mjs refuses one in a Chinese template.
 */

/** A format a template may name after a placeholder, and what it does to the value. */
export const MESSAGE_FORMATS: Readonly<Record<string, (value: string) => string>> = Object.fromEntries(
  UYGHUR_CASES.map((name) => [name, (value: string) => attachSuffix(value, name)]),
);

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/**
 * Fills i18next-style placeholders: `{{name}}` with the value, `{{name, dative}}` with the value and
 * its case ending. An unknown placeholder or format is left as it is, visibly, rather than dropped.
 * `present` turns each filled value into what the output holds (HTML escaping and a <bdi>, say);
 * it sees the value with its ending, so the ending is chosen from the plain text.
 */
export function interpolate(
  template: string,
  values: Readonly<Record<string, string | number>>,
  present: (text: string) => string = (text) => text,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (format === undefined) return present(String(value));
    const apply = MESSAGE_FORMATS[format];
    return apply ? present(apply(String(value))) : whole;
  });
}
