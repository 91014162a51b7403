import { describe, expect, it } from 'vitest';
import { archiveOrg, createOrgWrites, editOrgWrites, moveSubtree, undoArchiveWrites, unarchiveOrg } from '../../../shared/orgs/writes';
import { applyWrites, smallCounty } from './fixtures';

const orgs = smallCounty();
const byId = (list: typeof orgs, id: string) => list.find((o) => o.id === id)!;

describe('creating an organisation', () => {
  it('writes one row, trimmed, scoped to its own code, with empty optional fields left out', () => {
    const result = createOrgWrites(
      { id: 'new', code: 'LT-01-003', kind: 'branch', parentId: 'luntai', name: { zh: ' 轮台镇第3团支部 ', ug: '' }, secretaryName: ' ', secretaryPhone: '13899001234 ' },
      orgs,
    );
    expect(result).toEqual({
      ok: true,
      writes: [
        {
          table: 'org',
          row: 'new',
          scope: 'LT-01-003',
          fields: { code: 'LT-01-003', name: { zh: '轮台镇第3团支部' }, kind: 'branch', parentId: 'luntai', archived: false, secretaryPhone: '13899001234' },
        },
      ],
    });
  });

  it('is refused with every issue when the draft is not valid', () => {
    const result = createOrgWrites({ id: 'new', code: 'LT-01-002', kind: 'branch', parentId: 'luntai', name: {} }, orgs);
    expect(result).toEqual({ ok: false, issues: [{ field: 'name', reason: 'name-required' }, { field: 'code', reason: 'code-taken' }] });
  });
});

describe('editing an organisation', () => {
  it('writes only the fields that changed', () => {
    const gb = byId(orgs, 'gb');
    expect(editOrgWrites({ ...gb, name: { zh: '轮台镇中心团总支', ug: 'مەركىزىي ئومۇمىي ياچېيكا' } }, orgs)).toEqual({
      ok: true,
      writes: [{ table: 'org', row: 'gb', scope: 'LT-01-001', fields: { name: { zh: '轮台镇中心团总支', ug: 'مەركىزىي ئومۇمىي ياچېيكا' } } }],
    });
    expect(editOrgWrites({ ...gb }, orgs)).toEqual({ ok: true, writes: [] });
  });

  it("clears a text field by writing '' and keeps a school level the draft leaves out", () => {
    const withSecretary = orgs.map((o) => (o.id === 'school' ? { ...o, secretaryName: '王芳', secretaryPhone: '13899001234' } : o));
    const school = byId(withSecretary, 'school');
    const result = editOrgWrites({ ...school, secretaryPhone: '', schoolLevel: undefined }, withSecretary);
    expect(result).toEqual({ ok: true, writes: [{ table: 'org', row: 'school', scope: 'LT-03', fields: { secretaryPhone: '' } }] });
  });

  it('renumbers the subtree when the code changes', () => {
    const gb = byId(orgs, 'gb');
    const result = editOrgWrites({ ...gb, code: 'LT-01-007' }, orgs);
    expect(result).toEqual({
      ok: true,
      writes: [
        { table: 'org', row: 'gb', scope: 'LT-01-007', fields: { code: 'LT-01-007' } },
        { table: 'org', row: 'gb-b1', scope: 'LT-01-007-001', fields: { code: 'LT-01-007-001' } },
      ],
    });
  });

  it("refuses to change the county's code, which bundles recognise the county by: county-code-fixed", () => {
    const county = byId(orgs, 'county');
    expect(editOrgWrites({ ...county, code: 'BG' }, orgs)).toEqual({ ok: false, issues: [{ field: 'code', reason: 'county-code-fixed' }] });
  });

  it('never changes the parent (that is a move) and refuses what validation refuses', () => {
    const b2 = byId(orgs, 'b2');
    expect(editOrgWrites({ ...b2, parentId: 'lunnan', name: { zh: 'x' } }, orgs)).toMatchObject({ ok: true, writes: [{ fields: { name: { zh: 'x' } } }] });
    expect(editOrgWrites({ ...b2, kind: 'township' }, orgs)).toEqual({ ok: false, issues: [{ field: 'kind', reason: 'kind-not-allowed-here' }] });
    expect(editOrgWrites({ ...b2, id: 'gone' }, orgs)).toEqual({ ok: false, reason: 'org-not-found' });
  });

  it('refuses to turn a school committee with a school level into another kind: school-level-not-here', () => {
    const school = byId(orgs, 'school');
    expect(editOrgWrites({ ...school, kind: 'working', schoolLevel: undefined }, orgs)).toEqual({
      ok: false,
      issues: [{ field: 'schoolLevel', reason: 'school-level-not-here' }],
    });
  });
});

describe('moving a subtree', () => {
  it('gives the root its new parent and the next code there, and renumbers everything under it, in one batch', () => {
    const result = moveSubtree(orgs, 'gb', 'lunnan');
    expect(result).toEqual({
      ok: true,
      moved: 2,
      code: 'LT-02-002',
      writes: [
        { table: 'org', row: 'gb', scope: 'LT', fields: { code: 'LT-02-002', parentId: 'lunnan' } },
        { table: 'org', row: 'gb-b1', scope: 'LT', fields: { code: 'LT-02-002-001' } },
      ],
    });
  });

  it('scopes the writes to the code both places lie within', () => {
    const result = moveSubtree(orgs, 'gb-b1', 'luntai');
    expect(result).toMatchObject({ ok: true, code: 'LT-01-003', writes: [{ scope: 'LT-01' }] });
  });

  it('takes a chosen code, if it is free and under the new parent', () => {
    expect(moveSubtree(orgs, 'b2', 'lunnan', { code: 'LT-02-050' })).toMatchObject({ ok: true, code: 'LT-02-050' });
    expect(moveSubtree(orgs, 'b2', 'lunnan', { code: 'LT-02-001' })).toEqual({ ok: false, reason: 'code-taken' });
    expect(moveSubtree(orgs, 'b2', 'lunnan', { code: 'LT-01-050' })).toEqual({ ok: false, reason: 'code-not-under-parent' });
    expect(moveSubtree(orgs, 'b2', 'lunnan', { code: 'LT-02-x' })).toEqual({ ok: false, reason: 'code-invalid' });
  });

  it.each([
    ['luntai', 'gb-b1', 'move-into-own-subtree'],
    ['gb', 'gb', 'move-into-own-subtree'],
    ['b2', 'luntai', 'same-parent'],
    ['community', 'school', 'kind-not-allowed-here'],
    ['county', 'luntai', 'move-into-own-subtree'],
    ['lunnan', 'school', 'kind-not-allowed-here'],
    ['gone', 'luntai', 'org-not-found'],
    ['b2', 'gone', 'parent-not-found'],
  ])('refuses to move %s under %s: %s', (org, parent, reason) => {
    expect(moveSubtree(orgs, org, parent)).toEqual({ ok: false, reason });
  });

  it('refuses an archived new parent for an active organisation: parent-archived', () => {
    const archived = orgs.map((o) => (o.id === 'lunnan' ? { ...o, archived: true } : o));
    expect(moveSubtree(archived, 'b2', 'lunnan')).toEqual({ ok: false, reason: 'parent-archived' });
  });
});

describe('archiving', () => {
  it('archives an organisation and what under it is still active, and says exactly which', () => {
    const before = orgs.map((o) => (o.id === 'gb-b1' ? { ...o, archived: true } : o));
    const result = archiveOrg(before, 'luntai');
    expect(result).toEqual({
      ok: true,
      archivedIds: ['luntai', 'gb', 'b2'],
      writes: ['luntai', 'gb', 'b2'].map((id) => ({ table: 'org', row: id, scope: byId(orgs, id).code, fields: { archived: true } })),
    });
  });

  it('is undone exactly: what was archived before stays archived', () => {
    const before = orgs.map((o) => (o.id === 'gb-b1' ? { ...o, archived: true } : o));
    const result = archiveOrg(before, 'luntai');
    if (!result.ok) throw new Error(result.reason);
    const after = applyWrites(before, result.writes);
    const undone = applyWrites(after, undoArchiveWrites(after, result.archivedIds));
    expect(undone.filter((o) => o.archived).map((o) => o.id)).toEqual(['gb-b1']);
  });

  it('refuses the county, an unknown and an archived organisation', () => {
    expect(archiveOrg(orgs, 'county')).toEqual({ ok: false, reason: 'root-cannot-archive' });
    expect(archiveOrg(orgs, 'gone')).toEqual({ ok: false, reason: 'org-not-found' });
    expect(archiveOrg(orgs.map((o) => ({ ...o, archived: true })), 'b2')).toEqual({ ok: false, reason: 'already-archived' });
  });

  it('unarchives one organisation, not while its parent is archived', () => {
    const result = archiveOrg(orgs, 'luntai');
    if (!result.ok) throw new Error(result.reason);
    const archived = applyWrites(orgs, result.writes);
    expect(unarchiveOrg(archived, 'b2')).toEqual({ ok: false, reason: 'parent-archived' });
    expect(unarchiveOrg(archived, 'luntai')).toEqual({ ok: true, writes: [{ table: 'org', row: 'luntai', scope: 'LT-01', fields: { archived: false } }] });
    expect(unarchiveOrg(orgs, 'luntai')).toEqual({ ok: false, reason: 'not-archived' });
    expect(unarchiveOrg(orgs, 'gone')).toEqual({ ok: false, reason: 'org-not-found' });
  });
});
