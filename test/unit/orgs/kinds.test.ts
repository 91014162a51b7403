import { describe, expect, it } from 'vitest';
import { ORG_KINDS, type OrgKind } from '../../../shared/domain/org';
import { CHILD_KINDS, canHaveChildren, isKindAllowedUnder } from '../../../shared/orgs/kinds';

describe('which kinds may sit under which', () => {
  it.each<[OrgKind, OrgKind[]]>([
    ['county', ['township', 'school', 'working', 'generalBranch', 'branch']],
    ['township', ['generalBranch', 'branch', 'twoNew', 'community']],
    ['school', ['generalBranch', 'branch']],
    ['working', ['school', 'generalBranch', 'branch', 'twoNew']],
    ['generalBranch', ['branch']],
    ['branch', []],
    ['twoNew', []],
    ['community', []],
  ])('a %s leads %j', (parent, children) => {
    expect(ORG_KINDS.filter((kind) => isKindAllowedUnder(kind, parent))).toEqual(children);
    expect(canHaveChildren(parent)).toBe(children.length > 0);
  });

  it('only the county is a root, and it sits under nothing', () => {
    expect(ORG_KINDS.filter((kind) => isKindAllowedUnder(kind, null))).toEqual(['county']);
    expect(ORG_KINDS.filter((parent) => CHILD_KINDS[parent].includes('county'))).toEqual([]);
  });

  it('a community organisation belongs to a town, never directly to the county', () => {
    expect(isKindAllowedUnder('community', 'county')).toBe(false);
    expect(isKindAllowedUnder('community', 'township')).toBe(true);
  });

  it('admits the demo county exactly as it is built', async () => {
    const { buildDemoStructure } = await import('../../../shared/demo/structure');
    const orgs = buildDemoStructure().orgs;
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const org of orgs) expect(isKindAllowedUnder(org.kind, org.parentId === null ? null : byId.get(org.parentId)!.kind), org.code).toBe(true);
  });
});
