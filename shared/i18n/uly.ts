/*
 * Uyghur Latin script (ULY, Uyghur Latin Yéziqi) ↔ Uyghur Arabic script (UEY), for people whose PC
 * has no Uyghur keyboard: they type `bügür` and get بۈگۈر, and search accepts either script.
 *
 * ULY writes each of the 32 letters as one Latin letter or one of five digraphs (ch چ, gh غ,
 * ng ڭ, sh ش, zh ژ); the vowels are a e é i o u ö ü. The hamza carrier ئ is not written at the
 * start of a word (ئۆي = öy) and is written as an apostrophe inside one (مەسئۇل = mes'ul). The
 * apostrophe also keeps two letters apart that would otherwise read as a digraph: n'g (ن گ, not
 * ڭ), n'gh (ن غ), s'h (س ھ), z'h (ز ھ), g'h (گ ھ).
 *
 * Arabic → Latin gives the canonical ULY spelling; Latin → Arabic reads it back, and also accepts
 * what people type: capitals, ë or e + combining acute for é, o/u + combining diaeresis, and two
 * vowels side by side without the apostrophe (the ئ Arabic script needs between them is added).
 * On well-formed words the two are inverses (test/unit/i18n/uly.property.test.ts).
 */

const LETTERS: ReadonlyArray<readonly [arabic: string, latin: string]> = [
  ['ا', 'a'],
  ['ە', 'e'],
  ['ب', 'b'],
  ['پ', 'p'],
  ['ت', 't'],
  ['ج', 'j'],
  ['چ', 'ch'],
  ['خ', 'x'],
  ['د', 'd'],
  ['ر', 'r'],
  ['ز', 'z'],
  ['ژ', 'zh'],
  ['س', 's'],
  ['ش', 'sh'],
  ['غ', 'gh'],
  ['ف', 'f'],
  ['ق', 'q'],
  ['ك', 'k'],
  ['گ', 'g'],
  ['ڭ', 'ng'],
  ['ل', 'l'],
  ['م', 'm'],
  ['ن', 'n'],
  ['ھ', 'h'],
  ['و', 'o'],
  ['ۇ', 'u'],
  ['ۆ', 'ö'],
  ['ۈ', 'ü'],
  ['ۋ', 'w'],
  ['ې', 'é'],
  ['ى', 'i'],
  ['ي', 'y'],
];

const HAMZA = 'ئ';
const APOSTROPHE = "'";
const TO_LATIN = new Map(LETTERS);
const TO_ARABIC = new Map(LETTERS.map(([arabic, latin]) => [latin, arabic]));
const DIGRAPHS = new Set(['ch', 'gh', 'ng', 'sh', 'zh']);
const ARABIC_VOWELS = new Set(Array.from('اەېىوۇۆۈ'));
/** Punctuation that has its own Arabic-script form. */
const PUNCTUATION: ReadonlyArray<readonly [arabic: string, latin: string]> = [
  ['،', ','],
  ['؛', ';'],
  ['؟', '?'],
];
const PUNCTUATION_TO_LATIN = new Map(PUNCTUATION);
const PUNCTUATION_TO_ARABIC = new Map(PUNCTUATION.map(([arabic, latin]) => [latin, arabic]));

/** Uyghur in Arabic script → ULY. Anything that is not a Uyghur letter is kept as it is. */
export function ulyFromArabic(text: string): string {
  let out = '';
  /** The Latin of the previous letter of the same word, or '' at a word's start. */
  let previous = '';
  for (const char of text) {
    if (char === HAMZA) {
      // Written inside a word, silent at its start.
      if (previous !== '') {
        out += APOSTROPHE;
        previous = APOSTROPHE;
      } else {
        previous = '';
      }
      continue;
    }
    const latin = TO_LATIN.get(char);
    if (latin === undefined) {
      out += PUNCTUATION_TO_LATIN.get(char) ?? char;
      previous = '';
      continue;
    }
    // Two letters that would read as a digraph are kept apart: n'g, s'h, z'h, g'h, n'gh.
    if (previous.length === 1 && previous !== APOSTROPHE && DIGRAPHS.has((previous + latin).slice(0, 2))) out += APOSTROPHE;
    out += latin;
    previous = latin;
  }
  return out;
}

/** What people type for é, ö, ü, in one form: ë → é, and precomposed letters (NFC). */
function normalizeLatin(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ë/g, 'é').replace(/[’‘ʼ`]/g, APOSTROPHE);
}

const LATIN_LETTER = /[a-zéöü]/;

/** ULY → Uyghur in Arabic script. Anything that is not a ULY letter is kept as it is. */
export function arabicFromUly(text: string): string {
  const chars = Array.from(normalizeLatin(text));
  let out = '';
  /** Whether the previous character was a letter of the same word, and whether it was a vowel. */
  let inWord = false;
  let afterVowel = false;
  let apostrophe = false;
  for (let at = 0; at < chars.length; at++) {
    const char = chars[at] ?? '';
    if (char === APOSTROPHE && inWord && LATIN_LETTER.test(chars[at + 1] ?? '')) {
      apostrophe = true;
      continue;
    }
    if (!LATIN_LETTER.test(char)) {
      out += PUNCTUATION_TO_ARABIC.get(char) ?? char;
      inWord = false;
      afterVowel = false;
      apostrophe = false;
      continue;
    }
    const pair = char + (chars[at + 1] ?? '');
    const latin = DIGRAPHS.has(pair) ? pair : char;
    const arabic = TO_ARABIC.get(latin);
    if (arabic === undefined) {
      // A Latin letter ULY does not use (c, v): kept, and it ends the word.
      out += char;
      inWord = false;
      afterVowel = false;
      apostrophe = false;
      continue;
    }
    const vowel = ARABIC_VOWELS.has(arabic);
    // A vowel takes the hamza carrier at a word's start, after an apostrophe, and after a vowel.
    if (vowel && (!inWord || apostrophe || afterVowel)) out += HAMZA;
    out += arabic;
    at += latin.length - 1;
    inWord = true;
    afterVowel = vowel;
    apostrophe = false;
  }
  return out;
}

/** Whether `text` has Latin letters and no Arabic script: a query or an entry typed in ULY. */
export function looksLikeUly(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/\p{Script=Arabic}/u.test(text);
}
