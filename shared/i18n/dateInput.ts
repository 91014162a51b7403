import { formatDate, isIsoCalendarDate } from './format';
import type { Lang } from './lang';

/**
 * A date typed into a date field, in either language's writing, read as an ISO calendar date
 * ("2026-12-07"). The field does not follow the browser's locale (Chromium would show mm/dd/yyyy
 * on both Chinese and Uyghur screens); it takes what clerks type:
 * - ISO and its everyday variants: 2026-12-07, 2026-12-7, 2026/12/7, 2026.12.7, 20261207;
 * - Chinese: 2026年12月7日 (and 2026年12月7号);
 * - Uyghur: 2026-يىلى 12-ئاينىڭ 7-كۈنى, as formatDate writes it, or with ئاي for ئاينىڭ;
 * full-width digits (from a Chinese input method) and Arabic-Indic digits count as digits; spaces
 * and bidi marks are ignored. Year first always — day-first or month-first numbers are never
 * guessed. Returns null for anything else and for dates that do not exist (2026-02-30).
 */
export function parseDateInput(text: string): string | null {
  const cleaned = normalizeDigits(text).replace(/[\u200e\u200f\u2066-\u2069\u061c\s]+/gu, ' ').trim();
  if (cleaned === '') return null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/u.exec(cleaned);
  const parts =
    compact ??
    /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/u.exec(cleaned) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/u.exec(cleaned) ??
    /^(\d{4})\s*-?\s*يىلى\s*(\d{1,2})\s*-?\s*(?:ئاينىڭ|ئاي)\s*(\d{1,2})\s*-?\s*(?:كۈنى)?$/u.exec(cleaned);
  if (!parts) return null;
  return isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

/** The calendar date as ISO text, or null when it does not exist (years 1000–9999). */
export function isoDate(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1000 && year <= 9999 && isIsoCalendarDate(text) ? text : null;
}

/** The date in words under a date field, confirming what was understood ("2026年12月7日", "2026-يىلى 12-ئاينىڭ 7-كۈنى"). */
export function dateInputEcho(iso: string, lang: Lang): string | null {
  const date = parseDateInput(iso);
  return date === null ? null : formatDate(date, lang, 'long');
}

function normalizeDigits(text: string): string {
  return text.replace(/[０-９٠-٩۰-۹／－．]/gu, (c) => {
    const code = c.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    return c === '／' ? '/' : c === '－' ? '-' : '.';
  });
}
