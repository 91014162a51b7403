import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURES, type Figure } from '../../../shared/domain/stats';
import type { FigureValues } from '../../../shared/stats/totals';
import {
  DEFAULT_CHANGE_FLOOR,
  DEFAULT_CHANGE_THRESHOLD,
  ERROR_CODES,
  ISSUE_CODES,
  WARNING_CODES,
  canSubmit,
  issuesFor,
  parseFigureInput,
  submissionBlockers,
  validateReport,
  type Issue,
} from '../../../shared/stats/validation';

const valid: FigureValues = { members: 40, newMembers: 6, youth1435: 200, youth1428: 90, cadres: 3, recommendedToParty: 1 };
const codes = (issues: Issue[]): string[] => issues.map((i) => `${i.figure}:${i.code}`);

describe('parseFigureInput reads what a person typed or pasted into a cell', () => {
  it('reads plain digits', () => {
    expect(parseFigureInput('0')).toEqual({ ok: true, value: 0 });
    expect(parseFigureInput('5849')).toEqual({ ok: true, value: 5849 });
    expect(parseFigureInput('007')).toEqual({ ok: true, value: 7 });
  });

  it('treats an empty cell, or one holding only spaces, as not reported (null)', () => {
    for (const empty of ['', '   ', '\t', '\u3000', ' \u00a0 ']) expect(parseFigureInput(empty)).toEqual({ ok: true, value: null });
  });

  it('ignores spaces around the number (as pasted from Excel or WPS)', () => {
    expect(parseFigureInput('  26328 \t')).toEqual({ ok: true, value: 26328 });
  });

  it('accepts thousands separators in exact groups of three: comma, full-width comma, Arabic separator, spaces', () => {
    expect(parseFigureInput('26,328')).toEqual({ ok: true, value: 26328 });
    expect(parseFigureInput('1,234,567')).toEqual({ ok: true, value: 1234567 });
    expect(parseFigureInput('26，328')).toEqual({ ok: true, value: 26328 });
    expect(parseFigureInput('26٬328')).toEqual({ ok: true, value: 26328 });
    expect(parseFigureInput('26 328')).toEqual({ ok: true, value: 26328 });
    expect(parseFigureInput('26\u202f328')).toEqual({ ok: true, value: 26328 });
  });

  it('refuses separators in the wrong places as not-a-number (two cells pasted into one?)', () => {
    for (const bad of ['12,34', '1,2345', ',123', '123,', '1,234 567', '12 34', '1,,234']) {
      expect(parseFigureInput(bad), bad).toEqual({ ok: false, code: 'not-a-number' });
    }
  });

  it('accepts full-width digits from Chinese IMEs', () => {
    expect(parseFigureInput('１２３')).toEqual({ ok: true, value: 123 });
    expect(parseFigureInput('５，８４９')).toEqual({ ok: true, value: 5849 });
  });

  it('accepts Arabic-Indic and Extended Arabic-Indic digits', () => {
    expect(parseFigureInput('٥٨٤٩')).toEqual({ ok: true, value: 5849 });
    expect(parseFigureInput('۱۲۳')).toEqual({ ok: true, value: 123 });
  });

  it('drops the invisible direction marks that come with text copied from Uyghur', () => {
    expect(parseFigureInput('\u200f123\u200e')).toEqual({ ok: true, value: 123 });
    expect(parseFigureInput('\u2067١٢\u2069')).toEqual({ ok: true, value: 12 });
    expect(parseFigureInput('\ufeff42')).toEqual({ ok: true, value: 42 });
  });

  it('refuses a fraction as not-integer, in any script, with any decimal mark', () => {
    for (const bad of ['12.5', '0.1', '.5', '12．5', '12٫5', '12。5', '1,234.5']) {
      expect(parseFigureInput(bad), bad).toEqual({ ok: false, code: 'not-integer' });
    }
  });

  it('accepts a fraction of zeros (a cell formatted with decimals in Excel or WPS)', () => {
    expect(parseFigureInput('12.00')).toEqual({ ok: true, value: 12 });
    expect(parseFigureInput('1,234.0')).toEqual({ ok: true, value: 1234 });
  });

  it('refuses a minus sign as negative, whichever minus was typed, but not on zero', () => {
    for (const bad of ['-3', '－3', '\u22123', '-1,234', '-0.5']) expect(parseFigureInput(bad), bad).toEqual({ ok: false, code: 'negative' });
    expect(parseFigureInput('-0')).toEqual({ ok: true, value: 0 });
    expect(parseFigureInput('+7')).toEqual({ ok: true, value: 7 });
  });

  it('refuses other text as not-a-number', () => {
    for (const bad of ['abc', '12人', '—', '-', '/', '1e3', '12%', '0x10', '一二', 'NaN', 'Infinity', '١٢a', '+', '.']) {
      expect(parseFigureInput(bad), bad).toEqual({ ok: false, code: 'not-a-number' });
    }
  });

  it('refuses a count beyond exact integers as too-large', () => {
    expect(parseFigureInput('9007199254740993')).toEqual({ ok: false, code: 'too-large' });
    expect(parseFigureInput('9007199254740991')).toEqual({ ok: true, value: 9007199254740991 });
  });

  it('reads back every count however it is written (property)', () => {
    const FULL_WIDTH = '０１２３４５６７８９';
    const ARABIC = '٠١٢٣٤٥٦٧٨٩';
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000_000 }), fc.constantFrom('ascii', 'full', 'arabic'), fc.constantFrom('', ',', '，', ' '), (n, script, sep) => {
        const grouped = sep === '' ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const digits = grouped.replace(/\d/g, (d) => (script === 'full' ? FULL_WIDTH[Number(d)]! : script === 'arabic' ? ARABIC[Number(d)]! : d));
        expect(parseFigureInput(digits)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('validateReport errors (block submission)', () => {
  it('finds nothing in a consistent report', () => {
    expect(validateReport(valid)).toEqual([]);
  });

  it('finds nothing in an empty draft, since figures may be filled in later', () => {
    expect(validateReport({})).toEqual([]);
  });

  it('not-integer, negative, not-a-number, too-large for values that are not counts (e.g. from an import)', () => {
    const issues = validateReport({ members: 2.5, newMembers: -1, youth1435: Number.NaN, youth1428: 2 ** 60 });
    expect(codes(issues)).toEqual(['members:not-integer', 'newMembers:negative', 'youth1435:not-a-number', 'youth1428:too-large']);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('members-above-youth1428 points at members, with youth 14–28 as the related cell: members are themselves 14–28', () => {
    // Seen: members 50 against youth 30 gave a ratio of 166.7% and nothing stopped it.
    expect(validateReport({ members: 50, youth1428: 30 })).toEqual([
      { figure: 'members', severity: 'error', code: 'members-above-youth1428', related: 'youth1428', params: { value: 50, limit: 30 } },
    ]);
    expect(validateReport({ members: 30, youth1428: 30 })).toEqual([]);
    expect(validateReport({ members: 90, youth1435: 200 })).toEqual([]);
  });

  it('members above both youth bands is one message, the one about 14–28', () => {
    expect(codes(validateReport({ members: 300, youth1435: 250, youth1428: 200 }))).toEqual(['members:members-above-youth1428']);
  });

  it('members-above-youth1435 points at members, with youth 14–35 as the related cell (when youth 14–28 is not given)', () => {
    const issues = validateReport({ ...valid, members: 201, youth1428: null });
    expect(issues).toContainEqual({
      figure: 'members',
      severity: 'error',
      code: 'members-above-youth1435',
      related: 'youth1435',
      params: { value: 201, limit: 200 },
    });
  });

  it('members equal to youth 14–35 is allowed', () => {
    expect(codes(validateReport({ members: 200, youth1435: 200 }))).toEqual([]);
  });

  it('youth1428-above-youth1435 points at youth 14–28', () => {
    expect(codes(validateReport({ ...valid, youth1428: 201 }))).toEqual(['youth1428:youth1428-above-youth1435']);
  });

  it('new-members-above-members points at new members', () => {
    expect(codes(validateReport({ ...valid, newMembers: 41 }))).toEqual(['newMembers:new-members-above-members']);
  });

  it('skips a comparison when either side is empty or itself wrong', () => {
    expect(codes(validateReport({ members: 500 }))).toEqual([]);
    expect(codes(validateReport({ members: 500, youth1435: null }))).toEqual([]);
    expect(codes(validateReport({ members: 500, youth1435: -1 }))).toEqual(['youth1435:negative']);
  });

  it('missing: a required figure left empty, only when the round says which are required', () => {
    expect(codes(validateReport({ members: 3 }, { required: ['members', 'youth1428'] }))).toEqual(['youth1428:missing']);
    expect(codes(validateReport({ members: 3, youth1428: null }, { required: ['youth1428'] }))).toEqual(['youth1428:missing']);
    expect(codes(validateReport({ members: 3 }))).toEqual([]);
  });

  it('a wrong value that is required reports what is wrong with it, not that it is missing', () => {
    expect(codes(validateReport({ members: -2 }, { required: ['members'] }))).toEqual(['members:negative']);
  });
});

describe('validateReport warnings (need a comment)', () => {
  it('change-beyond-threshold when a figure moved more than 20% from the previous period', () => {
    const issues = validateReport({ ...valid, members: 49 }, { previous: { members: 40 } });
    expect(issues).toEqual([
      { figure: 'members', severity: 'warning', code: 'change-beyond-threshold', params: { previous: 40, current: 49, change: 9 / 40, threshold: 0.2 } },
    ]);
  });

  it('also on a fall, with a negative change', () => {
    const [issue] = validateReport({ ...valid, youth1435: 150 }, { previous: { youth1435: 200 } });
    expect(issue).toMatchObject({ figure: 'youth1435', code: 'change-beyond-threshold', params: { change: -0.25 } });
  });

  it('not at exactly the threshold (20% of 40 is 8), only beyond it', () => {
    expect(validateReport({ ...valid, members: 48 }, { previous: { members: 40 } })).toEqual([]);
    expect(validateReport({ ...valid, members: 32 }, { previous: { members: 40 } })).toEqual([]);
    expect(validateReport({ ...valid, members: 31 }, { previous: { members: 40 } })).toHaveLength(1);
  });

  it('is exact at the boundary for thresholds that are not exact in binary (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 99 }), (previous, percent) => {
        const threshold = percent / 100;
        // previous × percent / 100 is the largest change allowed; one more person is beyond it.
        const allowed = Math.floor((previous * percent) / 100);
        const options = { previous: { members: previous }, changeThreshold: threshold, changeFloor: 0 };
        const ok = validateReport({ members: previous + allowed }, options);
        const beyond = validateReport({ members: previous + allowed + 1 }, options);
        expect(ok).toEqual([]);
        expect(codes(beyond)).toEqual(['members:change-beyond-threshold']);
      }),
    );
  });

  it('uses a configurable threshold, for all figures or per figure', () => {
    expect(validateReport({ members: 44 }, { previous: { members: 40 }, changeThreshold: 0.05 })).toHaveLength(1);
    const perFigure = { newMembers: 1 };
    expect(codes(validateReport({ members: 44, newMembers: 4 }, { previous: { members: 30, newMembers: 2 }, changeThreshold: perFigure }))).toEqual([
      'members:change-beyond-threshold',
    ]);
    expect(DEFAULT_CHANGE_THRESHOLD).toBe(0.2);
  });

  it('not for a change of at most the floor in people, however large in percent: 3 → 2 cadres needs no comment', () => {
    expect(DEFAULT_CHANGE_FLOOR).toBe(3);
    expect(validateReport({ cadres: 2 }, { previous: { cadres: 3 } })).toEqual([]);
    expect(validateReport({ cadres: 6 }, { previous: { cadres: 3 } })).toEqual([]);
    expect(codes(validateReport({ cadres: 7 }, { previous: { cadres: 3 } }))).toEqual(['cadres:change-beyond-threshold']);
    expect(codes(validateReport({ cadres: 0 }, { previous: { cadres: 4 } }))).toEqual(['cadres:change-beyond-threshold']);
  });

  it('the floor is set per round: 0 warns on any change beyond the percentage, a larger one spares more', () => {
    expect(codes(validateReport({ cadres: 2 }, { previous: { cadres: 3 }, changeFloor: 0 }))).toEqual(['cadres:change-beyond-threshold']);
    expect(validateReport({ members: 50 }, { previous: { members: 40 }, changeFloor: 10 })).toEqual([]);
    expect(codes(validateReport({ members: 51 }, { previous: { members: 40 }, changeFloor: 10 }))).toEqual(['members:change-beyond-threshold']);
  });

  it('a change needs a comment exactly when it is beyond both the percentage and the floor (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100 }), (previous, current, floor, percent) => {
        const warned = validateReport({ members: current }, { previous: { members: previous }, changeThreshold: percent / 100, changeFloor: floor }).length > 0;
        const change = Math.abs(current - previous);
        expect(warned).toBe(change > floor && change * 100 > percent * previous);
      }),
    );
  });

  it('only when both values are present and the previous is above 0', () => {
    expect(validateReport({ members: 40 }, { previous: { members: 0 } })).toEqual([]);
    expect(validateReport({ members: 40 }, { previous: { members: null } })).toEqual([]);
    expect(validateReport({ members: 40 }, { previous: {} })).toEqual([]);
    expect(validateReport({ members: null }, { previous: { members: 40 } })).toEqual([]);
    expect(validateReport({ members: 40 }, { previous: null })).toEqual([]);
  });

  it('a drop to 0 is a change of −100%', () => {
    expect(validateReport({ members: 0 }, { previous: { members: 40 } })[0]?.params?.change).toBe(-1);
  });

  it('ratio-above-target on members when members ÷ youth 14–28 is above the target', () => {
    const issues = validateReport({ ...valid, members: 31, youth1428: 100 }, { targetRatio: 0.3 });
    expect(issues).toEqual([
      { figure: 'members', severity: 'warning', code: 'ratio-above-target', related: 'youth1428', params: { ratio: 0.31, target: 0.3 } },
    ]);
  });

  it('no ratio warning at exactly the target, without a target, or without youth', () => {
    expect(validateReport({ members: 30, youth1428: 100 }, { targetRatio: 0.3 })).toEqual([]);
    expect(validateReport({ members: 3, youth1428: 20 }, { targetRatio: 0.15 })).toEqual([]);
    expect(validateReport({ members: 31, youth1428: 100 }, { targetRatio: null })).toEqual([]);
    expect(validateReport({ members: 31, youth1428: 100 })).toEqual([]);
    expect(validateReport({ members: 31, youth1428: 0 }, { targetRatio: 0.3 }).filter((i) => i.severity === 'warning')).toEqual([]);
    expect(validateReport({ members: 31 }, { targetRatio: 0.3 })).toEqual([]);
  });

  it('lists errors before warnings, each in figure order', () => {
    const issues = validateReport(
      { members: 300, newMembers: 2, youth1435: 200, youth1428: 250, cadres: 10 },
      { previous: { cadres: 2, members: 100 }, targetRatio: 0.5 },
    );
    expect(codes(issues)).toEqual([
      'members:members-above-youth1428',
      'youth1428:youth1428-above-youth1435',
      'members:change-beyond-threshold',
      'members:ratio-above-target',
      'cadres:change-beyond-threshold',
    ]);
  });

  it('issuesFor gives the messages of one cell', () => {
    const issues = validateReport({ members: 300, youth1435: 200, youth1428: 250 }, { previous: { members: 100 } });
    expect(issuesFor(issues, 'members').map((i) => i.code)).toEqual(['members-above-youth1428', 'change-beyond-threshold']);
    expect(issuesFor(issues, 'cadres')).toEqual([]);
  });
});

describe('every issue points at a figure and carries a listed code', () => {
  it('holds for any values (property)', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constant(null), fc.double({ noNaN: false }), fc.constant(undefined));
    const values = fc.record(Object.fromEntries(FIGURES.map((f) => [f, value])) as Record<Figure, fc.Arbitrary<number | null | undefined>>);
    fc.assert(
      fc.property(values, values, fc.option(fc.double({ min: 0, max: 1, noNaN: true })), (current, previous, target) => {
        for (const issue of validateReport(current, { previous, targetRatio: target })) {
          expect(FIGURES).toContain(issue.figure);
          expect(ISSUE_CODES).toContain(issue.code);
          expect(issue.severity).toBe((ERROR_CODES as readonly string[]).includes(issue.code) ? 'error' : 'warning');
        }
      }),
    );
    expect(new Set([...ERROR_CODES, ...WARNING_CODES]).size).toBe(ISSUE_CODES.length);
  });
});

describe('canSubmit', () => {
  it('allows a report without issues', () => {
    expect(canSubmit(valid, validateReport(valid), undefined)).toBe(true);
  });

  it('refuses while an error stands, whatever the comments', () => {
    const values = { ...valid, newMembers: 99 };
    expect(canSubmit(values, validateReport(values), { newMembers: 'we admitted many' })).toBe(false);
  });

  it('refuses a warning without a comment on its figure, and allows it with one', () => {
    const values = { ...valid, members: 60 };
    const issues = validateReport(values, { previous: { members: 40 } });
    expect(canSubmit(values, issues, undefined)).toBe(false);
    expect(canSubmit(values, issues, { youth1435: 'wrong cell' })).toBe(false);
    expect(canSubmit(values, issues, { members: '  \n ' })).toBe(false);
    expect(canSubmit(values, issues, { members: 'a new school class joined' })).toBe(true);
  });

  it('one comment answers every warning of its figure', () => {
    const values = { ...valid, members: 60, youth1428: 90 };
    const issues = validateReport(values, { previous: { members: 40 }, targetRatio: 0.5 });
    expect(issuesFor(issues, 'members')).toHaveLength(2);
    expect(canSubmit(values, issues, { members: 'explained' })).toBe(true);
  });

  it('refuses a report with no figure filled in', () => {
    expect(canSubmit({}, [], undefined)).toBe(false);
    expect(canSubmit({ members: null }, [], undefined)).toBe(false);
    expect(canSubmit({ members: 0 }, [], undefined)).toBe(true);
  });

  it('submissionBlockers says which issues block and whether the report is empty', () => {
    const values = { members: 60, newMembers: 99, youth1435: 200 };
    const issues = validateReport(values, { previous: { members: 40 } });
    const blockers = submissionBlockers(values, issues, {});
    expect(blockers.errors.map((i) => i.code)).toEqual(['new-members-above-members']);
    expect(blockers.uncommented.map((i) => i.code)).toEqual(['change-beyond-threshold']);
    expect(blockers.empty).toBe(false);
  });
});
