import { describe, expect, it } from 'vitest';
import { commonScope, isDirectChildCode, isRootCode, isWellFormedCode, nextChildCode, parentCodeOf, rebaseCode } from '../../../shared/orgs/codes';

const codes = (...list: string[]) => list.map((code) => ({ code }));

describe('organisation codes', () => {
  it('are the county letters and then up to four letters or digits per level', () => {
    for (const code of ['LT', 'LT-03', 'LT-03-012', 'BGR-A1-0001']) expect(isWellFormedCode(code), code).toBe(true);
    for (const code of ['', 'L', 'lt', 'LT-', 'LT--01', 'LT-00001', 'LT-0 1', '01-LT']) expect(isWellFormedCode(code), code).toBe(false);
    expect(isRootCode('LT')).toBe(true);
    expect(isRootCode('LT-01')).toBe(false);
  });

  it('know their parent code, by whole segments', () => {
    expect(parentCodeOf('LT-03-012')).toBe('LT-03');
    expect(parentCodeOf('LT')).toBeNull();
    expect(isDirectChildCode('LT-03-012', 'LT-03')).toBe(true);
    expect(isDirectChildCode('LT-03-012', 'LT')).toBe(false);
    expect(isDirectChildCode('LT-10', 'LT-1')).toBe(false);
  });

  it('move with their subtree, and find the scope two places share', () => {
    expect(rebaseCode('LT-01-005-002', 'LT-01-005', 'LT-02-013')).toBe('LT-02-013-002');
    expect(() => rebaseCode('LT-10-001', 'LT-1', 'LT-2')).toThrow();
    expect(commonScope('LT-01-005', 'LT-02')).toBe('LT');
    expect(commonScope('LT-01-005', 'LT-01-007')).toBe('LT-01');
    expect(commonScope('LT-1', 'LT-10')).toBe('LT');
    expect(commonScope('LT-01', 'BG-01')).toBeNull();
  });
});

describe('the next code for a new child', () => {
  const county = { code: 'LT', kind: 'county' as const };
  const township = { code: 'LT-01', kind: 'township' as const };

  it('starts at 01 under the county and at 001 below it', () => {
    expect(nextChildCode(county, codes('LT'))).toBe('LT-01');
    expect(nextChildCode(township, [])).toBe('LT-01-001');
  });

  it('is one more than the highest number in use, not the first gap', () => {
    expect(nextChildCode(county, codes('LT', 'LT-01', 'LT-02', 'LT-05'))).toBe('LT-06');
    expect(nextChildCode(township, codes('LT-01-001', 'LT-01-003'))).toBe('LT-01-004');
  });

  it('is padded like its siblings', () => {
    expect(nextChildCode(township, codes('LT-01-0007'))).toBe('LT-01-0008');
    expect(nextChildCode(county, codes('LT-9'))).toBe('LT-10');
  });

  it('counts codes anywhere under the parent, whatever their parentId, and skips letter segments', () => {
    expect(nextChildCode(township, codes('LT-01-004-001', 'LT-01-A1', 'LT-02-009', 'LT-010-050'))).toBe('LT-01-005');
  });

  it('takes the lowest free number once 9999 is used, and gives up when all are taken', () => {
    expect(nextChildCode(township, codes('LT-01-0001', 'LT-01-9999'))).toBe('LT-01-0002');
    const full = Array.from({ length: 9999 }, (_, i) => ({ code: `LT-01-${String(i + 1).padStart(4, '0')}` }));
    expect(nextChildCode(township, full)).toBeNull();
  });
});
