import type { Lang } from './lang';

/*
 * Alphabetical order and text normalization.
 *
 * Uyghur is sorted by our own code, never by Intl: Chromium has no Uyghur collation data, and even
 * full ICU (Node), whose 'ug' order gets the 32 letters right, treats the hamza carrier ئ as a
 * letter that precedes them all, so every word that starts with a vowel is filed before "ب"
 * ("ئۆكتەبىر" before "دېكابىر"). Chinese uses Intl.Collator('zh-CN'), which Chromium ships
 * (pinyin order).
 */

/** The 32 letters of the Uyghur Arabic-script alphabet in dictionary order (a e b p t j ch x …). */
export const UYGHUR_ALPHABET: readonly string[] = Array.from('اەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي');

/** The vowels a e o u ö ü ë i. Written at the start of a syllable, each takes the hamza carrier. */
const UYGHUR_VOWELS = new Set(Array.from('اەوۇۆۈېى'));
const HAMZA_CARRIER = 'ئ';

// Characters with no place in a comparison or a search key: harakat and other Arabic combining
// marks, tatweel, zero-width and bidi controls (our own formatted numbers carry isolates), soft
// hyphen, byte-order mark, and U+FE73 ARABIC TAIL FRAGMENT (a glyph piece with no NFKC mapping).
const ARABIC_MARK = /(?=\p{Script_Extensions=Arabic})\p{Mn}/u;
const INVISIBLE = /[\u00AD\u0640\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFE73\uFEFF]/u;
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const ZERO_WIDTH_JOINER = '\u200D';
const TATWEEL = '\u0640';
const ARABIC_HAMZA = '\u0621';

/**
 * Whether the letter at `at` is drawn joined to the next one (initial or medial form). Marks are
 * transparent; tatweel and ZWJ join; hamza (U+0621), ZWNJ, spaces and non-Arabic characters break.
 */
function joinsNext(chars: readonly string[], at: number): boolean {
  for (let next = at + 1; next < chars.length; next++) {
    const c = chars[next] ?? '';
    if (ARABIC_MARK.test(c)) continue;
    return c === TATWEEL || c === ZERO_WIDTH_JOINER || (ARABIC_LETTER.test(c) && c !== ARABIC_HAMZA);
  }
  return false;
}

/**
 * The form of a text that comparison and search work on; never shown to anyone.
 *
 * 1. NFKC. It turns all Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF: what old PDFs
 *    and some converters produce) into standard letters, the hamza ligatures into ئ + vowel and
 *    lam-alef into ل + ا, and composes ي + U+0654 into ئ. Checked exhaustively by the unit tests:
 *    every presentation-form letter in those blocks maps, except U+FE73, which is dropped. What
 *    is left unmapped there is symbols (ornate parentheses, honorific ligatures, ﷽).
 * 2. Lookalikes typed with Arabic or Persian keyboards become the letters Uyghur uses, by the
 *    shape the reader saw:
 *    - Persian keheh ک → Uyghur kaf ك (Uyghur fonts draw ك in the keheh shape anyway);
 *    - Farsi yeh ی is dotless at the end of a word and dotted inside it, so it becomes ى (i) where
 *      it is not joined to the next letter and ي (y) where it is;
 *    - Arabic heh ه likewise looks like ە (e) at the end of a word and like ھ (h) when joined to
 *      the next letter, so it becomes ە or ھ by the same rule. ھ and ە themselves are never
 *      changed: they are distinct Uyghur letters.
 *    - Arabic-Indic and Persian digits become 0–9, the digits Uyghur text uses.
 * 3. Marks and invisible characters (see INVISIBLE) are removed; then NFKC once more, so that
 *    anything a removed character had kept apart is composed and the function is idempotent.
 */
export function normalizeUyghur(text: string): string {
  const chars = Array.from(text.normalize('NFKC'));
  let out = '';
  for (let at = 0; at < chars.length; at++) {
    const c = chars[at] ?? '';
    if (ARABIC_MARK.test(c) || INVISIBLE.test(c)) continue;
    const code = c.codePointAt(0) ?? 0;
    if (c === '\u06A9') out += 'ك';
    else if (c === '\u06CC') out += joinsNext(chars, at) ? 'ي' : 'ى';
    else if (c === '\u0647') out += joinsNext(chars, at) ? 'ھ' : 'ە';
    else if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
    else out += c;
  }
  return out.normalize('NFKC');
}

const DECIMAL_DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;

/** A decimal digit's value: Unicode encodes every digit set as a contiguous run starting at 0. */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/**
 * Digits of every script as ASCII digits, before numeric comparison. ICU's numeric collation is
 * not transitive on a digit run that mixes scripts (found by the property tests: "0ا" < "1" <
 * "0۵" < "0ا"), and a digit is a digit here whatever keyboard typed it.
 */
function foldDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (digit) => String(digitValue(digit)));
}

// ---------------------------------------------------------------------------------------------
// Uyghur collation keys
//
// A string's key is a list of weights compared lexicographically. Weight bands, lowest first:
// spaces, punctuation and symbols (by code point, so "ئىتتىپاق" < "ئىتتىپاق كومىتېتى"
// < "ئىتتىپاقچى"); a run of digits of any script (by numeric value, "2" < "10"); Latin
// letters (case and accents ignored); the Uyghur alphabet; a hamza carrier that precedes no
// vowel; other Arabic-script letters (by code point); everything else, such as Chinese fallback
// names (by code point). Keys only give a preorder; ties are broken by the code points of the
// original strings, which makes the order total and consistent with ===.

const W_NUMBER = 0x110000;
const W_LATIN = 0x120000;
const W_LATIN_OTHER = 0x120020;
const W_UYGHUR = 0x240000;
const W_LONE_HAMZA = W_UYGHUR + UYGHUR_ALPHABET.length;
const W_ARABIC_OTHER = 0x240040;
const W_OTHER = 0x360000;

const ALPHABET_INDEX = new Map(UYGHUR_ALPHABET.map((letter, index) => [letter, index]));
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function uyghurCollationKey(text: string): number[] {
  const chars = Array.from(foldDigits(normalizeUyghur(text)));
  const key: number[] = [];
  for (let at = 0; at < chars.length; at++) {
    const c = chars[at] ?? '';
    const code = c.codePointAt(0) ?? 0;
    const letter = ALPHABET_INDEX.get(c);
    if (letter !== undefined) {
      key.push(W_UYGHUR + letter);
    } else if (c === HAMZA_CARRIER) {
      // Before a vowel the carrier only marks a syllable start: "ئۆكتەبىر" files under ö.
      if (!UYGHUR_VOWELS.has(chars[at + 1] ?? '')) key.push(W_LONE_HAMZA);
    } else if (isAsciiDigit(c)) {
      let end = at;
      while (isAsciiDigit(chars[end])) end++;
      const run = chars.slice(at, end).join('').replace(/^0+/, '');
      key.push(W_NUMBER, run.length);
      for (const digit of run) key.push(Number(digit));
      at = end - 1;
    } else if (LATIN_LETTER.test(c)) {
      const base = (c.normalize('NFD')[0] ?? c).toLowerCase();
      const index = base.charCodeAt(0) - 0x61;
      key.push(base.length === 1 && index >= 0 && index < 26 ? W_LATIN + index : W_LATIN_OTHER + code);
    } else if (ARABIC_LETTER.test(c)) {
      key.push(W_ARABIC_OTHER + code);
    } else if (LETTER_OR_DIGIT.test(c)) {
      key.push(W_OTHER + code);
    } else {
      key.push(code);
    }
  }
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  const shared = Math.min(a.length, b.length);
  for (let at = 0; at < shared; at++) {
    const difference = (a[at] ?? 0) - (b[at] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

/**
 * Code-point order. `<` on strings compares UTF-16 units, which puts a supplementary character
 * (a surrogate pair, D800–DFFF) before U+E000–U+FFFF; shifting both ranges fixes that.
 */
export function compareCodePoints(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let at = 0; at < shared; at++) {
    let x = a.charCodeAt(at);
    let y = b.charCodeAt(at);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

// ---------------------------------------------------------------------------------------------
// Collators

/** A total order on strings: compare(a, b) is -1, 0 or 1, and 0 only when a === b. */
export interface TextCollator {
  compare(a: string, b: string): number;
}

/** Keys are cached per collator because Array#sort compares each string many times. */
const KEY_CACHE_LIMIT = 10_000;

function createUyghurCollator(): TextCollator {
  const keys = new Map<string, number[]>();
  const keyOf = (text: string): number[] => {
    let key = keys.get(text);
    if (!key) {
      if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
      key = uyghurCollationKey(text);
      keys.set(text, key);
    }
    return key;
  };
  return { compare: (a, b) => compareKeys(keyOf(a), keyOf(b)) || compareCodePoints(a, b) };
}

/** Pinyin order with digit runs compared as numbers ("2支部" before "10支部"). */
function createChineseCollator(): TextCollator {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return { compare: (a, b) => Math.sign(collator.compare(foldDigits(a), foldDigits(b))) || compareCodePoints(a, b) };
}

export function createCollator(lang: Lang): TextCollator {
  return lang === 'ug' ? createUyghurCollator() : createChineseCollator();
}

/** Property names of T whose values are text. */
export type TextKeyOf<T> = { [K in keyof T]-?: T[K] extends string | null | undefined ? K : never }[keyof T];

/**
 * A sorted copy of `items`, by the text under `key` (a property name or a function); a missing
 * text sorts as "". Items with identical text keep their input order.
 */
export function sortByText<T>(
  items: readonly T[],
  key: TextKeyOf<T> | ((item: T) => string | null | undefined),
  lang: Lang,
): T[] {
  const textOf = (item: T): string => {
    const text = typeof key === 'function' ? key(item) : item[key];
    return typeof text === 'string' ? text : '';
  };
  const collator = createCollator(lang);
  return items
    .map((item) => ({ item, text: textOf(item) }))
    .sort((a, b) => collator.compare(a.text, b.text))
    .map((entry) => entry.item);
}
