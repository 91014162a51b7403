import { beforeEach, describe, expect, it } from 'vitest';
import { TrustLedger } from '../../../shared/trust/ledger';
import { prepareMaterial, type TrustMaterial } from '../../../shared/trust/material';
import { changeHash, makeCast, newReport, ORG, revoke, RULES, seal, write, type Cast } from './trustFixtures';

let cast: Cast;
let ledger: TrustLedger;
beforeEach(async () => {
  cast = await makeCast();
  ledger = new TrustLedger(cast.county.home, RULES);
});

const receive = async (material: TrustMaterial) => ledger.add(await prepareMaterial(material));
const statusOf = (change: { id: string } & Parameters<typeof changeHash>[0]) => {
  const decision = ledger.decision(changeHash(change));
  return decision?.status === 'refused' ? decision.reason : decision?.status;
};
const report03 = `round-2026:${ORG.lt03}`;

describe('the trust ledger', () => {
  it('keeps a change whose certificate has not arrived, and accepts it when it does', async () => {
    const { lt03 } = cast;
    const figures = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }));
    await receive({ changes: [...cast.tree, figures], seals: [cast.treeSeal, await seal(lt03, [figures])] });
    expect(statusOf(figures)).toBe('unknown-device');
    const changed = await receive({ certificates: cast.certificates });
    expect(statusOf(figures)).toBe('accepted');
    expect(changed.map((c) => [c.id, c.before?.status, c.after.status])).toContainEqual([figures.id, 'refused', 'accepted']);
  });

  it('refuses what a PC wrote after its frontier when the revocation comes after the changes', async () => {
    const { lt03 } = cast;
    const seen = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }));
    const seenSeal = await seal(lt03, [seen]);
    const later = write(lt03, 'statReport', report03, { members: 900 });
    await receive({ certificates: cast.certificates, changes: [...cast.tree, seen, later], seals: [cast.treeSeal, seenSeal, await seal(lt03, [later])] });
    expect([statusOf(seen), statusOf(later)]).toEqual(['accepted', 'accepted']);
    const changed = await receive({ revocations: [await revoke(cast.county, lt03, seen.hlc, [seenSeal])] });
    expect([statusOf(seen), statusOf(later)]).toEqual(['accepted', 'revoked']);
    expect(changed.map((c) => c.id)).toEqual([later.id]);
  });

  it('decides again what follows an earlier change that arrives late: an approval locks the edit made after it', async () => {
    const { lt03, countyPc } = cast;
    const create = write(lt03, 'statReport', report03, newReport(ORG.lt03, { status: 'submitted' }));
    const approve = write(countyPc, 'statReport', report03, { status: 'approved' }, { at: lt03.wall + 1000 });
    const edit = write(lt03, 'statReport', report03, { members: 1 }, { at: countyPc.wall + 1000 });
    await receive({ certificates: cast.certificates, changes: [...cast.tree, create, edit], seals: [cast.treeSeal, await seal(lt03, [create, edit])] });
    expect(statusOf(edit)).toBe('accepted');
    await receive({ changes: [approve], seals: [await seal(countyPc, [approve])] });
    expect([statusOf(approve), statusOf(edit)]).toEqual(['accepted', 'report-locked']);
  });

  it('refuses both when a signed change arrives with the id of the last accepted one, and takes its effect back out', async () => {
    const { lt03, countyPc } = cast;
    const create = write(lt03, 'statReport', report03, newReport(ORG.lt03, { status: 'submitted' }));
    const approve = write(countyPc, 'statReport', report03, { status: 'approved' }, { at: lt03.wall + 1000 });
    await receive({ certificates: cast.certificates, changes: [...cast.tree, create, approve], seals: [cast.treeSeal, await seal(lt03, [create]), await seal(countyPc, [approve])] });
    expect(statusOf(approve)).toBe('accepted');
    // The county PC (restored from an old backup, say) signs other content under the same stamp.
    const twin = { ...approve, fields: { status: 'approved', approvedAt: '2026-03-01T00:00:00.000Z' } };
    const edit = write(lt03, 'statReport', report03, { members: 3 }, { at: countyPc.wall + 1000 });
    await receive({ changes: [twin, edit], seals: [await seal(countyPc, [twin]), await seal(lt03, [edit])] });
    expect([statusOf(approve), statusOf(twin)]).toEqual(['conflicting-id', 'conflicting-id']);
    // With neither approval standing, the report is not locked.
    expect(statusOf(edit)).toBe('accepted');
  });

  it('changes nothing when the same material arrives again', async () => {
    const material = { certificates: cast.certificates, changes: cast.tree, seals: [cast.treeSeal] };
    expect((await receive(material)).length).toBe(cast.tree.length);
    expect(await receive(material)).toEqual([]);
  });
});
