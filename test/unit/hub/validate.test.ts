/**
 * The hub's validate_doc_update (shared/sync/hub/design.ts) as a specification: the function text
 * setup writes, run as the hub runs it, against each document a hostile device account could post.
 * An account issued from a certificate writes only its own PC's changes, only the tables its role
 * may write, never a status its role may not give, and organisation rows only inside its scope —
 * whatever the change's own `scope` field says. (The real hub runs the same text:
 * test/unit/hub/certified.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import { APP_HUB_POLICY } from '../../../shared/app/hub';
import { REPORT_STATUSES } from '../../../shared/domain/stats';
import { designDoc, deviceRole, leagueRole, memberRole, roleKey, scopeRole, validateDocUpdate } from '../../../shared/sync/hub/design';
import { hubPolicy } from '../../../shared/trust/hubPolicy';
import { ROLES } from '../../../shared/trust/certificate';

type Validate = (newDoc: object, oldDoc: object | null, userCtx: { roles: string[] }, secObj: object) => void;
const VALIDATE_DOC_UPDATE = designDoc(APP_HUB_POLICY).validate_doc_update;
const validate = new Function(`return ${VALIDATE_DOC_UPDATE}`)() as Validate;

const DB = 'league-lt';
const account = (device: string, role: string, scope: string) => ({ roles: [memberRole(DB), scopeRole(scope), deviceRole(device), leagueRole(role)] });
const TOWN02 = account('0000000000000a02', 'townshipOfficer', 'LT-02');
const COUNTY = account('00000000000000c0', 'countyAdmin', 'LT');
const JUDGE = account('00000000000000d1', 'judge', 'LT');
const VIEWER = account('00000000000000e1', 'viewer', 'LT');
const JOBS02 = account('0000000000000b02', roleKey('townshipOfficer', ['jobs']), 'LT-02');
const LEGACY = { roles: [memberRole(DB), scopeRole('LT-02')] };

let counter = 0;
function change(device: string, table: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  counter += 1;
  const id = `0000000001${String(counter).padStart(3, '0')}-0000-${device}`;
  return { _id: id, id, hlc: id, device, author: 'clerk', table, row: `row-${counter}`, fields, base: {}, scope: 'LT-02', schema: 1, ...extra };
}

/** The reason the hub refuses, or 'ok'. */
function verdict(doc: object, who: { roles: string[] }, old: object | null = null): string {
  try {
    validate(doc, old, who, {});
    return 'ok';
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? String(error);
  }
}

describe('an account made from a township officer’s certificate', () => {
  const own = '0000000000000a02';
  it('writes its own figures and submission, whatever scope the change claims', () => {
    expect(verdict(change(own, 'statReport', { members: 33, status: 'submitted' }), TOWN02)).toBe('ok');
    expect(verdict(change(own, 'statReport', { members: 33 }, { scope: 'LT' }), TOWN02)).toBe('ok');
    expect(verdict(change(own, 'device', { name: 'LT-02 PC' }), TOWN02)).toBe('ok');
  });

  it('cannot approve or return (its own report or any): status-not-allowed', () => {
    expect(verdict(change(own, 'statReport', { status: 'approved' }), TOWN02)).toBe('status-not-allowed');
    expect(verdict(change(own, 'statReport', { status: 'returned' }), TOWN02)).toBe('status-not-allowed');
  });

  it('cannot post a change another PC wrote (a forged or relayed device id): not-own-device', () => {
    expect(verdict(change('00000000000000c0', 'statReport', { members: 1 }), TOWN02)).toBe('not-own-device');
    expect(verdict(change('0000000000000a05', 'statReport', { members: 1 }), TOWN02)).toBe('not-own-device');
  });

  it('cannot reopen the county’s round, set targets, or rename the county: role-not-allowed', () => {
    for (const table of ['round', 'target', 'org', 'contest', 'entry', 'score', 'notice', 'placement']) {
      expect(verdict(change(own, table, { status: 'open' }, { scope: 'LT' }), TOWN02), table).toBe('role-not-allowed');
    }
    expect(verdict(change(own, 'unknown-table', {}), TOWN02)).toBe('role-not-allowed');
  });

  it('with the jobs grant, writes notices and placements', () => {
    expect(verdict(change('0000000000000b02', 'notice', { title: 'x' }), JOBS02)).toBe('ok');
    expect(verdict(change('0000000000000b02', 'placement', { name: 'x' }), JOBS02)).toBe('ok');
  });
});

describe('other roles and accounts', () => {
  it('the county administrator writes organisations in its county, not in another (outside-scope)', () => {
    expect(verdict(change('00000000000000c0', 'org', { code: 'LT-14', name: { zh: '新' } }), COUNTY)).toBe('ok');
    expect(verdict(change('00000000000000c0', 'org', { code: 'KC', kind: 'county', parentId: null }), COUNTY)).toBe('outside-scope');
    expect(verdict(change('00000000000000c0', 'statReport', { status: 'approved' }), COUNTY)).toBe('ok');
    expect(verdict(change('00000000000000c0', 'round', { status: 'open' }), COUNTY)).toBe('ok');
  });

  it('a judge writes scores only; a viewer only its own PC name', () => {
    expect(verdict(change('00000000000000d1', 'score', { score: 9 }), JUDGE)).toBe('ok');
    expect(verdict(change('00000000000000d1', 'statReport', { members: 1 }), JUDGE)).toBe('role-not-allowed');
    expect(verdict(change('00000000000000e1', 'device', { name: 'viewer' }), VIEWER)).toBe('ok');
    expect(verdict(change('00000000000000e1', 'org', { code: 'LT-02' }), VIEWER)).toBe('role-not-allowed');
  });

  it('an account made before certificates is held to the change’s scope field, as before', () => {
    expect(verdict(change('0000000000000a99', 'statReport', { status: 'approved' }), LEGACY)).toBe('ok');
    expect(verdict(change('0000000000000a99', 'round', {}, { scope: 'LT' }), LEGACY)).toBe('outside-scope');
  });

  it('every account: change documents are immutable, design documents the admin’s', () => {
    const doc = change('0000000000000a02', 'statReport', { members: 3 });
    expect(verdict(doc, TOWN02, doc)).toBe('immutable');
    expect(verdict({ _id: '_design/league', validate_doc_update: 'function(){}' }, COUNTY)).toBe('design-admin-only');
    expect(verdict({ ...doc, _id: 'other' }, TOWN02)).toBe('id-mismatch');
    expect(verdict({ _id: 'blob:abc', kind: 'blob', hash: 'abc', scope: 'LT-05' }, TOWN02)).toBe('outside-scope');
    expect(verdict({ _id: 'blob:abc', kind: 'blob', hash: 'abc', scope: 'LT-02' }, TOWN02)).toBe('ok');
  });
});

describe('trust documents (certificates, successions, revocations, seals)', () => {
  const id = 'ab'.repeat(32);
  const trust = (extra: Record<string, unknown> = {}) => ({ _id: `trust:${id}`, kind: 'trust', id, record: { format: 'league-desk-seal', device: '0000000000000a05' }, ...extra });

  it('are taken from any member account, certificate-made or old, whatever device the record names: the pulling PC checks signatures', () => {
    for (const who of [TOWN02, COUNTY, JUDGE, VIEWER, LEGACY]) expect(verdict(trust(), who)).toBe('ok');
  });

  it('only if well-formed: named by their record id, a record with a format, nothing else; and immutable like changes', () => {
    expect(verdict(trust({ _id: `trust:${'cd'.repeat(32)}` }), TOWN02)).toBe('id-mismatch');
    expect(verdict(trust({ id: 'not-a-hash', _id: 'trust:not-a-hash' }), TOWN02)).toBe('not-a-trust-record');
    expect(verdict(trust({ record: 'text' }), TOWN02)).toBe('not-a-trust-record');
    expect(verdict(trust({ record: [] }), TOWN02)).toBe('not-a-trust-record');
    expect(verdict(trust({ record: { device: 'x' } }), TOWN02)).toBe('not-a-trust-record');
    expect(verdict(trust({ table: 'statReport', fields: { status: 'approved' } }), TOWN02)).toBe('not-a-trust-record');
    expect(verdict(trust({ _attachments: { data: { data: 'AAAA' } } }), TOWN02)).toBe('attachment-unexpected');
    expect(verdict(trust(), TOWN02, trust())).toBe('immutable');
    expect(verdict(trust({ record: { format: 'x', pad: 'x'.repeat(1024 * 1024) } }), TOWN02)).toBe('too-large');
  });
});

describe('the policy is the trust rules’ own', () => {
  it('lists, per table, exactly the roles whose rule lets them write it, and the statuses a township may not give', () => {
    const policy = hubPolicy(APP_REGISTRY.tables.names, APP_REGISTRY.rules, REPORT_STATUSES, 'org');
    expect(policy).toEqual(APP_HUB_POLICY);
    expect(policy.tables['round']).toEqual(['countyAdmin', 'countyAdmin+jobs']);
    expect(policy.tables['statReport']).toEqual(expect.arrayContaining(['countyAdmin', 'townshipOfficer']));
    expect(policy.tables['statReport']).not.toContain('judge');
    expect(policy.statuses['statReport']?.['townshipOfficer']).toEqual(['approved', 'returned']);
    expect(Object.keys(policy.tables).sort()).toEqual([...APP_REGISTRY.tables.names].sort());
    for (const keys of Object.values(policy.tables)) for (const key of keys) expect(ROLES).toContain(key.split('+')[0]);
    expect(validateDocUpdate(policy)).toBe(VALIDATE_DOC_UPDATE);
  });
});
