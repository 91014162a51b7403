/**
 * Issue 14's hub attacks, pushed through a hub and pulled by the county PC (stores in
 * fake-indexeddb, enforcing trust). The fake hub takes every document, as a hub does for an account
 * made the old way (`--name/--scope`, held only to the change's own `scope` field) or for what
 * validate_doc_update cannot see: the pulling PC decides each change exactly as a USB import does,
 * refuses what its writer's certificate does not allow, keeps it aside with its reason, and applies
 * everything else in the same pull.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { canonicalState } from '../../../../shared/sync/canonical';
import type { Change } from '../../../../shared/sync/change';
import { syncWithHub } from '../../../../shared/sync/hub/client';
import { TRUST_ID_PREFIX } from '../../../../shared/sync/hub/design';
import { ROUND_TABLE, STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import { ORG_TABLE } from '../../../../shared/orgs/tables';
import { dexieHubLocal, HUB_STATE_KEY } from '../../../../renderer/src/store/hubStore';
import type { Store } from '../../../../renderer/src/store/store';
import { holdTrustRecords, refusedTable, type RefusedEntry } from '../../../../renderer/src/store/trustStore';
import { makeCounty, type County } from '../../trust/trustFixtures';
import { readAll, withAccess } from '../fakeDb';
import { FakeHub } from '../../hub/fakeHub';
import { certificateFor, countyPcStore, enrolledPc, fullFile, hubSync, importFiles, pastTheGate, report, ROUND, writeSmallCounty, type TownshipWorld } from './trustPcs';

vi.setConfig({ testTimeout: 120_000 });

const refusedHeld = (store: Store): Promise<RefusedEntry[]> => readAll(store.db, (tx) => refusedTable(tx).toArray());
const reportRow = (store: Store, code: string) => store.db.rows(STAT_REPORT_TABLE).get(report(code));

/** The county PC writes the county and pushes it; two enrolled township PCs pull it. Nothing by USB. */
async function world(): Promise<TownshipWorld & { hub: FakeHub }> {
  const county = await makeCounty('LT');
  const hub = new FakeHub();
  const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
  await writeSmallCounty(countyPc);
  await hubSync(hub, countyPc, 'LT');
  const { store: lt03 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-03' });
  const { store: lt05 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-05' });
  await hubSync(hub, lt03, 'LT-03');
  await hubSync(hub, lt05, 'LT-05');
  return { county, hub, countyPc, lt03, lt05 };
}

describe('hub attacks, refused by the county PC that pulls them', () => {
  it('a township device writes another township’s report, reopens the county’s round, renames the county and approves its own report: each refused with its reason and kept aside; its honest submission in the same pull is applied', async () => {
    const { hub, countyPc, lt03 } = await world();
    // The county closes the round; the township pulls that before it tries to reopen it.
    await countyPc.repo.write([{ table: 'round', row: ROUND, scope: 'LT', fields: { status: 'closed' } }]);
    await hubSync(hub, countyPc, 'LT');
    await hubSync(hub, lt03, 'LT-03');

    const honest = await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 33, status: 'submitted' } }]);
    const attacks = await pastTheGate(lt03, [
      { table: 'statReport', row: report('LT-05'), scope: 'LT-03', fields: { members: 1 } },
      { table: 'round', row: ROUND, scope: 'LT-03', fields: { status: 'open' } },
      { table: 'org', row: 'org-LT', scope: 'LT-03', fields: { name: { zh: '伪造县委' } } },
    ]);
    const approval = await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { status: 'approved' } }]);
    const pushed = await hubSync(hub, lt03, 'LT-03');
    expect(pushed.pushed).toBe(honest.length + attacks.length + approval.length);

    const pulled = await hubSync(hub, countyPc, 'LT');
    expect(pulled.pulled).toMatchObject({ applied: honest.length, refused: 4 });
    const kept = await refusedHeld(countyPc);
    const byRow = Object.fromEntries(kept.map((e: RefusedEntry) => [`${e.change.table}:${e.change.row}:${Object.keys(e.change.fields).join(',')}`, e.reason]));
    expect(byRow).toEqual({
      [`statReport:${report('LT-05')}:members`]: 'outside-scope',
      [`round:${ROUND}:status`]: 'role-not-allowed',
      'org:org-LT:name': 'role-not-allowed',
      [`statReport:${report('LT-03')}:status`]: 'status-not-allowed',
    });
    expect(kept.every((e) => e.device === lt03.identity.device)).toBe(true);
    // Nothing of the attacks reached a row; the honest submission did.
    expect(await reportRow(countyPc, 'LT-03')).toMatchObject({ members: 33, status: 'submitted' });
    expect(await reportRow(countyPc, 'LT-05')).toMatchObject({ members: 10, status: 'draft' });
    expect(await countyPc.db.rows(ROUND_TABLE).get(ROUND)).toMatchObject({ status: 'closed' });
    expect(await countyPc.db.rows(ORG_TABLE).get('org-LT')).toMatchObject({ name: { zh: '团县委' } });
    // The checkpoint moved past the refused changes: the next pull reads nothing again.
    expect(((await countyPc.db.meta.get(HUB_STATE_KEY))?.value as { checkpoint: string }).checkpoint).toBe(String(hub.seq));
    const again = await hubSync(hub, countyPc, 'LT');
    expect(again.pulled).toMatchObject({ applied: 0, refused: 0 });
    expect(await refusedHeld(countyPc)).toHaveLength(4);
  });

  it('a change claiming the county PC’s device id, posted straight to the hub, is refused by another PC (no seal lists it)', async () => {
    const { hub, countyPc, lt05 } = await world();
    const stamp = `${new Date(Date.now() + 60_000).toISOString()}-0000-${countyPc.identity.device}`;
    const forged: Change = { id: stamp, hlc: stamp, device: countyPc.identity.device, author: 'county', table: 'statReport', row: report('LT-05'), fields: { status: 'approved' }, base: {}, scope: 'LT-05', schema: 1 } as Change;
    hub.put({ ...forged, _id: forged.id });
    const pulled = await hubSync(hub, lt05, 'LT-05');
    expect(pulled.pulled.refused).toBe(1);
    expect((await refusedHeld(lt05)).map((e) => e.reason)).toEqual(['no-seal']);
    expect(await reportRow(lt05, 'LT-05')).toMatchObject({ status: 'draft' });
  });

  it('a trust document whose id is not its record’s is left out and counted; the records pushed with changes are one document each, however many PCs push them', async () => {
    const { hub, countyPc, lt03, lt05 } = await world();
    const trustDocs = () => [...hub.docs.keys()].filter((id) => id.startsWith(TRUST_ID_PREFIX));
    const before = trustDocs().length;
    // Every PC pushed every certificate it holds; each is one document.
    const ids = trustDocs();
    expect(new Set(ids).size).toBe(ids.length);
    const squat = `${'0'.repeat(63)}1`;
    hub.put({ _id: `${TRUST_ID_PREFIX}${squat}`, kind: 'trust', id: squat, record: { format: 'league-desk-certificate', device: lt03.identity.device, role: 'countyAdmin' } });
    const pulled = await hubSync(hub, countyPc, 'LT');
    expect(pulled.pulled.rejected).toBe(1);
    await hubSync(hub, lt05, 'LT-05');
    expect(trustDocs().length).toBe(before + 1);
  });
});

describe('certificates and changes in either order', () => {
  it('changes pulled before their writer’s certificate are kept aside (unknown-device), and a later pull carrying only the certificate lets them in', async () => {
    const { county, hub, countyPc, lt05 } = await world();
    // LT-03's PC works before its certificate reaches it; the county holds the certificate it issued.
    const lt03 = await countyPcStore(county);
    const certificate = await certificateFor(county, lt03, { role: 'townshipOfficer', scope: 'LT-03' });
    await hubSync(hub, lt03, 'LT-03');
    const written = await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 55, status: 'submitted' } }]);
    await hubSync(hub, lt03, 'LT-03');

    const first = await hubSync(hub, lt05, 'LT-05');
    expect(first.pulled).toMatchObject({ applied: 0, refused: written.length });
    expect((await refusedHeld(lt05)).map((e) => e.reason)).toEqual(written.map(() => 'unknown-device'));
    expect(await reportRow(lt05, 'LT-03')).toMatchObject({ members: 10 });

    // The county PC pushes the certificate with no change of its own to send.
    await holdTrustRecords(countyPc.db, [certificate]);
    const countySync = await hubSync(hub, countyPc, 'LT');
    expect(countySync.pushed).toBe(0);
    const second = await hubSync(hub, lt05, 'LT-05');
    expect(second.pulled).toMatchObject({ applied: written.length, refused: 0 });
    expect(await refusedHeld(lt05)).toEqual([]);
    expect(await reportRow(lt05, 'LT-03')).toMatchObject({ members: 55, status: 'submitted' });
  });
});

describe('the same changes and certificates by hub or by USB', () => {
  /**
   * One county's work, once: the county PC closes the round; LT-03 submits and tries the attacks;
   * a second LT-05 PC works before its certificate reaches it (the county PC holds it). Every PC pushes, so the
   * hub holds every change and trust record; every PC also writes a full file.
   */
  async function county(): Promise<{ county: County; docs: Record<string, unknown>[]; files: Awaited<ReturnType<typeof fullFile>>[] }> {
    const { county: c, hub, countyPc, lt03 } = await world();
    await countyPc.repo.write([{ table: 'round', row: ROUND, scope: 'LT', fields: { status: 'closed' } }]);
    await hubSync(hub, countyPc, 'LT');
    await hubSync(hub, lt03, 'LT-03');
    await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 33, status: 'submitted' } }]);
    await pastTheGate(lt03, [
      { table: 'statReport', row: report('LT-05'), scope: 'LT-03', fields: { members: 1 } },
      { table: 'round', row: ROUND, scope: 'LT-03', fields: { status: 'open' } },
    ]);
    await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { status: 'approved' } }]);
    const lt07 = await countyPcStore(c);
    await hubSync(hub, lt07, 'LT-07');
    await lt07.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 21 } }]);
    await holdTrustRecords(countyPc.db, [await certificateFor(c, lt07, { role: 'townshipOfficer', scope: 'LT-05' })]);
    for (const [store, scope] of [[lt03, 'LT-03'], [lt07, 'LT-05'], [countyPc, 'LT']] as const) await hubSync(hub, store, scope);
    const docs = [...hub.docs.values()].map((d) => d.doc).filter((d) => !String(d['_id']).startsWith('_design/'));
    return { county: c, docs, files: [await fullFile(lt03), await fullFile(lt07), await fullFile(countyPc)] };
  }

  async function outcome(store: Store): Promise<{ state: string; refused: string[] }> {
    return { state: await withAccess(store.db, 'r', canonicalState), refused: (await refusedHeld(store)).map((e) => `${e.hash} ${e.reason}`).sort() };
  }

  it('pulled from hubs holding the documents in any order, in pages of any size, a PC ends with the same rows and the same refused changes as by importing the files', async () => {
    const { county: c, docs, files } = await county();
    const byUsb = await countyPcStore(c);
    for (const file of files) await importFiles(byUsb, file);
    const expected = await outcome(byUsb);
    expect(expected.refused).toHaveLength(3);
    expect(await reportRow(byUsb, 'LT-05')).toMatchObject({ members: 21 });
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), fc.integer({ min: 1, max: docs.length }), fc.integer({ min: 0, max: docs.length }), async (order, pageSize, split) => {
        // Documents reach the hub in this order; the PC pulls once part of them are there, then the rest.
        const hub = new FakeHub();
        const pc = await countyPcStore(c);
        for (const doc of order.slice(0, split)) hub.put(doc);
        await syncWithHub(hub.transport, dexieHubLocal(pc.db, { device: pc.identity.device, scope: 'LT' }, { sealing: pc.device }), { hub: 'h', pullLimit: pageSize });
        for (const doc of order.slice(split)) hub.put(doc);
        await syncWithHub(hub.transport, dexieHubLocal(pc.db, { device: pc.identity.device, scope: 'LT' }, { sealing: pc.device }), { hub: 'h', pullLimit: pageSize });
        expect(await outcome(pc)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });
});
