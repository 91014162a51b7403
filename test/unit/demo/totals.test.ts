import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../../shared/domain/stats';
import { leagueYouthRatio, sumFigures } from '../../../shared/stats/totals';

describe('sumFigures', () => {
  it('sums every figure and counts null or missing as 0', () => {
    expect(
      sumFigures([
        { members: 10, youth1428: 20, newMembers: null },
        { members: 5, youth1435: 40, cadres: 2 },
        {},
      ]),
    ).toEqual({ members: 15, newMembers: 0, youth1435: 40, youth1428: 20, cadres: 2, recommendedToParty: 0 });
  });

  it('gives all six figures as 0 for no reports', () => {
    expect(sumFigures([])).toEqual(Object.fromEntries(FIGURES.map((f) => [f, 0])));
  });

  it('does not depend on how the reports are grouped', () => {
    const row = fc.record({ members: fc.option(fc.nat(1000), { nil: undefined }), youth1428: fc.option(fc.nat(1000)) });
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (a, b) => {
        const whole = sumFigures([...a, ...b]);
        const [sa, sb] = [sumFigures(a), sumFigures(b)];
        for (const figure of FIGURES) expect(whole[figure]).toBe(sa[figure] + sb[figure]);
      }),
    );
  });
});

describe('leagueYouthRatio', () => {
  it('divides members by youth aged 14–28', () => {
    expect(leagueYouthRatio(5849, 12028)).toBeCloseTo(0.4863, 4);
  });

  it('is null without youth rather than 0 or Infinity', () => {
    expect(leagueYouthRatio(0, 0)).toBeNull();
    expect(leagueYouthRatio(3, 0)).toBeNull();
  });

  it('of a roll-up comes from the summed figures, not the average of child ratios', () => {
    const small = { members: 9, youth1428: 10 };
    const large = { members: 100, youth1428: 400 };
    const totals = sumFigures([small, large]);
    // (9 + 100) / (10 + 400) ≈ 26.6%, while averaging 90% and 25% would claim 57.5%.
    expect(leagueYouthRatio(totals.members, totals.youth1428)).toBeCloseTo(109 / 410, 10);
  });
});
