import { z } from 'zod';

/** The two working languages. zh-CN is the default; ug is Uyghur in Arabic script, right to left. */
export const LANGS = ['zh-CN', 'ug'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function directionOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ug' ? 'rtl' : 'ltr';
}

/** Each language named in itself, for the language switch. */
export const LANG_SELF_NAMES: Record<Lang, string> = { 'zh-CN': '中文', ug: 'ئۇيغۇرچە' };

/** A text kept in both languages where known. A missing language is shown from the other, marked. */
export interface BilingualText {
  zh?: string;
  ug?: string;
}

export const bilingualTextSchema = z.object({ zh: z.string().optional(), ug: z.string().optional() });

/** Picks the text for a language; `translated` is false when it fell back to the other language. */
export function pickText(text: BilingualText, lang: Lang): { text: string; translated: boolean } {
  const own = lang === 'ug' ? text.ug : text.zh;
  if (own && own.trim()) return { text: own, translated: true };
  const other = lang === 'ug' ? text.zh : text.ug;
  return { text: other ?? '', translated: false };
}
