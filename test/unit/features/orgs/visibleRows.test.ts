import { describe, expect, it } from 'vitest';
import { childrenByParent } from '../../../../shared/orgs/tree';
import { unreachableCount, visibleRows } from '../../../../renderer/src/features/orgs/visibleRows';
import { makeOrg, smallCounty } from '../../orgs/fixtures';

describe('the lines of the tree on screen', () => {
  const orgs = smallCounty();
  const children = childrenByParent(orgs);

  it('shows the children of expanded lines only, with their level, position and set size', () => {
    const rows = visibleRows(children, new Set(['county', 'luntai']), false);
    expect(rows.map((r) => [r.org.code, r.level, r.posinset, r.setsize, r.hasChildren, r.expanded])).toEqual([
      ['LT', 1, 1, 1, true, true],
      ['LT-01', 2, 1, 3, true, true],
      ['LT-01-001', 3, 1, 2, true, false],
      ['LT-01-002', 3, 2, 2, false, false],
      ['LT-02', 2, 2, 3, true, false],
      ['LT-03', 2, 3, 3, false, false],
    ]);
  });

  it('leaves archived organisations out unless asked, and then a parent with only archived children has none', () => {
    const archived = orgs.map((o) => (o.id === 'community' ? { ...o, archived: true } : o));
    const byParent = childrenByParent(archived);
    expect(visibleRows(byParent, new Set(['county', 'lunnan']), false).find((r) => r.org.id === 'lunnan')?.hasChildren).toBe(false);
    expect(visibleRows(byParent, new Set(['county', 'lunnan']), true).map((r) => r.org.id)).toContain('community');
  });

  it('leaves out, and counts, what a bad merge cut off from the root: a cycle, a missing parent', () => {
    const broken = [...orgs, makeOrg('a', 'LT-09', 'branch', 'b'), makeOrg('b', 'LT-10', 'branch', 'a'), makeOrg('lost', 'LT-11', 'branch', 'gone')];
    const byParent = childrenByParent(broken);
    expect(visibleRows(byParent, new Set(broken.map((o) => o.id)), true)).toHaveLength(orgs.length);
    expect(unreachableCount(broken, byParent)).toBe(3);
  });
});
