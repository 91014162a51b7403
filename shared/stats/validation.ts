import { ALL_FIGURES, FIGURES, isSplitFigure, SEXES, SPLIT_FIGURES, sexFigure, type AnyFigure, type Figure } from '../domain/stats';
import { exceedsTarget } from './targets';
import type { FigureValues } from './totals';

/**
 * The rules one report's figures must follow before it can be submitted. Every issue points at one
 * figure (its cell in the entry grid) and carries a reason code; the UI shows the message under the key
 * `stats:issues.<code>`, with `params` for the numbers in it.
 *
 * Errors block submission. Warnings do not, but each needs a person's comment on its figure (the
 * report's `notes`) before the report can be submitted: the county then reads why a figure jumped.
 */

/** Codes for text typed or pasted into a cell that is not a count of people. */
export const INPUT_ISSUE_CODES = ['not-a-number', 'not-integer', 'negative', 'too-large'] as const;
export type InputIssueCode = (typeof INPUT_ISSUE_CODES)[number];

/** Errors: the report cannot be submitted while one stands. */
export const ERROR_CODES = [
  ...INPUT_ISSUE_CODES,
  /** A figure the round asks for is empty (only when `required` is given). */
  'missing',
  /** League members outnumber youth aged 14–35. */
  'members-above-youth1435',
  /**
   * League members outnumber youth aged 14–28. Members are themselves 14–28 (the charter admits
   * from 14, normally to 28), so a ratio above 100% is a slip, never a branch's reality.
   */
  'members-above-youth1428',
  /** Youth aged 14–28 outnumber youth aged 14–35, a band that contains them. */
  'youth1428-above-youth1435',
  /** More new members in the period than members at its end. */
  'new-members-above-members',
  /** Male + female differs from the total (on the total's cell; rounds split by sex). */
  'sex-sum-mismatch',
  /** One sex alone outnumbers the total (on the sex figure's cell). */
  'sex-above-total',
  /**
   * A per-sex comparison fails, the same rules as the totals' for one sex: female members above
   * female youth 14–35, male youth 14–28 above male youth 14–35, new female members above female
   * members (on the first figure's cell, `related` the other).
   */
  'sex-above-limit',
] as const;

/** Warnings: the report can be submitted once each has a comment on its figure. */
export const WARNING_CODES = [
  /**
   * The figure moved from the previous period's value by more than the threshold (default 20%) and
   * by more than the floor (default 3 people).
   */
  'change-beyond-threshold',
  /** The league–youth ratio is above the control ratio set for this organisation. */
  'ratio-above-target',
] as const;

export const ISSUE_CODES = [...ERROR_CODES, ...WARNING_CODES] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Issue {
  /** The cell the message belongs to (a sex figure's own cell in rounds split by sex). */
  figure: AnyFigure;
  severity: 'error' | 'warning';
  code: IssueCode;
  /** The other cell a comparison involves (`youth1435` for `members-above-youth1435`). */
  related?: AnyFigure;
  /**
   * Numbers for the message. `change-beyond-threshold`: previous, current, change (signed fraction:
   * 0.25 = +25%), threshold. `ratio-above-target`: ratio, target (fractions). Comparisons: value, limit.
   * `sex-sum-mismatch`: male, female, sum, total.
   */
  params?: Record<string, number>;
}

/** The default change threshold: a figure moving by more than 20% from the previous period needs a comment. */
export const DEFAULT_CHANGE_THRESHOLD = 0.2;

/**
 * The default absolute floor: a figure that moved by at most 3 people needs no comment, whatever the
 * percentage. A branch counts a few cadres and a few new members; without a floor, 3 → 2 cadres
 * (−33%) needed a comment, and one branch needed six for ordinary comings and goings.
 */
export const DEFAULT_CHANGE_FLOOR = 3;

// ——— reading a cell ————————————————————————————————————————————————————————————————————————

export type FigureInput = { ok: true; value: number | null } | { ok: false; code: InputIssueCode };

/**
 * Characters mapped before reading: full-width forms from Chinese IMEs (０-９ ，．－＋), Arabic-Indic
 * (٠-٩) and Extended Arabic-Indic (۰-۹) digits with the Arabic decimal and thousands separators, the
 * ideographic full stop (a Chinese IME types 。 for a dot), and the minus sign.
 */
function normalizeChar(code: number): string | null {
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  switch (code) {
    case 0xff0c: // ，
    case 0x066c: // ٬ Arabic thousands separator
      return ',';
    case 0xff0e: // ．
    case 0x066b: // ٫ Arabic decimal separator
    case 0x3002: // 。
      return '.';
    case 0xff0d: // －
    case 0x2212: // − minus sign
      return '-';
    case 0xff0b: // ＋
      return '+';
    case 0x00a0: // no-break space
    case 0x202f: // narrow no-break space (a thousands separator in some locales)
    case 0x2009: // thin space
    case 0x3000: // ideographic space
      return ' ';
    // Invisible marks that ride along when text is copied from right-to-left Uyghur: dropped.
    case 0x200b:
    case 0x200e:
    case 0x200f:
    case 0x061c:
    case 0xfeff:
      return '';
    default:
      if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return '';
      return null;
  }
}

function normalizeInput(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const mapped = normalizeChar(code);
    out += mapped ?? text[i];
  }
  return out.trim();
}

/**
 * Sign, then either plain digits or digits grouped by threes with one kind of separator (`1,234,567`,
 * `1 234`), then an optional fraction. Grouping must be exact, so `12,34` (two cells pasted as one?)
 * is not read as 1234.
 */
const NUMBER_SHAPE = /^([+-])?(\d{1,3}(?:([, ])\d{3})(?:\3\d{3})*|\d+)?(?:\.(\d+))?$/;

/**
 * Reads what a person typed or pasted into a figure cell.
 * - Empty (or only spaces) → `{ ok: true, value: null }`: the figure is not reported.
 * - Digits, with optional thousands separators (`1,234`, `1，234`, `1 234`), in ASCII, full-width
 *   (０-９) or Arabic-Indic (٠-٩, ۰-۹) digits → the whole number.
 * - A fraction of zeros is accepted (`12.00`, as Excel or WPS copy a cell formatted with decimals);
 *   any other fraction → `not-integer`.
 * - A minus sign before a number other than 0 → `negative` (checked before `not-integer`).
 * - Beyond 2^53 − 1 → `too-large`. Anything else (`12人`, `—`, `1e3`, `12%`) → `not-a-number`.
 */
export function parseFigureInput(text: string): FigureInput {
  const normalized = normalizeInput(text);
  if (normalized === '') return { ok: true, value: null };
  const match = NUMBER_SHAPE.exec(normalized);
  const whole = match?.[2];
  const fraction = match?.[4];
  if (!match || (whole === undefined && fraction === undefined)) return { ok: false, code: 'not-a-number' };
  const digits = (whole ?? '0').replace(/[, ]/g, '');
  const fractionIsZero = fraction === undefined || /^0+$/.test(fraction);
  const isZero = /^0+$/.test(digits) && fractionIsZero;
  if (match[1] === '-' && !isZero) return { ok: false, code: 'negative' };
  if (!fractionIsZero) return { ok: false, code: 'not-integer' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, code: 'too-large' };
  return { ok: true, value };
}

// ——— checking a report ——————————————————————————————————————————————————————————————————————

export interface ValidationOptions {
  /** The same organisation's values for the previous period (see `previousPeriod`), if any. */
  previous?: FigureValues | null;
  /** The organisation's control ratio (`targetRatioFor`); null or absent: no ratio warning. */
  targetRatio?: number | null;
  /**
   * The largest change from the previous period that needs no comment, as a fraction (0.2 = 20%,
   * the default), for every figure or per figure (figures left out use the default).
   */
  changeThreshold?: number | Partial<Record<Figure, number>>;
  /** The largest change in people that never needs a comment (default DEFAULT_CHANGE_FLOOR). */
  changeFloor?: number;
  /**
   * Figures the round asks for (`roundColumns`, sex figures included): each one empty is a `missing`
   * error. None by default (drafts may be partial).
   */
  required?: readonly AnyFigure[];
}

/** A figure's value if it is a usable count (a non-negative whole number), else null. */
function countOf(values: FigureValues | null | undefined, figure: AnyFigure): number | null {
  const value = values?.[figure];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function valueIssue(value: unknown): InputIssueCode | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || Number.isNaN(value)) return 'not-a-number';
  if (value < 0) return 'negative';
  if (!Number.isInteger(value)) return 'not-integer';
  if (!Number.isSafeInteger(value)) return 'too-large';
  return null;
}

/** Fractions are compared in parts per million, in integers, so a change of exactly 20% is not "beyond" 20%. */
const PPM = 1_000_000;
const toPpm = (fraction: number): number => Math.round(fraction * PPM);

function thresholdFor(option: ValidationOptions['changeThreshold'], figure: Figure): number {
  if (typeof option === 'number') return option;
  return option?.[figure] ?? DEFAULT_CHANGE_THRESHOLD;
}

/**
 * The comparison rules: `figure` must not exceed `limit`. THE one place these are stated: the entry
 * grid, the template import and the USB import preview all ask `validateReport`.
 *
 * `unless`: a rule another one implies, left out when that one fires, so one slip is one message
 * (members above youth 14–35 are also above youth 14–28, which is what the person should read).
 */
const NOT_ABOVE: readonly { figure: Figure; limit: Figure; code: ErrorCode; unless?: ErrorCode }[] = [
  { figure: 'members', limit: 'youth1428', code: 'members-above-youth1428' },
  { figure: 'members', limit: 'youth1435', code: 'members-above-youth1435', unless: 'members-above-youth1428' },
  { figure: 'youth1428', limit: 'youth1435', code: 'youth1428-above-youth1435' },
  { figure: 'newMembers', limit: 'members', code: 'new-members-above-members' },
];

/** The totals' comparison rules that also hold for each sex (NOT_ABOVE, figure by figure). */
const SEX_NOT_ABOVE = NOT_ABOVE.flatMap(({ figure, limit, unless }) => {
  if (!isSplitFigure(figure) || !isSplitFigure(limit)) return [];
  // The rule `unless` names, for the same sex: its limit is the related cell of the issue that implies this one.
  const implied = NOT_ABOVE.find((rule) => rule.code === unless)?.limit;
  return SEXES.map((sex) => ({
    figure: sexFigure(figure, sex),
    limit: sexFigure(limit, sex),
    impliedBy: implied && isSplitFigure(implied) ? sexFigure(implied, sex) : undefined,
  }));
});

/**
 * The checks a split by sex adds. Only figures that hold values are compared, so a round without the
 * split (no sex figures) gets none of these. Male + female = total is checked when all three are
 * there; a partial split is still checked where it can be (one sex above the total).
 */
function sexIssues(values: FigureValues): Issue[] {
  const issues: Issue[] = [];
  for (const total of SPLIT_FIGURES) {
    const t = countOf(values, total);
    const male = countOf(values, sexFigure(total, 'male'));
    const female = countOf(values, sexFigure(total, 'female'));
    if (t === null) continue;
    if (male !== null && female !== null) {
      if (male + female !== t) issues.push({ figure: total, severity: 'error', code: 'sex-sum-mismatch', params: { male, female, sum: male + female, total: t } });
      continue;
    }
    for (const sex of SEXES) {
      const figure = sexFigure(total, sex);
      const value = countOf(values, figure);
      if (value !== null && value > t) issues.push({ figure, severity: 'error', code: 'sex-above-total', related: total, params: { value, limit: t } });
    }
  }
  for (const rule of SEX_NOT_ABOVE) {
    const value = countOf(values, rule.figure);
    const limit = countOf(values, rule.limit);
    const implied = issues.some((i) => i.figure === rule.figure && i.code === 'sex-above-limit' && i.related === rule.impliedBy);
    if (value !== null && limit !== null && value > limit && !implied) {
      issues.push({ figure: rule.figure, severity: 'error', code: 'sex-above-limit', related: rule.limit, params: { value, limit } });
    }
  }
  return issues;
}

/**
 * Every issue of one report's figures, errors first, each group in figure order. Comparisons
 * involving an empty or invalid figure are skipped (the invalid one has its own error).
 *
 * Warnings: `change-beyond-threshold` when the figure and the previous period's are both present,
 * the previous is above 0, |current − previous| > threshold × previous and |current − previous| >
 * the floor (people); `ratio-above-target` (on
 * `members`) when members ÷ youth 14–28 > the target, youth 14–28 above 0.
 */
export function validateReport(values: FigureValues, options: ValidationOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const required = new Set(options.required ?? []);
  for (const figure of ALL_FIGURES) {
    const code = valueIssue(values[figure]);
    if (code !== null) issues.push({ figure, severity: 'error', code });
    else if (required.has(figure) && countOf(values, figure) === null) issues.push({ figure, severity: 'error', code: 'missing' });
  }
  for (const rule of NOT_ABOVE) {
    const value = countOf(values, rule.figure);
    const limit = countOf(values, rule.limit);
    if (value !== null && limit !== null && value > limit && !issues.some((i) => i.code === rule.unless)) {
      issues.push({ figure: rule.figure, severity: 'error', code: rule.code, related: rule.limit, params: { value, limit } });
    }
  }
  issues.push(...sexIssues(values));

  const floor = options.changeFloor ?? DEFAULT_CHANGE_FLOOR;
  for (const figure of FIGURES) {
    const current = countOf(values, figure);
    const previous = countOf(options.previous, figure);
    if (current === null || previous === null || previous === 0) continue;
    const threshold = thresholdFor(options.changeThreshold, figure);
    const change = Math.abs(current - previous);
    if (change > floor && change * PPM > toPpm(threshold) * previous) {
      issues.push({
        figure,
        severity: 'warning',
        code: 'change-beyond-threshold',
        params: { previous, current, change: (current - previous) / previous, threshold },
      });
    }
  }
  const target = options.targetRatio;
  const members = countOf(values, 'members');
  const youth = countOf(values, 'youth1428');
  if (target !== null && target !== undefined && members !== null && youth !== null && exceedsTarget(members, youth, target)) {
    issues.push({
      figure: 'members',
      severity: 'warning',
      code: 'ratio-above-target',
      related: 'youth1428',
      params: { ratio: members / youth, target },
    });
  }

  const order = (issue: Issue): number => (issue.severity === 'error' ? 0 : ALL_FIGURES.length) + ALL_FIGURES.indexOf(issue.figure);
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => order(a.issue) - order(b.issue) || a.i - b.i).map((x) => x.issue);
}

/**
 * Where a report's figures disagree with one another by the comparison rules (members above youth
 * 14–28, one sex above its total …), without the warnings that need a round or a previous period:
 * what the template import holds a row back for and what the USB import preview names.
 */
export function figureDisagreements(values: FigureValues): Issue[] {
  return validateReport(values).filter((issue) => issue.severity === 'error');
}

/** The issues of one cell. */
export function issuesFor(issues: readonly Issue[], figure: AnyFigure): Issue[] {
  return issues.filter((issue) => issue.figure === figure);
}

/** Why a report cannot be submitted yet; all empty when it can. */
export interface SubmissionBlockers {
  errors: Issue[];
  /** Warnings whose figure has no comment (a blank comment does not count). */
  uncommented: Issue[];
  /** True when no figure has a value: an empty report would count as "reported" while saying nothing. */
  empty: boolean;
}

export function submissionBlockers(
  values: FigureValues,
  issues: readonly Issue[],
  comments: Partial<Record<AnyFigure, string>> | undefined,
): SubmissionBlockers {
  return {
    errors: issues.filter((issue) => issue.severity === 'error'),
    uncommented: issues.filter((issue) => issue.severity === 'warning' && !(comments?.[issue.figure]?.trim())),
    empty: FIGURES.every((figure) => countOf(values, figure) === null),
  };
}

/**
 * Whether a report may be submitted: no errors, a non-blank comment on the figure of every warning
 * (one comment answers every warning of its figure), and at least one figure filled in.
 */
export function canSubmit(
  values: FigureValues,
  issues: readonly Issue[],
  comments: Partial<Record<AnyFigure, string>> | undefined,
): boolean {
  const blockers = submissionBlockers(values, issues, comments);
  return blockers.errors.length === 0 && blockers.uncommented.length === 0 && !blockers.empty;
}
