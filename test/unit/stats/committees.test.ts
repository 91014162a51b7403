import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeResolver } from '../../../shared/stats/committees';
import { arbForest, chainOf, org } from './fixtures';

describe('committeeResolver', () => {
  const orgs = [org('c', null), org('t1', 'c'), org('t2', 'c'), org('b1', 't1'), org('g', 't1'), org('b2', 'g')];
  const committee = committeeResolver(orgs, 'c');

  it('gives the direct child of the root whose subtree holds the organisation', () => {
    expect(['t1', 'b1', 'g', 'b2', 't2'].map(committee)).toEqual(['t1', 't1', 't1', 't1', 't2']);
  });

  it('gives null for the root, an unknown organisation, and one not under the root', () => {
    expect(committee('c')).toBeNull();
    expect(committee('nobody')).toBeNull();
    expect(committeeResolver([...orgs, org('x', null), org('y', 'x')], 'c')('y')).toBeNull();
  });

  it('gives null inside a cycle instead of looping', () => {
    const cyclic = [org('c', null), org('a', 'b'), org('b', 'a'), org('d', 'a')];
    const resolve = committeeResolver(cyclic, 'c');
    expect(['a', 'b', 'd'].map(resolve)).toEqual([null, null, null]);
  });

  it('agrees with walking up the chain, whatever order organisations are asked in (property)', () => {
    fc.assert(
      fc.property(arbForest(), fc.integer(), (orgs, seed) => {
        const resolve = committeeResolver(orgs, 'o0');
        const ids = orgs.map((o) => o.id).sort((a, b) => ((a.length * 7919 + seed) % 13) - ((b.length * 7919 + seed) % 13) || (a < b ? -1 : 1));
        for (const id of ids) {
          const chain = chainOf(orgs, id);
          const i = chain.indexOf('o0');
          expect(resolve(id)).toBe(i > 0 ? chain[i - 1] : null);
        }
      }),
    );
  });
});
