import type { Period } from './stats';

/**
 * Reporting periods: a year (`2025`), a half (`2025H1`), a quarter (`2025Q3`) or a month (`2025M07`).
 *
 * Every period is a run of whole calendar months, and the kinds nest exactly: a year holds two halves,
 * a half two quarters, a quarter three months. So any two periods are either disjoint or one contains
 * the other, which is what lets a roll-up sum flows over sub-periods without counting a month twice.
 *
 * Internally a period is its first month as an absolute month number (`year × 12 + month − 1`) and its
 * length in months; that makes containment and ordering integer comparisons.
 */
export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period taken apart. `index` is 1 for a year, 1–2 for a half, 1–4 for a quarter, 1–12 for a month. */
export interface ParsedPeriod {
  year: number;
  kind: PeriodKind;
  index: number;
}

/** Months in a period of each kind. */
export const PERIOD_LENGTH_MONTHS: Readonly<Record<PeriodKind, number>> = { year: 12, half: 6, quarter: 3, month: 1 };

/** How many periods of each kind a year has. */
const PER_YEAR: Readonly<Record<PeriodKind, number>> = { year: 1, half: 2, quarter: 4, month: 12 };
const LETTER: Readonly<Record<Exclude<PeriodKind, 'year'>, string>> = { half: 'H', quarter: 'Q', month: 'M' };

const PERIOD_PATTERN = /^(\d{4})(?:([HQM])(\d{1,2}))?$/;

/** Takes a period apart; null for anything that is not a period (`2025Q5`, `2025M7`, `25`, …). */
export function parsePeriod(text: string): ParsedPeriod | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const letter = match[2];
  if (letter === undefined) return { year, kind: 'year', index: 1 };
  const digits = match[3] ?? '';
  const kind: PeriodKind = letter === 'H' ? 'half' : letter === 'Q' ? 'quarter' : 'month';
  // Months always have two digits (`2025M07`), halves and quarters one, so each period has one spelling.
  if (digits.length !== (kind === 'month' ? 2 : 1)) return null;
  const index = Number(digits);
  if (index < 1 || index > PER_YEAR[kind]) return null;
  return { year, kind, index };
}

/** Whether the text is a period in its one canonical spelling. */
export function isPeriod(text: string): boolean {
  return parsePeriod(text) !== null;
}

/** Writes a period; throws a RangeError for a year outside 0–9999 or an index outside its kind's range. */
export function formatPeriod(period: ParsedPeriod): Period {
  const { year, kind, index } = period;
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`period year out of range: ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > PER_YEAR[kind]) {
    throw new RangeError(`period index out of range for ${kind}: ${index}`);
  }
  const yyyy = String(year).padStart(4, '0');
  if (kind === 'year') return yyyy;
  return `${yyyy}${LETTER[kind]}${kind === 'month' ? String(index).padStart(2, '0') : String(index)}`;
}

function parseOrThrow(period: Period): ParsedPeriod {
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`not a period: ${JSON.stringify(period)}`);
  return parsed;
}

/** The kind of a period; throws a RangeError for text that is not a period. */
export function periodKind(period: Period): PeriodKind {
  return parseOrThrow(period).kind;
}

/** The months a period covers, as absolute month numbers (`year × 12 + month − 1`), both inclusive. */
export interface MonthSpan {
  first: number;
  last: number;
}

function spanOf(parsed: ParsedPeriod): MonthSpan {
  const length = PERIOD_LENGTH_MONTHS[parsed.kind];
  const first = parsed.year * 12 + (parsed.index - 1) * length;
  return { first, last: first + length - 1 };
}

/** The months a period covers; throws a RangeError for text that is not a period. */
export function periodMonths(period: Period): MonthSpan {
  return spanOf(parseOrThrow(period));
}

/** The period of a kind that starts at an absolute month (which must be the first month of one). */
function periodAt(kind: PeriodKind, firstMonth: number): Period {
  const length = PERIOD_LENGTH_MONTHS[kind];
  return formatPeriod({ kind, year: Math.floor(firstMonth / 12), index: (firstMonth % 12) / length + 1 });
}

/**
 * Whether `inner` lies within `outer`: `2025` contains `2025H2`, `2025Q3` and `2025M08`; `2025H2`
 * contains `2025Q3` but not `2025Q2`. A period contains itself (a roll-up "within 2025" includes the
 * yearly report of 2025). False when either text is not a period.
 */
export function periodContains(outer: Period, inner: Period): boolean {
  const o = parsePeriod(outer);
  const i = parsePeriod(inner);
  if (!o || !i) return false;
  const os = spanOf(o);
  const is = spanOf(i);
  return os.first <= is.first && is.last <= os.last;
}

/** The next finer kind: year → half → quarter → month; null after month. */
export function finerKind(kind: PeriodKind): PeriodKind | null {
  return PERIOD_KINDS[PERIOD_KINDS.indexOf(kind) + 1] ?? null;
}

/**
 * The periods of `kind` within `period`, in time order. Without `kind`, the next finer kind
 * (a year's halves, a half's quarters, a quarter's months; a month has none). A kind coarser than
 * the period gives none; the period's own kind gives the period itself.
 */
export function subPeriods(period: Period, kind?: PeriodKind): Period[] {
  const parsed = parseOrThrow(period);
  const target = kind ?? finerKind(parsed.kind);
  if (target === null) return [];
  const length = PERIOD_LENGTH_MONTHS[target];
  const span = spanOf(parsed);
  if (length > span.last - span.first + 1) return [];
  const out: Period[] = [];
  for (let month = span.first; month <= span.last; month += length) out.push(periodAt(target, month));
  return out;
}

/** The period of the same kind just before (`2025Q1` → `2024Q4`, `2025` → `2024`). Throws before year 0. */
export function previousPeriod(period: Period): Period {
  const parsed = parseOrThrow(period);
  return periodAt(parsed.kind, spanOf(parsed).first - PERIOD_LENGTH_MONTHS[parsed.kind]);
}

/** The period of the same kind just after (`2025Q4` → `2026Q1`). Throws after year 9999. */
export function nextPeriod(period: Period): Period {
  const parsed = parseOrThrow(period);
  return periodAt(parsed.kind, spanOf(parsed).last + 1);
}

/** The period of `kind` that contains `period` (`2025M08` in quarters is `2025Q3`); null if `kind` is finer. */
export function enclosingPeriod(period: Period, kind: PeriodKind): Period | null {
  const parsed = parseOrThrow(period);
  const length = PERIOD_LENGTH_MONTHS[kind];
  if (length < PERIOD_LENGTH_MONTHS[parsed.kind]) return null;
  const first = spanOf(parsed).first;
  return periodAt(kind, first - (first % length));
}

/**
 * Sort order across kinds: by end date, then shorter first, so each period comes after everything it
 * contains: `2025M06` < `2025Q2` < `2025H1` < `2025M07` < … < `2025M12` < `2025Q4` < `2025H2` < `2025`.
 * Text that is not a period sorts after every period, by text.
 */
export function comparePeriods(a: Period, b: Period): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const sa = spanOf(pa);
  const sb = spanOf(pb);
  return sa.last - sb.last || sa.last - sa.first - (sb.last - sb.first);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first day of a period as yyyy-mm-dd (`2025Q3` → `2025-07-01`). */
export function periodStart(period: Period): string {
  const { first } = periodMonths(period);
  return isoDate(Math.floor(first / 12), (first % 12) + 1, 1);
}

/** The last day of a period as yyyy-mm-dd (`2025Q3` → `2025-09-30`, `2024M02` → `2024-02-29`). */
export function periodEnd(period: Period): string {
  const { last } = periodMonths(period);
  const year = Math.floor(last / 12);
  const month = (last % 12) + 1;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return isoDate(year, month, days);
}
