import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import { REPORT_STATUSES, roundSchema, type ReportingRound, type StatReport } from '../../../shared/domain/stats';
import { DEFAULT_CHANGE_FLOOR } from '../../../shared/stats/validation';
import { reportId } from '../../../shared/stats/ids';
import { editRefusal } from '../../../shared/stats/workflow';
import {
  figureWrites,
  noteWrites,
  openRoundWrites,
  reviewWrites,
  roundStatusWrites,
  targetWrites,
  templateWrites,
  type ReportTarget,
  type StatsWrites,
} from '../../../shared/stats/writes';
import { writeLocally } from '../../../shared/sync/localWrite';
import { memoryAccess, type MemorySyncStore } from '../../../shared/sync/memoryAccess';
import type { RowIdRules } from '../../../shared/sync/row';
import { liveRows, rowIsComplete } from '../../../shared/sync/validate';
import type { WriteSpec } from '../../../shared/sync/write';
import { T0 } from '../sync/mergeFixtures';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';
import { APP_TABLES } from '../../../shared/app/registry';

const county: Org = { id: 'c', code: 'LT', name: { zh: '共青团轮台县委员会' }, kind: 'county', parentId: null, archived: false };
const township: Org = { id: 't1', code: 'LT-01', name: { zh: '轮台镇团委' }, kind: 'township', parentId: 'c', archived: false };
const branch: Org = { id: 'b1', code: 'LT-01-001', name: { zh: '一支部' }, kind: 'branch', parentId: 't1', archived: false };
const archived: Org = { ...branch, id: 'b2', code: 'LT-01-002', archived: true };
const twoNew: Org = { ...branch, id: 'b3', code: 'LT-01-003', kind: 'twoNew' };
const round: ReportingRound = { id: 'round-1', period: '2026Q1', figures: ['members', 'youth1428'], orgIds: ['b1'], deadline: '2026-04-10', status: 'open' };
const now = new Date('2026-04-01T02:00:00.000Z');

function writes(result: StatsWrites): WriteSpec[] {
  if (!result.ok) throw new Error(result.reason);
  return result.writes;
}

/** Applies writes the way the app's repository does (the same core), as one device. */
async function apply(store: MemorySyncStore, specs: readonly WriteSpec[], at = T0, rowIds?: RowIdRules): Promise<void> {
  if (specs.length === 0) return;
  if (rowIds === undefined) await writeLocally(store, specs, { device: '00000000000000a1', author: 'local-a1' }, at);
  else await store.applyChanges((await writeLocally(memoryAccess({ tables: APP_TABLES }), specs, { device: '00000000000000a1', author: 'local-a1' }, at)).changes, { now: at, rowIds });
}

async function reportIn(store: MemorySyncStore, id = reportId(round.id, branch.id)): Promise<StatReport | undefined> {
  return liveRows<StatReport>(STAT_REPORT_TABLE, (await store.getRows('statReport', [id])).filter((r) => r !== undefined))[0];
}

describe('report writes', () => {
  it('key a report by round and organisation, scope it to the organisation, and create it whole', () => {
    expect(writes(figureWrites({ round, org: branch }, { members: 12 }))).toEqual([
      { table: 'statReport', row: 'round-1:b1', scope: 'LT-01-001', fields: { roundId: 'round-1', orgId: 'b1', period: '2026Q1', status: 'draft', members: 12 } },
    ]);
  });

  it('write only the figures that change on an existing report, and nothing when nothing changes', () => {
    const report: StatReport = { id: 'round-1:b1', roundId: 'round-1', orgId: 'b1', period: '2026Q1', status: 'draft', members: 12, youth1428: 30 };
    expect(writes(figureWrites({ round, org: branch, report }, { members: 12, youth1428: 31 }))).toEqual([
      { table: 'statReport', row: 'round-1:b1', scope: 'LT-01-001', fields: { youth1428: 31 } },
    ]);
    expect(writes(figureWrites({ round, org: branch, report }, { members: 12 }))).toEqual([]);
    // An empty cell is written as null (a change cannot carry "no value").
    expect(writes(figureWrites({ round, org: branch, report }, { members: null }))[0]!.fields).toEqual({ members: null });
  });

  it('are gated by the one editability rule: figures, notes, submission and template rows alike', () => {
    fc.assert(
      fc.property(fc.constantFrom<ReportingRound['status']>('open', 'closed'), fc.constantFrom(undefined, ...REPORT_STATUSES), (roundStatus, status) => {
        const r = { ...round, status: roundStatus };
        const report: StatReport | undefined = status && { id: 'round-1:b1', roundId: 'round-1', orgId: 'b1', period: '2026Q1', status, members: 1 };
        const refusal = editRefusal(r, report);
        const target: ReportTarget = { round: r, org: branch, report };
        const reasonOf = (result: StatsWrites) => (result.ok ? null : result.reason);
        expect(reasonOf(figureWrites(target, { members: 2 }))).toBe(refusal);
        expect(reasonOf(noteWrites(target, 'members', '有说明'))).toBe(refusal);
        const template = templateWrites(r, new Map([[branch.code, { org: branch, report }]]), [{ code: branch.code, values: { members: 2 } }]);
        expect(template).toMatchObject(refusal ? { writes: [], stored: 0, locked: 1 } : { stored: 1, locked: 0 });
        if (refusal) expect(reviewWrites(target, 'submit', { now })).toEqual({ ok: false, reason: refusal });
      }),
    );
  });

  it('let the county approve, return and reopen in a closed round (only editing needs it open)', () => {
    const closed = { ...round, status: 'closed' as const };
    const submitted: StatReport = { id: 'round-1:b1', roundId: 'round-1', orgId: 'b1', period: '2026Q1', status: 'submitted', members: 1 };
    expect(writes(reviewWrites({ round: closed, org: branch, report: submitted }, 'approve', { now }))[0]!.fields).toEqual({ status: 'approved', approvedAt: now.toISOString() });
    expect(reviewWrites({ round: closed, org: branch, report: { ...submitted, status: 'approved' } }, 'reopen', { now })).toEqual({ ok: false, reason: 'comment-required' });
    expect(reviewWrites({ round, org: branch }, 'approve', { now })).toEqual({ ok: false, reason: 'not-submitted' });
  });

  it('go through the core to one complete report, whatever screen wrote them: grid, notes, template, review', async () => {
    const store = memoryAccess({ tables: APP_TABLES });
    let at = T0;
    const step = async (build: (target: ReportTarget) => StatsWrites) => {
      await apply(store, writes(build({ round, org: branch, report: await reportIn(store) })), (at += 1000));
    };
    await step((t) => figureWrites(t, { members: 12 }));
    await step((t) => noteWrites(t, 'members', '新成立的支部'));
    await step((t) => figureWrites(t, { youth1428: 30 }));
    await step((t) => reviewWrites(t, 'submit', { now }));
    await step((t) => reviewWrites(t, 'return', { now, comment: '请核对' }));
    await step((t) => ({ ok: true, writes: templateWrites(round, new Map([[branch.code, { org: branch, report: t.report }]]), [{ code: branch.code, values: { members: 14 } }]).writes }));
    await step((t) => reviewWrites(t, 'submit', { now }));
    await step((t) => reviewWrites(t, 'approve', { now }));
    const rows = await store.allRows('statReport');
    expect(rows.map((r) => r.id)).toEqual(['round-1:b1']);
    expect(rowIsComplete(STAT_REPORT_TABLE, rows[0]!)).toBe(true);
    expect(await reportIn(store)).toMatchObject({ status: 'approved', members: 14, youth1428: 30, notes: { members: '新成立的支部' }, returnComment: '请核对' });
  });

  it('clear a note with blank text, and write nothing for the same note twice', () => {
    const report: StatReport = { id: 'round-1:b1', roundId: 'round-1', orgId: 'b1', period: '2026Q1', status: 'draft', notes: { members: 'x', youth1428: 'y' } };
    expect(writes(noteWrites({ round, org: branch, report }, 'members', '  '))[0]!.fields).toEqual({ notes: { youth1428: 'y' } });
    expect(writes(noteWrites({ round, org: branch, report }, 'members', ' x '))).toEqual([]);
  });
});

describe('a demo report under its old id, written by an upgraded PC', () => {
  // On a PC that has not upgraded, the old id and the new one are two rows.
  const OLD_BUILD: RowIdRules = {};
  const demoRound: ReportingRound = { ...round, id: 'demo-round-2025', period: '2025', status: 'open', orgIds: ['demo-LT-01-013'] };
  const demoBranch: Org = { ...branch, id: 'demo-LT-01-013', code: 'LT-01-013' };
  const loaded: StatReport = { id: 'demo-report-2025-LT-01-013', roundId: 'demo-round-2025', orgId: 'demo-LT-01-013', period: '2025', status: 'approved', members: 23, youth1428: 50, submittedAt: '2026-01-10T03:00:00.000Z' };
  const { id: _id, ...fields } = loaded;
  const demoLoad: WriteSpec = { table: 'statReport', row: loaded.id, scope: 'LT-01-013', fields };

  it('carries, once, the fields the report lacks under its new id, so an old PC holds it whole there', async () => {
    const upgraded = memoryAccess({ tables: APP_TABLES });
    await apply(upgraded, [demoLoad]);
    const report = (await reportIn(upgraded, 'demo-round-2025:demo-LT-01-013'))!;
    expect(report).toMatchObject({ id: 'demo-round-2025:demo-LT-01-013', members: 23 });

    // Nothing written under the new id yet: the reopen carries the rest of the report with it.
    const reopen = writes(reviewWrites({ round: demoRound, org: demoBranch, report, writtenUnderId: new Set() }, 'reopen', { now, comment: '请核对' }));
    expect(reopen).toEqual([
      {
        table: 'statReport',
        row: 'demo-round-2025:demo-LT-01-013',
        scope: 'LT-01-013',
        fields: { ...fields, status: 'returned', returnComment: '请核对', returnedAt: now.toISOString() },
      },
    ]);
    const old = memoryAccess({ tables: APP_TABLES });
    await apply(old, [demoLoad], T0, OLD_BUILD);
    await apply(old, reopen, T0 + 1000, OLD_BUILD);
    const onOld = (await old.getRows('statReport', ['demo-round-2025:demo-LT-01-013']))[0]!;
    expect(rowIsComplete(STAT_REPORT_TABLE, onOld)).toBe(true);
    expect(onOld).toMatchObject({ status: 'returned', members: 23, youth1428: 50 });

    // Once they are there, the next write is only what changes.
    const written = new Set(Object.keys(reopen[0]!.fields));
    expect(writes(figureWrites({ round: demoRound, org: demoBranch, report: { ...report, status: 'returned' }, writtenUnderId: written }, { members: 24 }))[0]!.fields).toEqual({ members: 24 });
  });
});

describe('round and target writes', () => {
  it('are scoped to the county, and refused with no county: never the demo\'s code', () => {
    const draft = { id: 'round-2', period: '2026', figures: ['youth1428', 'members'] as const, deadline: '2027-01-20', changeThreshold: 0.2, bySex: true };
    expect(openRoundWrites(undefined, [branch], { ...draft, figures: [...draft.figures] })).toEqual({ ok: false, reason: 'no-county' });
    expect(roundStatusWrites(undefined, round, 'closed')).toEqual({ ok: false, reason: 'no-county' });
    expect(targetWrites(undefined, 'kind', 'school', 0.3)).toEqual({ ok: false, reason: 'no-county' });

    const [opened] = writes(openRoundWrites(county, [county, township, branch, archived, twoNew], { ...draft, figures: [...draft.figures] }));
    // Every active reporting organisation is asked; figures in their usual order; the split only when asked.
    expect(opened).toEqual({
      table: 'round',
      row: 'round-2',
      scope: 'LT',
      fields: { period: '2026', figures: ['members', 'youth1428'], orgIds: ['b1', 'b3'], deadline: '2027-01-20', status: 'open', changeThreshold: 0.2, bySex: true },
    });
    // The change floor is written only when it is not the default, so a default round stays readable by older builds.
    const orgs = [county, branch];
    expect(writes(openRoundWrites(county, orgs, { ...draft, figures: ['members'], changeFloor: DEFAULT_CHANGE_FLOOR }))[0]!.fields).not.toHaveProperty('changeFloor');
    expect(writes(openRoundWrites(county, orgs, { ...draft, figures: ['members'] }))[0]!.fields).not.toHaveProperty('changeFloor');
    expect(writes(openRoundWrites(county, orgs, { ...draft, figures: ['members'], changeFloor: 0 }))[0]!.fields).toMatchObject({ changeFloor: 0 });
    expect(roundSchema.safeParse({ id: 'r', orgIds: [], ...writes(openRoundWrites(county, orgs, { ...draft, figures: ['members'], changeFloor: 5 }))[0]!.fields }).success).toBe(true);
    expect(writes(roundStatusWrites(county, round, 'closed'))).toEqual([{ table: 'round', row: 'round-1', scope: 'LT', fields: { status: 'closed' } }]);
    expect(writes(roundStatusWrites(county, round, 'open'))).toEqual([]);
    expect(writes(targetWrites(county, 'org', 'b1', null))).toEqual([{ table: 'target', row: 'target:org:b1', scope: 'LT', fields: { appliesTo: 'org', subject: 'b1', maxRatio: null } }]);
  });
});
