/*
 * Essay length the way each language's contests count it: Chinese in characters (字数, every
 * visible character including punctuation, as Word and WPS count 字数), Uyghur in words (runs of
 * letters, marks and digits; an apostrophe-free script, so punctuation and spaces separate words).
 */

const HAN = /\p{Script=Han}/gu;
const ARABIC_LETTER = /\p{Script=Arabic}/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export type TextLanguage = 'zh' | 'ug';

/** The language an essay is written in: the script with more letters (Han wins ties and empty texts). */
export function essayLanguage(text: string): TextLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  return arabic > han ? 'ug' : 'zh';
}

export function countChineseCharacters(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export interface EssayLength {
  language: TextLanguage;
  /** Characters for Chinese, words for Uyghur. */
  count: number;
}

export function essayLength(text: string): EssayLength {
  const language = essayLanguage(text);
  return { language, count: language === 'zh' ? countChineseCharacters(text) : countWords(text) };
}
