import { beforeEach, describe, expect, it } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import { decideWithCast, expectAccepted, expectRefused, makeCast, newReport, ORG, write, type Cast } from './trustFixtures';

let cast: Cast;
// A fresh county for each test: each test's PCs start their clocks at the same place (the county
// PC at T0 + 30 s, the others at T0 + 60 s).
beforeEach(async () => {
  cast = await makeCast();
});

const reportId = (org: string) => `round-2026:${org}`;

describe('statistical reports', () => {
  it('a township officer enters figures and notes and submits, for organisations inside its scope', async () => {
    const { lt03 } = cast;
    const create = write(lt03, 'statReport', reportId(ORG.lt03branch), newReport(ORG.lt03branch, { members: 33, youth1428: 60 }));
    const note = write(lt03, 'statReport', reportId(ORG.lt03branch), { notes: { members: 'two left for university' }, membersFemale: 20 });
    const submit = write(lt03, 'statReport', reportId(ORG.lt03branch), { status: 'submitted', submittedAt: '2026-03-02T00:00:00.000Z', firstSubmittedAt: '2026-03-02T00:00:00.000Z' });
    const decisions = await decideWithCast(cast, [[lt03, [create, note, submit]]]);
    expectAccepted(decisions, create, note, submit);
  });

  it('a township officer may not approve or return, nor write the county’s review fields', async () => {
    const { lt03 } = cast;
    const create = write(lt03, 'statReport', reportId(ORG.lt03), newReport(ORG.lt03, { members: 5, status: 'submitted' }));
    const approve = write(lt03, 'statReport', reportId(ORG.lt03), { status: 'approved', approvedAt: '2026-03-02T00:00:00.000Z' });
    const returned = write(lt03, 'statReport', reportId(ORG.lt03), { status: 'returned' });
    const comment = write(lt03, 'statReport', reportId(ORG.lt03), { returnComment: 'fine' });
    const remove = write(lt03, 'statReport', reportId(ORG.lt03), { _deleted: true });
    const decisions = await decideWithCast(cast, [[lt03, [create, approve, returned, comment, remove]]]);
    expectAccepted(decisions, create);
    expectRefused(decisions, 'status-not-allowed', approve, returned);
    expectRefused(decisions, 'field-not-allowed', comment, remove);
  });

  it('once the county approved a report, the township cannot change it; after the county reopens it, it can', async () => {
    const { lt03, countyPc } = cast;
    const create = write(lt03, 'statReport', reportId(ORG.lt03), newReport(ORG.lt03, { members: 5, status: 'submitted' }), { at: lt03.wall + 1000 });
    const approve = write(countyPc, 'statReport', reportId(ORG.lt03), { status: 'approved', approvedAt: '2026-03-02T00:00:00.000Z' }, { at: lt03.wall + 1000 });
    const edit = write(lt03, 'statReport', reportId(ORG.lt03), { members: 6 }, { at: countyPc.wall + 1000 });
    const reopen = write(countyPc, 'statReport', reportId(ORG.lt03), { status: 'returned', returnComment: 'check members', returnedAt: '2026-03-03T00:00:00.000Z' }, { at: lt03.wall + 1000 });
    const fix = write(lt03, 'statReport', reportId(ORG.lt03), { members: 7 }, { at: countyPc.wall + 1000 });
    const decisions = await decideWithCast(cast, [
      [lt03, [create, edit, fix]],
      [countyPc, [approve, reopen]],
    ]);
    expectAccepted(decisions, create, approve, reopen, fix);
    expectRefused(decisions, 'report-locked', edit);
  });

  it('a report’s organisation decides its scope, not the change’s scope field', async () => {
    const { lt03 } = cast;
    const other = write(lt03, 'statReport', reportId(ORG.lt05), newReport(ORG.lt05, { members: 1 }));
    expect(other.scope).toBe('LT');
    const moved = write(lt03, 'statReport', reportId(ORG.lt03branch), newReport(ORG.lt03branch));
    const stolen = write(lt03, 'statReport', reportId(ORG.lt03branch), { orgId: ORG.lt05 });
    const unknown = write(lt03, 'statReport', 'round-2026:org-nowhere', newReport('org-nowhere'));
    const decisions = await decideWithCast(cast, [[lt03, [other, moved, stolen, unknown]]]);
    expectRefused(decisions, 'outside-scope', other, stolen);
    expectAccepted(decisions, moved);
    expectRefused(decisions, 'row-org-unknown', unknown);
  });

  it('the county may approve, return and reopen; a judge or viewer may not touch a report', async () => {
    const { countyPc, judge, viewer } = cast;
    const create = write(countyPc, 'statReport', reportId(ORG.lt05), newReport(ORG.lt05, { members: 9, status: 'approved' }));
    const byJudge = write(judge, 'statReport', reportId(ORG.lt05), { members: 10 });
    const byViewer = write(viewer, 'statReport', reportId(ORG.lt05), { members: 11 });
    const decisions = await decideWithCast(cast, [
      [countyPc, [create]],
      [judge, [byJudge]],
      [viewer, [byViewer]],
    ]);
    expectAccepted(decisions, create);
    expectRefused(decisions, 'role-not-allowed', byJudge, byViewer);
  });
});

describe('the organisation tree, rounds and targets', () => {
  it('are the county administrator’s alone', async () => {
    const { lt03, countyPc } = cast;
    const rename = write(lt03, 'org', ORG.lt03, { name: { zh: '轮台镇' } });
    const round = write(lt03, 'round', 'round-2027', { period: '2027', figures: ['members'], orgIds: [], deadline: '2027-01-31', status: 'open' });
    const target = write(lt03, 'target', 'target-school', { appliesTo: 'kind', subject: 'school', maxRatio: 0.9 });
    const countyRound = write(countyPc, 'round', 'round-2027', { period: '2027', figures: ['members'], orgIds: [], deadline: '2027-01-31', status: 'open' });
    const branch = write(countyPc, 'org', 'org-LT-05-001', { code: 'LT-05-001', name: { zh: 'x' }, kind: 'branch', parentId: ORG.lt05, archived: false });
    const decisions = await decideWithCast(cast, [
      [lt03, [rename, round, target]],
      [countyPc, [countyRound, branch]],
    ]);
    expectRefused(decisions, 'role-not-allowed', rename, round, target);
    expectAccepted(decisions, countyRound, branch);
  });

  it('the county’s own organisation cannot be deleted, archived, recoded or moved, and no second root can appear', async () => {
    const { countyPc } = cast;
    const rename = write(countyPc, 'org', ORG.county, { name: { zh: '共青团轮台县委员会', ug: 'بۈگۈر' } });
    const remove = write(countyPc, 'org', ORG.county, { _deleted: true });
    const archive = write(countyPc, 'org', ORG.county, { archived: true });
    const recode = write(countyPc, 'org', ORG.county, { code: 'LT-01' });
    const reparent = write(countyPc, 'org', ORG.county, { parentId: ORG.lt03 });
    const otherRoot = write(countyPc, 'org', 'org-AA', { code: 'AA', name: { zh: '假县' }, kind: 'county', parentId: null, archived: false });
    const innerRoot = write(countyPc, 'org', 'org-LT-09', { code: 'LT-09', name: { zh: 'x' }, kind: 'county', parentId: null, archived: false });
    const lifted = write(countyPc, 'org', ORG.lt05, { parentId: null });
    const decisions = await decideWithCast(cast, [[countyPc, [rename, remove, archive, recode, reparent, otherRoot, innerRoot, lifted]]]);
    expectAccepted(decisions, rename);
    expectRefused(decisions, 'county-root-fixed', remove, archive, recode, reparent);
    expectRefused(decisions, 'outside-county', otherRoot);
    expectRefused(decisions, 'second-root', innerRoot, lifted);
  });
});

describe('job notices and placements', () => {
  const notice = (townshipId: string | null) => ({ title: { zh: '招聘' }, townshipId, status: 'draft' });

  it('the county writes any; a township officer only where the county granted jobs, and only for its township', async () => {
    const { countyPc, lt03, jobs03 } = cast;
    const county = write(countyPc, 'notice', 'n-county', notice(null));
    const ungranted = write(lt03, 'notice', 'n-lt03-a', notice(ORG.lt03));
    const granted = write(jobs03, 'notice', 'n-lt03-b', notice(ORG.lt03));
    const countyWide = write(jobs03, 'notice', 'n-wide', notice(null));
    const elsewhere = write(jobs03, 'placement', 'p-lt05', { noticeId: 'n-county', name: '阿依古丽', townshipId: ORG.lt05 });
    const placed = write(jobs03, 'placement', 'p-lt03', { noticeId: 'n-lt03-b', name: '阿依古丽', townshipId: ORG.lt03branch });
    const decisions = await decideWithCast(cast, [
      [countyPc, [county]],
      [lt03, [ungranted]],
      [jobs03, [granted, countyWide, elsewhere, placed]],
    ]);
    expectAccepted(decisions, county, granted, placed);
    expectRefused(decisions, 'role-not-allowed', ungranted);
    expectRefused(decisions, 'outside-scope', countyWide, elsewhere);
  });
});

describe('contests and scores', () => {
  it('contests and entries are the county’s; a judge writes only the scores it is assigned', async () => {
    const { countyPc, judge, lt03 } = cast;
    const contest = write(countyPc, 'contest', 'contest-1', { kind: 'essay', title: { zh: '微征文' } });
    const entry = write(lt03, 'entry', 'e-1', { contestId: 'contest-1', code: 'E-001' });
    const own = write(judge, 'score', 'e-1~j1', { contestId: 'contest-1', entryId: 'e-1', judgeId: 'j1', points: { c1: 8 } });
    const ownAgain = write(judge, 'score', 'e-1~j1', { points: { c1: 9 } });
    const another = write(judge, 'score', 'e-1~j2', { contestId: 'contest-1', entryId: 'e-1', judgeId: 'j2', points: { c1: 1 } });
    const otherContest = write(judge, 'score', 'e-9~j1', { contestId: 'contest-9', entryId: 'e-9', judgeId: 'j1', points: { c1: 1 } });
    const paperSheet = write(countyPc, 'score', 'e-1~j2', { contestId: 'contest-1', entryId: 'e-1', judgeId: 'j2', points: { c1: 7 } });
    const judgeContest = write(judge, 'contest', 'contest-1', { title: { zh: 'x' } });
    const decisions = await decideWithCast(cast, [
      [countyPc, [contest, paperSheet]],
      [lt03, [entry]],
      [judge, [own, ownAgain, another, otherContest, judgeContest]],
    ]);
    expectAccepted(decisions, contest, own, ownAgain, paperSheet);
    expectRefused(decisions, 'role-not-allowed', entry, judgeContest);
    expectRefused(decisions, 'not-own-score', another, otherContest);
  });
});

describe('PC names', () => {
  it('each PC names only itself, whatever its role', async () => {
    const { viewer, countyPc } = cast;
    const own = write(viewer, 'device', viewer.id, { name: '阅览机' });
    const other = write(countyPc, 'device', viewer.id, { name: 'renamed' });
    const decisions = await decideWithCast(cast, [
      [viewer, [own]],
      [countyPc, [other]],
    ]);
    expectAccepted(decisions, own);
    expectRefused(decisions, 'not-own-device-row', other);
  });
});

describe('tables without a rule', () => {
  it('are refused as no-rule and kept, to be decided again when a rule is registered', async () => {
    const { countyPc } = cast;
    const future = write(countyPc, 'newsItem', 'n1', { title: 'x' });
    expectRefused(await decideWithCast(cast, [[countyPc, [future]]]), 'no-rule', future);
    expect(APP_REGISTRY.rules.rule('__proto__')).toBeUndefined();
    expect(APP_REGISTRY.rules.rule('toString')).toBeUndefined();
  });
});
