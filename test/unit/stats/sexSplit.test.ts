import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_FIGURES,
  ANY_FIGURE_NATURE,
  FIGURES,
  SEX_FIGURE_PARTS,
  SEX_FIGURES,
  SPLIT_FIGURES,
  roundColumns,
  roundSchema,
  sexFigure,
  statReportSchema,
  type AnyFigure,
} from '../../../shared/domain/stats';
import { rollUp } from '../../../shared/stats/rollup';
import type { FigureValues } from '../../../shared/stats/totals';
import { org, report } from './fixtures';
import { ERROR_CODES, ISSUE_CODES, canSubmit, validateReport, type Issue } from '../../../shared/stats/validation';

const codes = (issues: Issue[]): string[] => issues.map((i) => `${i.figure}:${i.code}`);

/** A consistent report split by sex. */
const split: FigureValues = {
  members: 40,
  membersMale: 22,
  membersFemale: 18,
  newMembers: 6,
  newMembersMale: 2,
  newMembersFemale: 4,
  youth1435: 200,
  youth1435Male: 104,
  youth1435Female: 96,
  youth1428: 90,
  youth1428Male: 47,
  youth1428Female: 43,
  cadres: 3,
  recommendedToParty: 1,
};

describe('the sex figures', () => {
  it('split members, new members and both youth bands, each into male and female', () => {
    expect(SEX_FIGURES).toHaveLength(SPLIT_FIGURES.length * 2);
    for (const f of SPLIT_FIGURES) {
      expect(SEX_FIGURE_PARTS[sexFigure(f, 'male')]).toEqual({ total: f, sex: 'male' });
      expect(SEX_FIGURE_PARTS[sexFigure(f, 'female')]).toEqual({ total: f, sex: 'female' });
    }
    expect(ALL_FIGURES).toEqual([...FIGURES, ...SEX_FIGURES]);
  });

  it('are stocks or flows as their totals are (female members a stock, new male members a flow)', () => {
    for (const f of SEX_FIGURES) expect(ANY_FIGURE_NATURE[f]).toBe(ANY_FIGURE_NATURE[SEX_FIGURE_PARTS[f].total]);
    expect(ANY_FIGURE_NATURE.membersFemale).toBe('stock');
    expect(ANY_FIGURE_NATURE.newMembersMale).toBe('flow');
  });

  it('a round without the split shows its figures as before; with it, male and female follow each split figure', () => {
    expect(roundColumns({ figures: ['members', 'cadres'] })).toEqual(['members', 'cadres']);
    expect(roundColumns({ figures: ['members', 'cadres'], bySex: false })).toEqual(['members', 'cadres']);
    expect(roundColumns({ figures: ['members', 'youth1428', 'cadres'], bySex: true })).toEqual([
      'members',
      'membersMale',
      'membersFemale',
      'youth1428',
      'youth1428Male',
      'youth1428Female',
      'cadres',
    ]);
  });

  it('stay optional in stored rows: reports and rounds written before the split still validate', () => {
    const old = { id: 'r:o', roundId: 'r', orgId: 'o', period: '2025', status: 'approved', members: 3, youth1428: 9 };
    expect(statReportSchema.safeParse(old).success).toBe(true);
    expect(statReportSchema.safeParse({ ...old, membersFemale: 2, membersMale: 1 }).success).toBe(true);
    expect(statReportSchema.safeParse({ ...old, membersFemale: -1 }).success).toBe(false);
    expect(statReportSchema.safeParse({ ...old, membersFemale: 1.5 }).success).toBe(false);
    const round = { id: 'r', period: '2025', figures: ['members'], orgIds: [], deadline: '2025-12-31', status: 'open' };
    expect(roundSchema.safeParse(round).success).toBe(true);
    expect(roundSchema.parse({ ...round, bySex: true }).bySex).toBe(true);
    expect(roundSchema.safeParse({ ...round, bySex: 'yes' }).success).toBe(false);
  });
});

describe('validateReport with a split by sex', () => {
  it('finds nothing in a consistent split report', () => {
    expect(validateReport(split)).toEqual([]);
  });

  it('male + female ≠ total is an error at the total\'s cell, with the numbers', () => {
    const issues = validateReport({ ...split, membersFemale: 20 });
    expect(codes(issues)).toEqual(['members:sex-sum-mismatch']);
    expect(issues[0]).toMatchObject({ severity: 'error', params: { male: 22, female: 20, sum: 42, total: 40 } });
  });

  it('checks the sum only when total, male and female are all there; one sex above the total is an error at its cell', () => {
    expect(validateReport({ members: 40, membersMale: 30 })).toEqual([]);
    expect(codes(validateReport({ members: 40, membersFemale: 41 }))).toEqual(['membersFemale:sex-above-total']);
    expect(validateReport({ members: 40, membersFemale: 41 })[0]).toMatchObject({ related: 'members', params: { value: 41, limit: 40 } });
    expect(validateReport({ membersMale: 30, membersFemale: 12 })).toEqual([]);
  });

  it('the totals\' comparisons hold for each sex: female members ≤ female youth 14–28 and 14–35, youth 14–28 ≤ 14–35, new ≤ members', () => {
    const women = validateReport({ ...split, members: 62, membersMale: 18, membersFemale: 44, youth1428: 91, youth1428Male: 48 });
    expect(codes(women)).toEqual(['membersFemale:sex-above-limit']);
    expect(women.find((i) => i.figure === 'membersFemale')).toMatchObject({ related: 'youth1428Female', params: { value: 44, limit: 43 } });
    // Above female youth 14–35 is above female youth 14–28 too: one message, the one about 14–28.
    const more = validateReport({ ...split, members: 115, membersMale: 18, membersFemale: 97, youth1428: null, youth1428Male: null, youth1428Female: null });
    expect(codes(more)).toEqual(['membersFemale:sex-above-limit']);
    expect(more.find((i) => i.figure === 'membersFemale')).toMatchObject({ related: 'youth1435Female', params: { value: 97, limit: 96 } });
    expect(codes(validateReport({ membersFemale: 97, youth1428Female: 43, youth1435Female: 96 }))).toEqual(['membersFemale:sex-above-limit']);
    expect(codes(validateReport({ youth1428Male: 105, youth1435Male: 104 }))).toEqual(['youth1428Male:sex-above-limit']);
    expect(codes(validateReport({ newMembersFemale: 19, membersFemale: 18 }))).toEqual(['newMembersFemale:sex-above-limit']);
  });

  it('a sex figure that is not a count has its input error, and is then left out of comparisons', () => {
    expect(codes(validateReport({ ...split, membersFemale: -3 }))).toEqual(['membersFemale:negative']);
    expect(codes(validateReport({ ...split, youth1428Male: 1.5 }))).toEqual(['youth1428Male:not-integer']);
  });

  it('a round split by sex requires its sex figures too', () => {
    const columns = roundColumns({ figures: ['members'], bySex: true });
    expect(codes(validateReport({ members: 4 }, { required: columns }))).toEqual(['membersMale:missing', 'membersFemale:missing']);
    expect(validateReport({ members: 4, membersMale: 1, membersFemale: 3 }, { required: columns })).toEqual([]);
  });

  it('a mismatch blocks submission until fixed', () => {
    const wrong = { ...split, youth1428Male: 50 };
    expect(canSubmit(wrong, validateReport(wrong), undefined)).toBe(false);
    expect(canSubmit(split, validateReport(split), undefined)).toBe(true);
  });

  it('lists errors in column order, totals before sex figures', () => {
    const issues = validateReport({ ...split, membersFemale: 41, youth1435: -1 });
    expect(codes(issues)).toEqual(['members:sex-sum-mismatch', 'youth1435:negative']);
    expect(issues.every((i, k) => k === 0 || ALL_FIGURES.indexOf(issues[k - 1]!.figure) <= ALL_FIGURES.indexOf(i.figure))).toBe(true);
  });
});

describe('sex checks (property)', () => {
  const count = fc.integer({ min: 0, max: 400 });

  it('an issue is raised on a split figure exactly when male + female ≠ total, for any consistent or inconsistent split', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPLIT_FIGURES), count, count, count, (figure, male, female, total) => {
        const values = { [figure]: total, [sexFigure(figure, 'male')]: male, [sexFigure(figure, 'female')]: female };
        const mismatch = validateReport(values).filter((i) => i.code === 'sex-sum-mismatch');
        expect(mismatch.length).toBe(male + female === total ? 0 : 1);
        if (mismatch[0]) expect(mismatch[0].figure).toBe(figure);
      }),
    );
  });

  it('a report without sex figures gets no sex issue, whatever its totals', () => {
    const values = fc.record(Object.fromEntries(FIGURES.map((f) => [f, fc.option(count)])) as Record<AnyFigure, fc.Arbitrary<number | null>>);
    fc.assert(
      fc.property(values, (v) => {
        for (const issue of validateReport(v)) expect(issue.code.startsWith('sex-')).toBe(false);
      }),
    );
  });

  it('every issue points at one of the figures and carries a listed code, sex figures included', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constant(null), fc.constant(undefined), fc.double());
    const values = fc.record(Object.fromEntries(ALL_FIGURES.map((f) => [f, value])) as Record<AnyFigure, fc.Arbitrary<number | null | undefined>>);
    fc.assert(
      fc.property(values, (v) => {
        for (const issue of validateReport(v)) {
          expect(ALL_FIGURES).toContain(issue.figure);
          expect(ISSUE_CODES).toContain(issue.code);
          expect(issue.severity).toBe((ERROR_CODES as readonly string[]).includes(issue.code) ? 'error' : 'warning');
        }
      }),
    );
  });
});

describe('roll-up of the sex figures', () => {
  it('stocks take the last quarter by sex, flows sum by sex; branches in rounds without the split add nothing to them', () => {
    const orgs = [org('c', null), org('t', 'c', { kind: 'township' }), org('b1', 't'), org('b2', 't')];
    const reports = [
      report('b1', '2025Q3', { members: 10, membersFemale: 6, membersMale: 4, newMembers: 2, newMembersFemale: 1, newMembersMale: 1 }),
      report('b1', '2025Q4', { members: 12, membersFemale: 7, membersMale: 5, newMembers: 3, newMembersFemale: 2, newMembersMale: 1 }),
      report('b2', '2025Q4', { members: 30, newMembers: 4 }),
    ];
    const year = rollUp({ orgs, reports, orgId: 'c', period: '2025' });
    expect(year.figures).toMatchObject({ members: 42, membersFemale: 7, membersMale: 5, newMembers: 9, newMembersFemale: 3, newMembersMale: 2 });
    expect(year.reportingPerFigure).toMatchObject({ members: 2, membersFemale: 1, youth1428Female: 0 });
  });
});
