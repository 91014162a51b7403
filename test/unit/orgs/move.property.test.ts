import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import { isDirectChildCode, nextChildCode } from '../../../shared/orgs/codes';
import { CHILD_KINDS, isKindAllowedUnder } from '../../../shared/orgs/kinds';
import { subtreeIds } from '../../../shared/orgs/tree';
import { validateOrg } from '../../../shared/orgs/validate';
import { moveSubtree } from '../../../shared/orgs/writes';
import { applyWrites, makeOrg } from './fixtures';

/** A valid tree grown one organisation at a time: a random parent that may lead, a random allowed kind, the next code. */
const tree = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }).map((steps) => {
  const orgs: Org[] = [makeOrg('o0', 'LT', 'county', null)];
  steps.forEach(([parentPick, kindPick], i) => {
    const leaders = orgs.filter((o) => CHILD_KINDS[o.kind].length > 0);
    const parent = leaders[parentPick % leaders.length]!;
    const kinds = CHILD_KINDS[parent.kind];
    orgs.push(makeOrg(`o${i + 1}`, nextChildCode(parent, orgs)!, kinds[kindPick % kinds.length]!, parent.id));
  });
  return orgs;
});

function checkTree(orgs: readonly Org[]): void {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  expect(orgs.filter((o) => o.parentId === null)).toHaveLength(1);
  expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
  for (const org of orgs) {
    // Walking up ends at the root within as many steps as there are organisations: no cycle.
    let at: Org | undefined = org;
    for (let steps = 0; at && at.parentId !== null; steps++) {
      expect(steps).toBeLessThan(orgs.length);
      at = byId.get(at.parentId);
    }
    expect(at?.parentId).toBeNull();
    if (org.parentId !== null) {
      const parent = byId.get(org.parentId)!;
      expect(isDirectChildCode(org.code, parent.code), `${org.code} under ${parent.code}`).toBe(true);
      expect(isKindAllowedUnder(org.kind, parent.kind)).toBe(true);
    }
    expect(validateOrg(org, orgs)).toEqual([]);
  }
}

describe('moving a subtree, for any tree and any move', () => {
  const move = tree.chain((orgs) => fc.tuple(fc.constant(orgs), fc.constantFrom(...orgs), fc.constantFrom(...orgs)));

  it('keeps the tree a tree: one root, no cycle, every code under its parent’s, codes unique, kinds allowed', () => {
    fc.assert(
      fc.property(move, ([orgs, org, parent]) => {
        checkTree(orgs);
        const result = moveSubtree(orgs, org.id, parent.id);
        if (result.ok) checkTree(applyWrites(orgs, result.writes));
      }),
    );
  });

  it('moves exactly the subtree, keeps its size and shape, and touches nothing else', () => {
    fc.assert(
      fc.property(move, ([orgs, org, parent]) => {
        const result = moveSubtree(orgs, org.id, parent.id);
        if (!result.ok) return;
        const before = subtreeIds(orgs, org.id);
        const after = applyWrites(orgs, result.writes);
        expect(subtreeIds(after, org.id)).toEqual(before);
        expect(result.moved).toBe(before.length);
        expect(result.writes.map((w) => w.row)).toEqual(before);
        expect(new Set(result.writes.map((w) => w.scope)).size).toBe(1);
        const inside = new Set(before);
        for (const o of after) {
          const old = orgs.find((x) => x.id === o.id)!;
          if (!inside.has(o.id)) expect(o).toEqual(old);
          else if (o.id !== org.id) expect(o.parentId).toBe(old.parentId);
        }
        expect(after.find((o) => o.id === org.id)!.parentId).toBe(parent.id);
      }),
    );
  });

  it('is refused exactly when the target is in the subtree, the same parent, or a parent that may not lead it', () => {
    fc.assert(
      fc.property(move, ([orgs, org, parent]) => {
        const result = moveSubtree(orgs, org.id, parent.id);
        const expected = subtreeIds(orgs, org.id).includes(parent.id)
          ? 'move-into-own-subtree'
          : org.parentId === parent.id
            ? 'same-parent'
            : !isKindAllowedUnder(org.kind, parent.kind)
              ? 'kind-not-allowed-here'
              : null;
        expect(result.ok ? null : result.reason).toBe(expected);
      }),
    );
  });
});
