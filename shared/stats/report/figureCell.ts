import type { TemplateProblemReason } from './templateReasons';

/**
 * The largest count a figure cell may hold: more people than any county has. Anything bigger is a
 * slip (a phone number pasted into the wrong column), not a branch's membership.
 */
export const MAX_FIGURE = 10_000_000;

export type FigureCell =
  | { ok: true; value: number | null }
  | { ok: false; reason: Extract<TemplateProblemReason, `cell-${string}`>; text: string };

const WHITESPACE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /\p{Nd}/u;
/** 1234, 1,234, 12.0, -5 (after the text has been folded to ASCII). */
const NUMBER_TEXT = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * What a figure cell holds, from whatever exceljs read: a number, text (Excel's "number stored as
 * text", typed with a Chinese input method's full-width digits １２３, or Arabic-Indic ١٢٣), a
 * formula with its cached result, rich text, a hyperlink. Empty means "not given" (null), never 0.
 */
export function readFigureCell(value: unknown): FigureCell {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number') return checkNumber(value, String(value));
  if (typeof value === 'string') return readText(value);
  if (typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { result?: unknown; richText?: Array<{ text?: unknown }>; text?: unknown; error?: unknown };
    // A formula's value is its cached result; a formula saved without one (never calculated) has none.
    if ('formula' in v || 'sharedFormula' in v) {
      return v.result === undefined ? notANumber('=') : readFigureCell(v.result);
    }
    if (Array.isArray(v.richText)) return readText(v.richText.map((run) => String(run.text ?? '')).join(''));
    if (typeof v.text === 'string') return readText(v.text);
    if (typeof v.error === 'string') return notANumber(v.error);
  }
  return notANumber(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
}

function readText(raw: string): FigureCell {
  // NFKC turns full-width digits, signs and commas (１２，３４５ －５) into ASCII.
  const folded = raw
    .normalize('NFKC')
    .replace(NON_ASCII_DIGIT, digitValue)
    .replace(/\u2212/g, '-')
    .replace(WHITESPACE, '')
    // A typed leading apostrophe is Excel's "this is text" mark, not part of the number.
    .replace(/^'/, '');
  if (folded === '') return { ok: true, value: null };
  const match = NUMBER_TEXT.exec(folded);
  if (!match) return notANumber(raw);
  const value = Number(`${match[1]}${(match[2] ?? '').replace(/,/g, '')}.${match[3] ?? '0'}`);
  return checkNumber(value, raw.trim());
}

function checkNumber(value: number, text: string): FigureCell {
  if (!Number.isFinite(value)) return notANumber(text);
  if (value < 0) return { ok: false, reason: 'cell-negative', text };
  if (!Number.isInteger(value)) return { ok: false, reason: 'cell-not-whole', text };
  if (value > MAX_FIGURE) return { ok: false, reason: 'cell-too-large', text };
  // -0 is 0.
  return { ok: true, value: value + 0 };
}

function notANumber(text: string): FigureCell {
  return { ok: false, reason: 'cell-not-a-number', text: text.length > 40 ? `${text.slice(0, 39)}…` : text };
}

/** A decimal digit of any script as its ASCII digit: Unicode codes each digit set as a run from 0. */
function digitValue(digit: string): string {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}
