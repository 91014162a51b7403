import { pickText, type BilingualText, type Lang } from './lang';

/*
 * Dates and numbers in the two working languages.
 *
 * The trap this file exists for: Chromium, and so Electron, ships ICU without Uyghur locale data.
 * `new Intl.DateTimeFormat('ug')` does not throw; it silently falls back to the default locale
 * ("November 22, 2026"), and `Intl.Collator('ug')` sorts in root order. Node carries full ICU, so
 * a Node-only test would hide that. Therefore every 'ug' string below is built by our own code and
 * Intl is asked only for 'zh-CN', whose data Chromium does ship. test/e2e/i18n-in-chromium.test.ts
 * runs the same case table inside real Chromium to keep it that way.
 */

/** Shown for a value with no meaningful text: NaN, ±Infinity, an invalid or impossible date. */
export const NO_VALUE = '—';

/** Unicode bidi controls (UAX #9): LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE. */
export const LTR_ISOLATE = '\u2066';
export const POP_ISOLATE = '\u2069';
/** FIRST-STRONG ISOLATE: the direction of what follows is that of its first strong letter. */
export const FIRST_STRONG_ISOLATE = '\u2068';

/**
 * How a Uyghur number, percentage or numeric date is protected from the bidi algorithm.
 *
 * CLDR's 'ug' number patterns carry no bidi marks: Node's full ICU prints "-48.6%" and "12,028" as
 * plain ASCII (unlike 'he' and 'ur', which put U+200E before the minus). That plain text is right
 * for a spreadsheet, a CSV or a search index, but on screen, inside a right-to-left paragraph,
 * the Unicode bidi algorithm scrambles it:
 *  - after Uyghur letters, digits become "Arabic numbers" (rule W2), so "%" and a leading "-" stop
 *    sticking to them and take the paragraph's direction: "نىسبىتى -3.2%" is drawn "%3.2- نىسبىتى";
 *  - even alone in a right-to-left table cell, "-48.6%" is drawn "48.6%-";
 *  - "2026-01-05" after Uyghur letters is drawn with its three parts in reverse order.
 *
 * So by default ('isolate') such a Uyghur value is wrapped in LTR_ISOLATE … POP_ISOLATE: the text
 * between is laid out as one left-to-right unit, character for character what CLDR writes, and the
 * surrounding Uyghur can neither reach into it nor be disturbed by it. Isolates rather than a lone
 * U+200E because they also keep the number from attaching to neutral characters after it, and
 * because isolation is what HTML itself recommends (<bdi>). 'plain' returns the bare CLDR text, for
 * exports and comparisons. Long dates ("2026-يىلى 11-ئاينىڭ 22-كۈنى") are right-to-left phrases in
 * which every number is followed by its Uyghur suffix; they read correctly unmarked and are never
 * wrapped. Chinese is left to right and never wrapped. The e2e test measures glyph positions in
 * Chromium to prove each of these claims.
 */
export type BidiMode = 'isolate' | 'plain';

export interface BidiOptions {
  /** Uyghur only; default 'isolate'. See BidiMode. */
  bidi?: BidiMode;
}

export interface NumberFormatOptions extends BidiOptions {
  /** 0–100, default 0, like Intl. */
  minimumFractionDigits?: number;
  /** 0–100, default max(minimumFractionDigits, 3), like Intl. */
  maximumFractionDigits?: number;
}

/**
 * The twelve Uyghur month names in standard spelling, January first, as in CLDR's 'ug' data
 * (checked against Node's ICU by test/unit/i18n/cldr-differential.test.ts).
 */
export const UYGHUR_MONTH_NAMES: readonly string[] = [
  'يانۋار',
  'فېۋرال',
  'مارت',
  'ئاپرېل',
  'ماي',
  'ئىيۇن',
  'ئىيۇل',
  'ئاۋغۇست',
  'سېنتەبىر',
  'ئۆكتەبىر',
  'نويابىر',
  'دېكابىر',
];

// ---------------------------------------------------------------------------------------------
// Dates

interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const ISO_CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A yyyy-mm-dd string is a calendar date and is read field by field: `new Date('2026-11-22')`
 * would mean midnight UTC, which is still the 21st west of Greenwich. A Date means the calendar
 * date it has on this machine's clock. Anything else (wrong shape, 2026-02-30, Invalid Date) is
 * null and displays as NO_VALUE rather than throwing inside a render.
 */
function calendarDateOf(date: Date | string): CalendarDate | null {
  if (typeof date === 'string') {
    const match = ISO_CALENDAR_DATE.exec(date);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
    if (monthLength === undefined || day < 1 || day > monthLength) return null;
    return { year, month, day };
  }
  if (Number.isNaN(date.getTime())) return null;
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Whether text is a calendar date `yyyy-mm-dd` that exists (no 2026-02-30): the one check behind every date field and schema. */
export function isIsoCalendarDate(text: string): boolean {
  return calendarDateOf(text) !== null;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const zhDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Chinese through Intl, on a UTC instant formatted in UTC, so no time zone can shift the day. */
function zhCalendarText(date: CalendarDate, withDay: boolean): string {
  const cacheKey = withDay ? 'day' : 'month';
  let format = zhDateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat('zh-CN', {
      year: 'numeric',
      month: 'long',
      ...(withDay ? { day: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    zhDateFormats.set(cacheKey, format);
  }
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  return format.format(instant);
}

function withBidi(text: string, lang: Lang, bidi: BidiMode | undefined): string {
  return lang === 'ug' && (bidi ?? 'isolate') === 'isolate' ? LTR_ISOLATE + text + POP_ISOLATE : text;
}

/**
 * Any other left-to-right run inside a sentence (a file name such as ".leaguesync", a code, a phone
 * number, a range built from 'plain' numbers) isolated the same way in Uyghur; Chinese unchanged.
 */
export function isolateLtr(text: string, lang: Lang): string {
  return withBidi(text, lang, 'isolate');
}

/**
 * Text typed by a person whose direction is not known in advance — a PC's name may be Chinese or
 * Uyghur — inside a sentence of either language: isolated in both, taking the direction of its own
 * first letter, so neither it nor the sentence around it is reordered.
 */
export function isolateName(text: string): string {
  return FIRST_STRONG_ISOLATE + text + POP_ISOLATE;
}

/** An organisation as "LT-03 name" in either language: the code isolated left-to-right in Uyghur, the name in its own direction. */
export function codeAndName(code: string, name: BilingualText, lang: Lang): string {
  return `${isolateLtr(code, lang)} ${isolateName(pickText(name, lang).text)}`;
}

/**
 * 'long': Uyghur in the official style "2026-يىلى 11-ئاينىڭ 22-كۈنى" (year, month and day as digits,
 * no zero padding; CLDR's own long pattern "22-نويابىر، 2026" is not what offices write), Chinese
 * "2026年11月22日". 'short': "2026-11-22" in both languages.
 */
export function formatDate(
  date: Date | string,
  lang: Lang,
  style: 'long' | 'short' = 'long',
  options: BidiOptions = {},
): string {
  const calendar = calendarDateOf(date);
  if (!calendar) return NO_VALUE;
  if (style === 'short') {
    return withBidi(`${pad(calendar.year, 4)}-${pad(calendar.month, 2)}-${pad(calendar.day, 2)}`, lang, options.bidi);
  }
  if (lang === 'zh-CN') return zhCalendarText(calendar, true);
  return `${calendar.year}-يىلى ${calendar.month}-ئاينىڭ ${calendar.day}-كۈنى`;
}

/**
 * The long date and the 24-hour local time, "… 14:05". The time needs no bidi marks in Uyghur:
 * after Uyghur letters its digits and colon resolve to one left-to-right number.
 */
export function formatDateTime(date: Date, lang: Lang): string {
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return `${formatDate(date, lang, 'long')} ${formatTime(date)}`;
}

/** The 24-hour local time alone, "14:05" (the same in both languages). */
export function formatTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}`;
}

/** A month for chart axes and period pickers: "2026-يىلى 11-ئاي", "2026年11月". month is 1–12. */
export function formatMonth(year: number, month: number, lang: Lang): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return NO_VALUE;
  if (lang === 'zh-CN') return zhCalendarText({ year, month, day: 1 }, false);
  return `${year}-يىلى ${month}-ئاي`;
}

// ---------------------------------------------------------------------------------------------
// Numbers

interface FractionDigits {
  min: number;
  max: number;
}

/** Validated like ECMA-402's GetNumberOption: a number in 0–100 (floored), else RangeError. */
function digitOption(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0 && value <= 100)) throw new RangeError(`${name} must be between 0 and 100, got ${value}`);
  return Math.floor(value);
}

/** Intl's defaults for a decimal: min 0, max 3, and a lone minimum raises the maximum with it. */
function fractionDigitsOf(options: NumberFormatOptions): FractionDigits {
  const min = digitOption(options.minimumFractionDigits, 'minimumFractionDigits');
  const max = digitOption(options.maximumFractionDigits, 'maximumFractionDigits');
  if (min !== undefined && max !== undefined && min > max) {
    throw new RangeError(`minimumFractionDigits ${min} is greater than maximumFractionDigits ${max}`);
  }
  const resolvedMin = min ?? 0;
  return { min: resolvedMin, max: max ?? Math.max(resolvedMin, 3) };
}

/**
 * CLDR's 'ug' decimal and percent patterns, "#,##0.###" and "#,##0%": ASCII digits, "," every three
 * integer digits (from four digits on), "." before the fraction, a hyphen-minus in front, "%" right
 * after the number with no space.
 *
 * Rounding is half away from zero on the shortest decimal that round-trips the double (what
 * Number#toString prints), because that is what ICU does: 1.005 → "1.01" (toFixed would say
 * "1.00"), and 0.486 as a percent is exactly 48.6. Working on that decimal string also keeps
 * percent scaling exact (a shift of the decimal point, not a multiplication by 100).
 *
 * A value that rounds to zero prints without a sign ("0", not "-0"), as Intl does with
 * signDisplay 'negative': a "-0.0%" change in a statistics table reads as a real decrease.
 */
function cldrDecimalText(value: number, digits: FractionDigits, percent: boolean): string {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(value).toString());
  if (!match) throw new Error(`unexpected number text for ${value}`);
  const integerDigits = match[1] ?? '';
  let significant = integerDigits + (match[2] ?? '');
  // The value is 0.<significant> × 10^point.
  let point = integerDigits.length + Number(match[3] ?? 0) + (percent ? 2 : 0);
  const leadingZeros = /^0*/.exec(significant)?.[0].length ?? 0;
  significant = significant.slice(leadingZeros);
  point -= leadingZeros;

  const kept = point + digits.max;
  if (kept < significant.length) {
    // Beyond the last kept place; kept < 0 means the value is below half a unit of it.
    const roundUp = kept >= 0 && significant.charCodeAt(kept) >= 0x35; /* '5' */
    const figures = Array.from(significant.slice(0, Math.max(kept, 0)), Number);
    if (roundUp) {
      let at = figures.length - 1;
      while (at >= 0 && figures[at] === 9) figures[at--] = 0;
      if (at < 0) {
        figures.unshift(1);
        point += 1;
      } else {
        figures[at] = (figures[at] ?? 0) + 1;
      }
    }
    significant = figures.join('');
  }
  significant = significant.replace(/0+$/, '');

  const isZero = significant === '';
  const whole = point <= 0 || isZero ? '0' : significant.slice(0, point).padEnd(point, '0');
  const fraction = (point < 0 ? '0'.repeat(-point) + significant : significant.slice(Math.max(point, 0)))
    .replace(/0+$/, '')
    .padEnd(digits.min, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 && !isZero ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}${percent ? '%' : ''}`;
}

const zhNumberFormats = new Map<string, Intl.NumberFormat>();

function zhNumberText(value: number, digits: FractionDigits, percent: boolean): string {
  const cacheKey = `${percent ? '%' : '#'}${digits.min}-${digits.max}`;
  let format = zhNumberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat('zh-CN', {
      style: percent ? 'percent' : 'decimal',
      minimumFractionDigits: digits.min,
      maximumFractionDigits: digits.max,
      signDisplay: 'negative',
    });
    zhNumberFormats.set(cacheKey, format);
  }
  return format.format(value);
}

function formatDecimal(value: number, lang: Lang, digits: FractionDigits, percent: boolean, bidi?: BidiMode): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  if (lang === 'zh-CN') return zhNumberText(value, digits, percent);
  return withBidi(cldrDecimalText(value, digits, percent), lang, bidi);
}

/** 12028.5 → "12,028.5" in both languages (Uyghur wrapped in isolates unless bidi: 'plain'). */
export function formatNumber(value: number, lang: Lang, options: NumberFormatOptions = {}): string {
  return formatDecimal(value, lang, fractionDigitsOf(options), false, options.bidi);
}

/** A count, rounded half away from zero: 12028.5 → "12,029". */
export function formatInteger(value: number, lang: Lang, options: BidiOptions = {}): string {
  return formatDecimal(value, lang, { min: 0, max: 0 }, false, options.bidi);
}

/**
 * A ratio as a percentage with a fixed number of decimals, so a column of them lines up:
 * 0.486 → "48.6%", 0.5 → "50.0%" (the league–youth ratio is published with one decimal).
 */
export function formatPercent(ratio: number, lang: Lang, digits = 1, options: BidiOptions = {}): string {
  const fixed = digitOption(digits, 'digits') ?? 0;
  return formatDecimal(ratio, lang, { min: fixed, max: fixed }, true, options.bidi);
}
