import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgSchema, type Org } from '../../../shared/domain/org';
import { targetSchema, type Target, type TargetScope } from '../../../shared/domain/stats';
import {
  CONTROL_RATIO_DEFAULTS_2023,
  exceedsTarget,
  indexTargets,
  resolveTarget,
  targetRatioFor,
  targetRowId,
} from '../../../shared/stats/targets';
import { APP_TABLES } from '../../../shared/app/registry';
import { TARGET_TABLE } from '../../../shared/stats/tables';
import { storedRowSchema } from '../../../shared/sync/tables';

const org = (id: string, kind: Org['kind'], parentId: string | null, extra: Partial<Org> = {}): Org => ({
  id,
  code: 'LT',
  name: { zh: id },
  kind,
  parentId,
  archived: false,
  ...extra,
});
const row = (appliesTo: TargetScope, subject: string, maxRatio: number | null): Target => ({
  id: targetRowId(appliesTo, subject),
  appliesTo,
  subject,
  maxRatio,
});

const county = org('county', 'county', null);
const township = org('t1', 'township', 'county');
const village = org('b1', 'branch', 't1');
const juniorHigh = org('s1', 'school', 'county', { schoolLevel: 'juniorHigh' });
const seniorHigh = org('s2', 'school', 'county', { schoolLevel: 'seniorHigh' });
const vocational = org('s3', 'school', 'county', { schoolLevel: 'vocational' });
const classBranch = org('c1', 'branch', 's2');
const schoolWithoutLevel = org('s4', 'school', 'county');
const orgsById = new Map([county, township, village, juniorHigh, seniorHigh, vocational, classBranch, schoolWithoutLevel].map((o) => [o.id, o]));

describe('defaults from the 2023 guidance', () => {
  it('are 15% junior high, 30% general senior high, 20% vocational', () => {
    expect(CONTROL_RATIO_DEFAULTS_2023).toEqual({ juniorHigh: 0.15, seniorHigh: 0.3, vocational: 0.2 });
  });

  it('apply to schools by level with no target rows at all', () => {
    expect(targetRatioFor(juniorHigh, [])).toBe(0.15);
    expect(targetRatioFor(seniorHigh, [])).toBe(0.3);
    expect(targetRatioFor(vocational, [])).toBe(0.2);
  });

  it('leave every other organisation without a target', () => {
    for (const o of [county, township, village, schoolWithoutLevel]) expect(targetRatioFor(o, []), o.id).toBeNull();
  });

  it('say where they come from', () => {
    expect(resolveTarget(seniorHigh, [])).toEqual({
      ratio: 0.3,
      source: { from: 'schoolLevel', level: 'seniorHigh', orgId: 's2', inherited: false, configured: false },
    });
  });
});

describe('targetRatioFor precedence: organisation > school level > kind > ancestor > none', () => {
  it("a level row replaces that level's default (policy changes)", () => {
    const targets = [row('schoolLevel', 'juniorHigh', 0.3)];
    expect(resolveTarget(juniorHigh, targets)).toEqual({
      ratio: 0.3,
      source: { from: 'schoolLevel', level: 'juniorHigh', orgId: 's1', inherited: false, configured: true },
    });
    expect(targetRatioFor(seniorHigh, targets)).toBe(0.3);
    expect(targetRatioFor(vocational, targets)).toBe(0.2);
  });

  it("a kind row sets the target of that kind's organisations", () => {
    const targets = [row('kind', 'twoNew', 0.25), row('kind', 'township', 0.6)];
    expect(targetRatioFor(org('n1', 'twoNew', 't1'), targets)).toBe(0.25);
    expect(resolveTarget(township, targets)).toEqual({ ratio: 0.6, source: { from: 'kind', kind: 'township' } });
  });

  it('a school level beats the school kind row; a school without a level takes the kind row', () => {
    const targets = [row('kind', 'school', 0.5)];
    expect(targetRatioFor(juniorHigh, targets)).toBe(0.15);
    expect(targetRatioFor(schoolWithoutLevel, targets)).toBe(0.5);
  });

  it("an organisation's own row overrides its level and its kind", () => {
    const targets = [row('kind', 'school', 0.5), row('schoolLevel', 'seniorHigh', 0.4), row('org', 's2', 0.35)];
    expect(resolveTarget(seniorHigh, targets)).toEqual({ ratio: 0.35, source: { from: 'org', orgId: 's2', inherited: false } });
  });

  it("an organisation's row with no ratio means none here, even over a default", () => {
    expect(resolveTarget(juniorHigh, [row('org', 's1', null)])).toEqual({ ratio: null, source: { from: 'org', orgId: 's1', inherited: false } });
  });

  it("a class branch takes its school's level when the tree is given", () => {
    expect(targetRatioFor(classBranch, [])).toBeNull();
    expect(resolveTarget(classBranch, [], orgsById)).toEqual({
      ratio: 0.3,
      source: { from: 'schoolLevel', level: 'seniorHigh', orgId: 's2', inherited: true, configured: false },
    });
    expect(targetRatioFor(classBranch, [row('org', 's2', 0.28)], orgsById)).toBe(0.28);
  });

  it("a branch's own kind row comes before its ancestors", () => {
    expect(targetRatioFor(classBranch, [row('kind', 'branch', 0.6)], orgsById)).toBe(0.6);
  });

  it("the county's own row reaches organisations that have no target of their own, but not over their kind rows", () => {
    const targets = [row('org', 'county', 0.45), row('kind', 'twoNew', 0.25)];
    expect(resolveTarget(village, targets, orgsById)).toEqual({ ratio: 0.45, source: { from: 'org', orgId: 'county', inherited: true } });
    const twoNew = org('n1', 'twoNew', 't1');
    expect(targetRatioFor(twoNew, targets, new Map([...orgsById, ['n1', twoNew]]))).toBe(0.25);
  });

  it("ancestors' kind rows do not reach down", () => {
    expect(targetRatioFor(village, [row('kind', 'township', 0.6)], orgsById)).toBeNull();
  });

  it('survives a cycle in the tree (a bad merge)', () => {
    const a = org('a', 'branch', 'b');
    const b = org('b', 'branch', 'a');
    expect(targetRatioFor(a, [], new Map([a, b].map((o) => [o.id, o])))).toBeNull();
  });

  it('of two rows for one subject (made on two PCs), the stricter wins; a ratio beats none', () => {
    const targets: Target[] = [
      { id: 'x', appliesTo: 'kind', subject: 'twoNew', maxRatio: 0.3 },
      { id: 'y', appliesTo: 'kind', subject: 'twoNew', maxRatio: 0.2 },
      { id: 'z', appliesTo: 'org', subject: 't1', maxRatio: null },
      { id: 'w', appliesTo: 'org', subject: 't1', maxRatio: 0.5 },
    ];
    expect(targetRatioFor(org('n', 'twoNew', null), targets)).toBe(0.2);
    expect(targetRatioFor(township, targets)).toBe(0.5);
    expect(targetRatioFor(org('n', 'twoNew', null), [...targets].reverse())).toBe(0.2);
  });

  it('ignores rows naming a kind or level this build does not know', () => {
    const index = indexTargets([row('kind', 'factory', 0.1), row('schoolLevel', 'primary', 0.1)]);
    expect(index.byKind.size + index.byLevel.size).toBe(0);
  });

  it('accepts a prepared index as well as rows, with the same answers (property)', () => {
    const kinds = ['county', 'township', 'school', 'branch', 'twoNew'] as const;
    const arbRow = fc.oneof(
      fc.record({ appliesTo: fc.constant('kind' as const), subject: fc.constantFrom(...kinds) }),
      fc.record({ appliesTo: fc.constant('schoolLevel' as const), subject: fc.constantFrom('juniorHigh', 'seniorHigh', 'vocational') }),
      fc.record({ appliesTo: fc.constant('org' as const), subject: fc.constantFrom(...orgsById.keys()) }),
    );
    const arbTargets = fc.array(
      fc.tuple(arbRow, fc.option(fc.integer({ min: 0, max: 100 }).map((p) => p / 100))).map(([r, ratio]) => row(r.appliesTo, r.subject, ratio)),
    );
    fc.assert(
      fc.property(arbTargets, fc.constantFrom(...orgsById.values()), (targets, o) => {
        const resolved = resolveTarget(o, targets, orgsById);
        expect(resolveTarget(o, indexTargets(targets), orgsById)).toEqual(resolved);
        // An organisation's own row always decides.
        const own = targets.filter((t) => t.appliesTo === 'org' && t.subject === o.id);
        if (own.length > 0) expect(resolved.source).toEqual({ from: 'org', orgId: o.id, inherited: false });
      }),
    );
  });
});

describe('exceedsTarget', () => {
  it('compares members ÷ youth 14–28 with the target exactly', () => {
    expect(exceedsTarget(31, 100, 0.3)).toBe(true);
    expect(exceedsTarget(30, 100, 0.3)).toBe(false);
    expect(exceedsTarget(3, 20, 0.15)).toBe(false);
    expect(exceedsTarget(4, 20, 0.15)).toBe(true);
  });

  it('is false without a target or without youth', () => {
    expect(exceedsTarget(31, 100, null)).toBe(false);
    expect(exceedsTarget(31, 0, 0.3)).toBe(false);
  });
});

describe('the target table', () => {
  it('syncs: listed in APP_TABLES.names with a row schema', () => {
    expect(APP_TABLES.names).toContain('target');
    const stored = { ...row('kind', 'school', 0.3), _deleted: false };
    expect(storedRowSchema(TARGET_TABLE).safeParse(stored).success).toBe(true);
  });

  it('targetRowId is one id per subject, so edits of one target on two PCs merge', () => {
    expect(targetRowId('kind', 'school')).toBe('target:kind:school');
    expect(targetRowId('org', 'demo-LT-12')).toBe('target:org:demo-LT-12');
  });

  it('accepts a ratio between 0 and 1, or none', () => {
    for (const maxRatio of [0, 0.15, 1, null]) expect(targetSchema.safeParse(row('kind', 'school', maxRatio)).success, String(maxRatio)).toBe(true);
    for (const maxRatio of [-0.1, 1.5, '30%']) expect(targetSchema.safeParse({ ...row('kind', 'school', 0), maxRatio }).success, String(maxRatio)).toBe(false);
    expect(targetSchema.safeParse({ ...row('kind', 'school', 0.1), appliesTo: 'township' }).success).toBe(false);
  });

  it('orgSchema takes an optional school level', () => {
    expect(orgSchema.safeParse(juniorHigh).success).toBe(true);
    expect(orgSchema.safeParse(county).success).toBe(true);
    expect(orgSchema.safeParse({ ...county, schoolLevel: 'primary' }).success).toBe(false);
  });
});
