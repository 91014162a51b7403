/*
 * Uyghur case endings attached to a word that is only known at run time: a contest's title, an
 * award, a township, a date, a count, a person's name.
 *
 * A Uyghur case ending has up to four written forms, chosen by the word it follows:
 *  - vowel harmony: a word whose last non-neutral vowel is a back vowel (ا o ۇ, a o u) takes the
 *    back form (غا، دا), one whose last non-neutral vowel is a front vowel (ە ۆ ۈ, e ö ü) the front
 *    form (گە، دە). ې and ى (é, i) are neutral and are skipped: كومىتېتى (komitéti) is back by its
 *    o, كۈنى (küni) front by its ü. A word with neutral vowels only is back when it has a back
 *    consonant (ق غ خ, q gh x: قىرىق → قىرىققا) and front otherwise (بىلىم → بىلىمگە), with the
 *    few exceptions every grammar lists (ئىش → ئىشقا).
 *  - voicing: after a voiceless consonant (پ ت چ خ س ش ف ق ك ھ) the ending starts voiceless
 *    (قا/كە، تا/تە، تىن، قىچە/كىچە): مۇكاپات → مۇكاپاتقا, مەكتەپ → مەكتەپتە.
 *  - vowel raising: a word of two or more syllables that ends in ا or ە writes that vowel as ى
 *    before an ending (يېزا → يېزىغا، ناھىيە → ناھىيىگە، مۇسابىقە → مۇسابىقىدە).
 * The ending is written directly after the word, with no space.
 *
 * Text that is not a Uyghur word gets a reading, so the form still agrees with what a reader says:
 *  - a number in digits is read aloud, and its last spoken word picks the form: 5 (بەش) → 5كە,
 *    2025 (… يىگىرمە بەش) → 2025كە, 2000 (ئىككى مىڭ) → 2000گە, 10 (ئون) → 10غا, 48.6 (… ئوندىن
 *    ئالتە) → 48.6گە. A percentage is read as "يۈزدىن …", so its number decides. A short date
 *    (2026-01-05) is read as a date, ending in كۈنى. The ending follows the digits directly, as
 *    it follows a word; an isolated value keeps its isolate and the ending comes after it.
 *  - a Latin-script word (Excel, League Desk, a ULY spelling) is read by its Uyghur Latin letters;
 *    an acronym without vowels (PDF, WPS) by its letter names, which are front (ef, es).
 *  - a Chinese name (an organisation not yet translated) cannot be read reliably: every Mandarin
 *    syllable ends in a vowel, n or ng, so the ending is voiced, and the back form is used.
 *  Text in another script is joined with a hyphen (Excel-دە، 轮台镇-غا), which is how published
 *  Uyghur attaches an ending to a foreign word and marks it as an ending, not a new word.
 *
 * Closing quotation marks, brackets and bidi isolates stay where they are and the ending follows
 * them («…»غا); the word is then not changed inside the quotes (no raising).
 *
 * Reference for the rules and the test words: Engesæth, Yakup and Dwyer, "Greetings from the
 * Teklimakan: a handbook of Modern Uyghur" (University of Kansas, 2009), lessons on vowel harmony,
 * the case endings and vowel raising; Tömür, "Modern Uyghur Grammar (Morphology)" (2003).
 */

/** The case endings templates use, by name: `{{township, dative}}`. */
export const UYGHUR_CASES = [
  'dative',
  'locative',
  'ablative',
  'genitive',
  'accusative',
  'limitative',
  'locativeAttributive',
] as const;
export type UyghurCase = (typeof UYGHUR_CASES)[number];

export function isUyghurCase(name: string): name is UyghurCase {
  return (UYGHUR_CASES as readonly string[]).includes(name);
}

/** Forms in the order back voiced, back voiceless, front voiced, front voiceless. */
const FORMS: Record<UyghurCase, readonly [string, string, string, string]> = {
  /** -gha: to */
  dative: ['غا', 'قا', 'گە', 'كە'],
  /** -da: in, at, on */
  locative: ['دا', 'تا', 'دە', 'تە'],
  /** -din: from; harmony does not change it, voicing does */
  ablative: ['دىن', 'تىن', 'دىن', 'تىن'],
  /** -ning: of; one form */
  genitive: ['نىڭ', 'نىڭ', 'نىڭ', 'نىڭ'],
  /** -ni: the direct object; one form */
  accusative: ['نى', 'نى', 'نى', 'نى'],
  /** -ghiche: until, up to */
  limitative: ['غىچە', 'قىچە', 'گىچە', 'كىچە'],
  /** -diki: the one in, at */
  locativeAttributive: ['دىكى', 'تىكى', 'دىكى', 'تىكى'],
};

export interface WordSound {
  back: boolean;
  voiceless: boolean;
}

const BACK_VOWELS = new Set(Array.from('اوۇ'));
const FRONT_VOWELS = new Set(Array.from('ەۆۈ'));
const NEUTRAL_VOWELS = new Set(Array.from('ېى'));
const BACK_CONSONANTS = new Set(Array.from('قغخ'));
const VOICELESS = new Set(Array.from('پتچخسشفقكھ'));
const HAMZA_CARRIER = 'ئ';
/** Neutral-vowel words that take back endings although they have no back consonant. */
const BACK_EXCEPTIONS = new Set(['ئىش']);

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const DIGIT = /[0-9]/;
/** What may follow the word without being part of it: isolates, marks, closing quotes, brackets. */
const TRAILING = /[\u200E\u200F\u061C\u2066-\u2069\u00BB\u201D\u2019"')\]}›>»\s.,!?;:،؛؟]+$/u;

/** The endings that start with غ/گ, which after غ or گ start with ق/ك. */
const G_CASES: ReadonlySet<UyghurCase> = new Set(['dative', 'limitative']);

/** The harmony and voicing of a Uyghur word in Arabic script. */
export function soundOfUyghurWord(word: string): WordSound {
  const letters = Array.from(word).filter((c) => ARABIC_LETTER.test(c) && c !== HAMZA_CARRIER);
  const last = letters[letters.length - 1] ?? '';
  const voiceless = VOICELESS.has(last);
  for (let at = letters.length - 1; at >= 0; at--) {
    const c = letters[at] ?? '';
    if (BACK_VOWELS.has(c)) return { back: true, voiceless };
    if (FRONT_VOWELS.has(c)) return { back: false, voiceless };
  }
  const back = BACK_EXCEPTIONS.has(word) || letters.some((c) => BACK_CONSONANTS.has(c));
  return { back, voiceless };
}

const UNITS = ['نۆل', 'بىر', 'ئىككى', 'ئۈچ', 'تۆت', 'بەش', 'ئالتە', 'يەتتە', 'سەككىز', 'توققۇز'];
const TENS = ['', 'ئون', 'يىگىرمە', 'ئوتتۇز', 'قىرىق', 'ئەللىك', 'ئاتمىش', 'يەتمىش', 'سەكسەن', 'توقسان'];

/**
 * The last word said when a whole number in digits is read aloud: 2025 → بەش (… يىگىرمە بەش),
 * 40 → قىرىق, 300 → يۈز, 12000 → مىڭ, 0 → نۆل. Works on the digit string, so any length will do.
 */
export function lastSpokenWordOfInteger(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return UNITS[0] ?? '';
  const units = Number(trimmed.slice(-1));
  if (units !== 0) return UNITS[units] ?? '';
  const tens = Number(trimmed.slice(-2, -1) || '0');
  if (tens !== 0) return TENS[tens] ?? '';
  if (Number(trimmed.slice(-3, -2) || '0') !== 0) return 'يۈز';
  const zeros = /0*$/.exec(trimmed)?.[0].length ?? 0;
  if (zeros < 6) return 'مىڭ';
  if (zeros < 9) return 'مىليون';
  return 'مىليارد';
}

const SHORT_DATE = /\d{4}-\d{1,2}-\d{1,2}$/;
const TIME = /(\d{1,2}):(\d{2})$/;
const NUMBER_AT_END = /(\d[\d,]*)(?:\.(\d+))?\D*$/;

/** The last spoken word of the number, date or time at the end of `text`, or null if none. */
function lastSpokenWordOfDigits(text: string): string | null {
  if (SHORT_DATE.test(text)) return 'كۈنى';
  const time = TIME.exec(text);
  if (time) return lastSpokenWordOfInteger(Number(time[2]) !== 0 ? (time[2] ?? '') : (time[1] ?? ''));
  const number = NUMBER_AT_END.exec(text);
  if (!number) return null;
  const fraction = (number[2] ?? '').replace(/0+$/, '');
  return lastSpokenWordOfInteger(fraction !== '' ? fraction : (number[1] ?? '').replace(/,/g, ''));
}

/** Uyghur Latin letters as sounds: the vowels, and the consonant letters that are voiceless. */
const LATIN_BACK = new Set(Array.from('aou'));
const LATIN_FRONT = new Set(Array.from('eöü'));
const LATIN_VOICELESS = new Set(Array.from('ptcxsfqkh'));
/** Acronym letters whose English name ends voiceless: ef, eych, es, eks. */
const ACRONYM_VOICELESS = new Set(Array.from('fhsx'));

function soundOfLatinWord(word: string): WordSound {
  const lower = word.toLowerCase().normalize('NFC');
  const letters = Array.from(lower).filter((c) => LATIN_LETTER.test(c));
  const last = letters[letters.length - 1] ?? '';
  const vowels = letters.filter((c) => LATIN_BACK.has(c) || LATIN_FRONT.has(c) || 'iéëè'.includes(c));
  if (vowels.length === 0) return { back: false, voiceless: ACRONYM_VOICELESS.has(last) };
  // gh, ng, zh are voiced although their last letter alone would not say so.
  const voiceless = LATIN_VOICELESS.has(last) && !/(gh|ng|zh)$/.test(lower);
  for (let at = letters.length - 1; at >= 0; at--) {
    const c = letters[at] ?? '';
    if (LATIN_BACK.has(c)) return { back: true, voiceless };
    if (LATIN_FRONT.has(c)) return { back: false, voiceless };
  }
  return { back: /[qx]|gh/.test(lower), voiceless };
}

function syllableCount(word: string): number {
  return Array.from(word).filter((c) => BACK_VOWELS.has(c) || FRONT_VOWELS.has(c) || NEUTRAL_VOWELS.has(c)).length;
}

/** The form of `grammaticalCase` for a word that sounds like `sound`. */
export function suffixFor(grammaticalCase: UyghurCase, sound: WordSound): string {
  const forms = FORMS[grammaticalCase];
  return forms[(sound.back ? 0 : 2) + (sound.voiceless ? 1 : 0)] ?? forms[0];
}

/**
 * `text` with the Uyghur case ending attached, as a reader says it: مۇسابىقىسى → مۇسابىقىسىدا,
 * مۇكاپات → مۇكاپاتقا, يېزا → يېزىغا, 5 → 5كە, Excel → Excel-دە. See the top of this file.
 */
export function attachSuffix(text: string, grammaticalCase: UyghurCase): string {
  const trailing = TRAILING.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - trailing.length);
  const lastWord = /\S*$/u.exec(body)?.[0] ?? '';
  // A sign after the last letter or digit (48.6%) is part of the word but not of its sound.
  const core = lastWord.replace(/[^\p{L}\p{N}]+$/u, '');
  const lastChar = Array.from(core).pop() ?? '';

  if (DIGIT.test(lastChar)) {
    const spoken = lastSpokenWordOfDigits(body) ?? '';
    return text + suffixFor(grammaticalCase, soundOfUyghurWord(spoken));
  }
  if (ARABIC_LETTER.test(lastChar)) {
    const word = Array.from(core).filter((c) => ARABIC_LETTER.test(c)).join('');
    const sound = soundOfUyghurWord(word);
    // A G-ending (غا، غىچە) after غ or گ is written with ق or ك: تاغ → تاغقا، بەگ → بەگكە.
    const gAfterG = G_CASES.has(grammaticalCase) && (lastChar === 'غ' || lastChar === 'گ');
    const suffix = suffixFor(grammaticalCase, gAfterG ? { ...sound, voiceless: true } : sound);
    const raises = trailing === '' && core === lastWord && (lastChar === 'ا' || lastChar === 'ە') && syllableCount(word) >= 2;
    return (raises ? body.slice(0, -1) + 'ى' : text) + suffix;
  }
  if (LATIN_LETTER.test(lastChar)) {
    const word = /[\p{Script=Latin}']*$/u.exec(core)?.[0] ?? core;
    return `${text}-${suffixFor(grammaticalCase, soundOfLatinWord(word))}`;
  }
  // Chinese or anything else: voiced, back; see the top of this file.
  return `${text}${body === '' ? '' : '-'}${suffixFor(grammaticalCase, { back: true, voiceless: false })}`;
}
