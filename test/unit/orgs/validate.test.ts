import { describe, expect, it } from 'vitest';
import { isValidPhone, validateOrg, type OrgDraft } from '../../../shared/orgs/validate';
import { isIsoDate } from '../../../shared/domain/dates';
import { makeOrg, smallCounty } from './fixtures';

const orgs = smallCounty();
const newBranch = (over: Partial<OrgDraft> = {}): OrgDraft => ({
  id: 'new',
  code: 'LT-01-003',
  kind: 'branch',
  parentId: 'luntai',
  name: { zh: '轮台镇第3团支部' },
  ...over,
});
const reasons = (draft: OrgDraft, list = orgs) => validateOrg(draft, list).map((i) => `${i.field}:${i.reason}`);

describe('validating an organisation', () => {
  it('accepts a well-formed new branch', () => {
    expect(reasons(newBranch({ secretaryName: '阿依努尔', secretaryPhone: '13899001234', founded: '2019-05-04' }))).toEqual([]);
  });

  it('needs a name in at least one language: name-required', () => {
    expect(reasons(newBranch({ name: {} }))).toEqual(['name:name-required']);
    expect(reasons(newBranch({ name: { zh: '  ', ug: '' } }))).toEqual(['name:name-required']);
    expect(reasons(newBranch({ name: { ug: 'ياچېيكا' } }))).toEqual([]);
  });

  it('refuses a code in use, or one under which codes are in use: code-taken', () => {
    expect(reasons(newBranch({ code: 'LT-01-002' }))).toEqual(['code:code-taken']);
    expect(reasons(newBranch({ kind: 'generalBranch', code: 'LT-01-001' }))).toEqual(['code:code-taken']);
  });

  it('lets an organisation keep its own code, and its subtree keep theirs', () => {
    const gb = orgs.find((o) => o.id === 'gb')!;
    expect(reasons({ ...gb, name: { zh: '新名称' } })).toEqual([]);
  });

  it('needs the code to be the parent code plus one segment: code-not-under-parent', () => {
    expect(reasons(newBranch({ code: 'LT-02-003' }))).toEqual(['code:code-not-under-parent']);
    expect(reasons(newBranch({ code: 'LT-01-002-001' }))).toEqual(['code:code-not-under-parent']);
  });

  it('refuses a malformed code, and a county code with segments: code-invalid', () => {
    expect(reasons(newBranch({ code: 'lt-01-003' }))).toEqual(['code:code-invalid']);
    expect(reasons(newBranch({ code: 'LT-01-00003' }))).toEqual(['code:code-invalid']);
    expect(reasons({ ...newBranch(), kind: 'county', parentId: null, code: 'BG-01' }, [])).toEqual(['code:code-invalid']);
  });

  it('refuses a kind its parent may not lead: kind-not-allowed-here', () => {
    expect(reasons(newBranch({ kind: 'school' }))).toEqual(['kind:kind-not-allowed-here']);
    expect(reasons(newBranch({ parentId: 'gb', code: 'LT-01-001-002', kind: 'community' }))).toEqual(['kind:kind-not-allowed-here']);
    expect(reasons(newBranch({ parentId: null, code: 'LT' }), [])).toEqual(['kind:kind-not-allowed-here']);
  });

  it('refuses a kind its own children could not sit under: kind-conflicts-with-children', () => {
    const lunnan = orgs.find((o) => o.id === 'lunnan')!;
    // Its community organisation could not sit under a school committee.
    expect(reasons({ ...lunnan, kind: 'school' })).toEqual(['kind:kind-conflicts-with-children']);
    expect(reasons({ ...lunnan, kind: 'township', name: { zh: '轮南镇团委' } })).toEqual([]);
  });

  it('refuses a second county: root-exists', () => {
    expect(reasons({ ...newBranch(), id: 'bg', kind: 'county', parentId: null, code: 'BG' })).toEqual(['parentId:root-exists']);
    expect(reasons({ ...newBranch(), id: 'bg', kind: 'county', parentId: null, code: 'BG' }, [])).toEqual([]);
  });

  it('refuses a parent that does not exist or is archived: parent-not-found, parent-archived', () => {
    expect(reasons(newBranch({ parentId: 'gone' }))).toEqual(['parentId:parent-not-found']);
    const archived = orgs.map((o) => (o.id === 'luntai' ? { ...o, archived: true } : o));
    expect(reasons(newBranch(), archived)).toEqual(['parentId:parent-archived']);
    expect(reasons(newBranch({ archived: true }), archived)).toEqual([]);
  });

  it('checks the secretary phone: phone-invalid', () => {
    expect(reasons(newBranch({ secretaryPhone: '12345' }))).toEqual(['secretaryPhone:phone-invalid']);
    expect(reasons(newBranch({ secretaryPhone: ' ' }))).toEqual([]);
  });

  it('checks the founding date: founded-invalid', () => {
    expect(reasons(newBranch({ founded: '2019-02-30' }))).toEqual(['founded:founded-invalid']);
    expect(reasons(newBranch({ founded: '2019/05/04' }))).toEqual(['founded:founded-invalid']);
  });

  it('allows a school level on a school committee and inside one only: school-level-not-here', () => {
    expect(reasons(newBranch({ schoolLevel: 'juniorHigh' }))).toEqual(['schoolLevel:school-level-not-here']);
    expect(reasons({ ...newBranch(), parentId: 'school', code: 'LT-03-001', schoolLevel: 'seniorHigh' })).toEqual([]);
    expect(reasons({ ...newBranch(), kind: 'school', parentId: 'county', code: 'LT-04', schoolLevel: 'vocational' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(reasons(newBranch({ name: {}, code: 'LT-01-002', secretaryPhone: 'abc' }))).toEqual([
      'name:name-required',
      'code:code-taken',
      'secretaryPhone:phone-invalid',
    ]);
  });

  it('builds on what makeOrg gives', () => {
    expect(makeOrg('a', 'LT', 'county', null).archived).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each(['13899001234', '+8613899001234', '8613899001234', '138 9900 1234', '138-9900-1234', '１３８９９００１２３４', '0996-4622345', '09964622345', '010-12345678', '0996 4622345'])(
    'accepts %s',
    (phone) => expect(isValidPhone(phone)).toBe(true),
  );
  it.each(['12899001234', '1389900123', '138990012345', '0996-46223', '996-4622345', 'abc', '0996-4622345-1'])('refuses %s', (phone) =>
    expect(isValidPhone(phone)).toBe(false),
  );
});

describe('dates', () => {
  it('are real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('23-01-01')).toBe(false);
  });
});
