import { describe, expect, it } from 'vitest';
import { DEMO_FACTS, countOrgsByKind } from '../../../shared/demo/summary';

describe('DEMO_FACTS', () => {
  // Pinned to the source document (DOMAIN.md), so a typo here cannot pass through generator and tests alike.
  it('holds the published Luntai figures', () => {
    expect(DEMO_FACTS.orgsByKind).toEqual({
      county: 1,
      township: 11,
      school: 2,
      working: 2,
      generalBranch: 2,
      branch: 157,
      twoNew: 80,
      community: 8,
    });
    expect(DEMO_FACTS.totals).toEqual({ members: 5849, youth1435: 26328, youth1428: 12028 });
    expect(DEMO_FACTS.reportingUnits).toBe(157 + 80 + 8);
    expect(DEMO_FACTS.towns).toHaveLength(4);
    expect(DEMO_FACTS.townships).toHaveLength(7);
  });
});

describe('countOrgsByKind', () => {
  it('counts each kind and reports absent kinds as 0', () => {
    expect(countOrgsByKind([{ kind: 'branch' }, { kind: 'branch' }, { kind: 'county' }])).toEqual({
      county: 1,
      township: 0,
      school: 0,
      working: 0,
      generalBranch: 0,
      branch: 2,
      twoNew: 0,
      community: 0,
    });
  });
});
