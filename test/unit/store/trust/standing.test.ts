import { describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../../shared/trust/revocation';
import { mayWrite, type Standing } from '../../../../shared/trust/standing';
import { loadDemoCounty } from '../../../../renderer/src/store/demo';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { holdTrustRecords } from '../../../../renderer/src/store/trustStore';
import { makeCounty, ISO, T0, DAY, RULES } from '../../trust/trustFixtures';
import { freshDb } from '../fakeDb';
import { certificateFor, countyPcStore } from './trustPcs';

/*
 * This PC's standing (store/standing.ts over shared/trust/standing.ts): read from the pinned home
 * and the records held, judged by the import's own certificate checks, and read again when the
 * records change — a certificate arriving after the PC started enrolls it without a restart.
 */

const NOW = Date.now();
const standingOf = (store: Store): Promise<Standing> => store.standing.standing(NOW);

describe('this PC’s standing', () => {
  it('alone: no county pinned', async () => {
    expect(await standingOf(await openStore(freshDb()))).toEqual({ state: 'alone' });
  });

  it('the demo: a county administrator of the demo county, marked as the demo', async () => {
    const store = await openStore(freshDb());
    await loadDemoCounty(store);
    expect(await standingOf(store)).toMatchObject({ state: 'enrolled', role: 'countyAdmin', scope: 'LT', demo: true });
  });

  it.each([
    { role: 'townshipOfficer' as const, scope: 'LT-03', grants: ['jobs' as const] },
    { role: 'judge' as const, scope: 'LT', grants: [] },
    { role: 'viewer' as const, scope: 'LT', grants: [] },
  ])('enrolled as $role: its role, scope and grants, from its certificate', async ({ role, scope, grants }) => {
    const county = await makeCounty('LT');
    const store = await countyPcStore(county);
    await holdTrustRecords(store.db, [await certificateFor(county, store, { role, scope, grants })]);
    expect(await standingOf(store)).toMatchObject({ state: 'enrolled', county: 'LT', demo: false, role, scope, grants });
  });

  it('not enrolled, then enrolled when its certificate arrives (read again, no restart)', async () => {
    const county = await makeCounty('LT');
    const store = await countyPcStore(county);
    expect(await standingOf(store)).toMatchObject({ state: 'not-enrolled', county: 'LT', reason: 'unknown-device' });
    await holdTrustRecords(store.db, [await certificateFor(county, store, { role: 'townshipOfficer', scope: 'LT-05' })]);
    expect(await standingOf(store)).toMatchObject({ state: 'enrolled', role: 'townshipOfficer', scope: 'LT-05' });
  });

  it('a certificate of another county, or for another key, does not enroll it', async () => {
    const county = await makeCounty('LT');
    const other = await makeCounty('KC');
    const store = await countyPcStore(county);
    const elsewhere = await countyPcStore(other);
    await holdTrustRecords(store.db, [await certificateFor(other, store, { role: 'countyAdmin', scope: 'KC' }), await certificateFor(county, elsewhere, { role: 'countyAdmin', scope: 'LT' })]);
    expect(await standingOf(store)).toMatchObject({ state: 'not-enrolled' });
  });

  it('revoked, expired and not yet valid say so', async () => {
    const county = await makeCounty('LT');
    const revoked = await countyPcStore(county);
    await holdTrustRecords(revoked.db, [
      await certificateFor(county, revoked, { role: 'townshipOfficer', scope: 'LT-03' }),
      await revokeDevice({ device: revoked.device.id, vector: {}, seen: [], cause: 'stolen' }, county.authority, ISO(T0)),
    ]);
    expect(await standingOf(revoked)).toMatchObject({ state: 'revoked', reason: 'revoked' });

    const expired = await countyPcStore(county);
    await holdTrustRecords(expired.db, [await certificateFor(county, expired, { role: 'townshipOfficer', scope: 'LT-03', validFrom: ISO(T0 - DAY), validTo: ISO(T0) })]);
    expect(await standingOf(expired)).toMatchObject({ state: 'expired' });

    const early = await countyPcStore(county);
    await holdTrustRecords(early.db, [await certificateFor(county, early, { role: 'townshipOfficer', scope: 'LT-03', validFrom: ISO(NOW + 30 * DAY), validTo: ISO(NOW + 60 * DAY) })]);
    expect(await standingOf(early)).toMatchObject({ state: 'not-yet-valid' });
  });
});

describe('mayWrite: the UI asks the rules the gate runs', () => {
  const orgs: Record<string, Record<string, unknown>> = { 'org-LT-03': { code: 'LT-03' }, 'org-LT-05': { code: 'LT-05' }, 'org-LT': { code: 'LT', parentId: null } };
  const row = (table: string, id: string) => (table === 'org' ? orgs[id] : undefined);
  const ask = (standing: Standing, fields: Record<string, unknown>, before: Record<string, unknown>) => mayWrite(standing, RULES, { table: 'statReport', row: 'r', fields, before }, 'd', row)?.reason;

  async function township(): Promise<Standing> {
    const county = await makeCounty('LT');
    const store = await countyPcStore(county);
    await holdTrustRecords(store.db, [await certificateFor(county, store, { role: 'townshipOfficer', scope: 'LT-03' })]);
    return standingOf(store);
  }

  it('a township officer: its own figures yes; approve, another township, an approved report no', async () => {
    const standing = await township();
    expect(ask(standing, { members: 1 }, { orgId: 'org-LT-03', status: 'draft' })).toBeUndefined();
    expect(ask(standing, { status: 'approved' }, { orgId: 'org-LT-03', status: 'submitted' })).toBe('status-not-allowed');
    expect(ask(standing, { members: 1 }, { orgId: 'org-LT-05', status: 'draft' })).toBe('outside-scope');
    expect(ask(standing, { members: 1 }, { orgId: 'org-LT-03', status: 'approved' })).toBe('report-locked');
    expect(mayWrite(standing, RULES, { table: 'round', fields: { status: 'open' } }, 'd', row)?.reason).toBe('role-not-allowed');
  });

  it('alone and not enrolled: everything; revoked: nothing', () => {
    expect(ask({ state: 'alone' }, { status: 'approved' }, { orgId: 'org-LT-05' })).toBeUndefined();
    expect(ask({ state: 'not-enrolled', county: 'LT', demo: false, reason: 'unknown-device' }, { status: 'approved' }, { orgId: 'org-LT-05' })).toBeUndefined();
    expect(ask({ state: 'revoked', county: 'LT', demo: false, reason: 'revoked' }, { members: 1 }, { orgId: 'org-LT-03' })).toBe('revoked');
  });
});
