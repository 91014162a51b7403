// Left-to-right runs in Uyghur strings (issue 16), checked by scripts/check-locales.mjs.
//
// The convention (docs/ARCHITECTURE.md, "Uyghur text"):
//  - Inside a Uyghur string, every left-to-right run that the Unicode bidi algorithm would scramble
//    is wrapped in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE, written in the JSON file as the
//    escapes \u2066 … \u2069 so a reviewer sees them: a number with separators (12,028, 0.4863,
//    48.6%), a code (LT-03), a phone (0996-4622345), a date (2019-05-04), a file name or extension
//    (.leaguesync, manifest.json), a URL, a command line (league-desk hub setup, --period), a range
//    (14–35) and a pair (7 / 1, {{done}} / {{total}}). The same isolate the formatter puts around a
//    Uyghur number (shared/i18n/format.ts), so a literal and an interpolated value look alike.
//  - A range or a pair is one left-to-right unit, smaller number on the left, as a date is:
//    ⁦14–35⁩, ⁦{{done}} / {{total}}⁩. Uyghur readers read a number, a date and a phone number left
//    to right; a range inside the isolate reads the same way, and the same in both languages.
//  - A lone Latin word (Excel, U, League Desk) or a plain digit run (30, 2025) needs no isolate.
//  - An arrow points the reading way: ← (from the old value on the right to the new on the left);
//    → in a Uyghur string points backwards.
//  - A case ending follows its word directly (no space): through `{{name, dative}}` after a
//    placeholder (shared/i18n/suffix.ts), written out after a literal word. A standalone ending
//    after a space ("{{found}} غا") is an error.
//  - Only isolates: no LRM/RLM marks or embeddings (U+200E, U+200F, U+202A–U+202E).

const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
/** Stands for a masked isolate: a neutral character that forms no run. */
const MASK = '\uFFFC';
/** Stands for a `{{placeholder}}`: its value's direction is the caller's, so it counts as a token. */
const SLOT = '\uE000';

const TOKEN = '[A-Za-z0-9\\u00C0-\\u024F\\uE000]';
const JOIN = "[.,:/\\\\\\-–—_@+#~=&?|'*]";
const RUN = new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F\\uE000.\\-_])(?:--?|[._])?${TOKEN}+(?:${JOIN}+${TOKEN}+)*%?`, 'gu');
const PAIR = new RegExp(`(${TOKEN}+%?)\\s*([/@×\\-–—])\\s*(${TOKEN}+)`, 'gu');
const SUFFIXES = ['غا', 'قا', 'گە', 'كە', 'دا', 'تا', 'دە', 'تە', 'دىن', 'تىن', 'نىڭ', 'نى', 'غىچە', 'قىچە', 'گىچە', 'كىچە', 'دىكى', 'تىكى'];
const LONE_SUFFIX = new RegExp(`(^|\\s)(${SUFFIXES.join('|')})(?=$|[\\s.,،؛:!?)»])`, 'gu');

/** The text with every isolated span masked, or null when isolates do not pair up. */
function maskIsolates(text) {
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === LRI || char === RLI || char === FSI) {
      depth += 1;
      out += MASK;
    } else if (char === PDI) {
      if (depth === 0) return null;
      depth -= 1;
      out += MASK;
    } else {
      out += depth > 0 ? MASK : char;
    }
  }
  return depth === 0 ? out : null;
}

/** What kind of left-to-right run `run` is, for the message; null when it needs no isolate. */
function kindOf(run) {
  if (/^[A-Za-z\u00C0-\u024F]+$/u.test(run) || /^[0-9]+$/.test(run) || run === SLOT) return null;
  if (/:\/\/|^www\./.test(run)) return 'URL';
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(run)) return 'date';
  if (/^\d{3,4}-\d{6,8}$/.test(run)) return 'phone number';
  if (/^[\d\uE000]+[–—-][\d\uE000]+$/u.test(run)) return 'range';
  if (/^--?[a-z]/.test(run)) return 'command-line option';
  if (/^\.[a-z]/i.test(run) || /\.[a-z]{2,5}$/i.test(run)) return 'file name';
  if (/^[\d,.%\uE000]+$/u.test(run)) return 'number with separators';
  return 'code or command';
}

const show = (text) => text.replaceAll(SLOT, '{{…}}');

/**
 * Every problem with the left-to-right runs of one Uyghur string, as sentences naming the run.
 * An empty list means the string follows the convention above.
 */
export function bidiProblems(value) {
  const problems = [];
  if (/[\u200E\u200F\u202A-\u202E]/u.test(value)) problems.push('uses a bidi mark or embedding; use isolates (\\u2066 … \\u2069)');
  const withSlots = value.replace(/\{\{[^}]*\}\}/g, SLOT);
  const masked = maskIsolates(withSlots);
  if (masked === null) return [...problems, 'isolates do not pair up (every \\u2066/\\u2067/\\u2068 needs its \\u2069)'];
  for (const match of masked.matchAll(RUN)) {
    const kind = kindOf(match[0]);
    if (kind) problems.push(`${kind} "${show(match[0])}" outside an isolate`);
  }
  for (const match of masked.matchAll(PAIR)) {
    const [whole, , separator] = match;
    // A hyphen inside one token run (LT-03) is the run's own; a pair has spaces or a slash.
    if ((separator === '-' || separator === '–' || separator === '—') && !/\s/.test(whole)) continue;
    problems.push(`${separator === '/' || separator === '@' || separator === '×' ? 'pair' : 'range'} "${show(whole)}" outside an isolate`);
  }
  if (/→|->|⇒/.test(masked)) problems.push('arrow → points left to right; in Uyghur the reading way is ←');
  for (const match of masked.matchAll(LONE_SUFFIX)) {
    problems.push(`case ending "${match[2]}" written apart from its word; attach it (a placeholder: {{name, case}})`);
  }
  return problems;
}

/**
 * Namespaces the check leaves out. cli.json is printed to a terminal, which lays text out in the
 * order it is written (no bidi algorithm in the Windows console or most Linux terminals), so an
 * isolate there reorders nothing and may show as a box; the command line writes plain text
 * (formatInteger(…, { bidi: 'plain' })) for the same reason.
 */
export const BIDI_EXEMPT_NAMESPACES = ['cli'];

/** Problems of every Uyghur string: `entries` maps "namespace:key" to its value. */
export function checkUyghurBidi(entries) {
  const out = [];
  for (const [key, value] of entries) {
    if (typeof value !== 'string') continue;
    if (BIDI_EXEMPT_NAMESPACES.includes(key.split(':')[0])) continue;
    for (const problem of bidiProblems(value)) out.push(`${key} (ug): ${problem}`);
  }
  return out;
}
