import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinScope } from '../../../shared/sync/scope';

const arbCode = fc.tuple(fc.constantFrom('LT', 'KC'), fc.array(fc.constantFrom('1', '10', '03', '012', 'A'), { maxLength: 3 })).map(([root, parts]) => [root, ...parts].join('-'));

describe('scope of an organisation code path', () => {
  it('a branch lies within its township, which lies within the county', () => {
    expect(isWithinScope('LT-03-012', 'LT-03')).toBe(true);
    expect(isWithinScope('LT-03', 'LT')).toBe(true);
    expect(isWithinScope('LT-03-012', 'LT')).toBe(true);
  });

  it('a scope lies within itself', () => {
    expect(isWithinScope('LT-03', 'LT-03')).toBe(true);
  });

  it('compares whole segments, not text: LT-1 is not within LT-10, nor LT-10 within LT-1', () => {
    expect(isWithinScope('LT-1', 'LT-10')).toBe(false);
    expect(isWithinScope('LT-10', 'LT-1')).toBe(false);
    expect(isWithinScope('LT-10-2', 'LT-1')).toBe(false);
    expect(isWithinScope('LTX', 'LT')).toBe(false);
  });

  it('a county is not within its township, nor a township within its sibling', () => {
    expect(isWithinScope('LT', 'LT-03')).toBe(false);
    expect(isWithinScope('LT-04', 'LT-03')).toBe(false);
  });

  it('is within exactly when the parent is a leading run of the scope’s segments', () => {
    fc.assert(
      fc.property(arbCode, arbCode, (scope, parent) => {
        const s = scope.split('-');
        const p = parent.split('-');
        const leading = p.length <= s.length && p.every((part, i) => s[i] === part);
        expect(isWithinScope(scope, parent)).toBe(leading);
      }),
    );
  });
});
