import { describe, expect, it } from 'vitest';
import { verifyChanges } from '../../../shared/trust/authenticity';
import { fromBase64Url, toBase64Url } from '../../../shared/trust/encoding';
import { prepareMaterial } from '../../../shared/trust/material';
import { changeHash, sealChanges } from '../../../shared/trust/seal';
import { recordId, signRecord } from '../../../shared/trust/signed';
import { sealIndex, verifyChange } from '../../../shared/trust/verify';
import { certify, makeCounty, makePc, seal, write } from './trustFixtures';

const report = (n: number) => ({ roundId: 'r1', orgId: 'o3', period: '2026', status: 'draft', members: n });

async function verifyAll(material: Parameters<typeof prepareMaterial>[0]) {
  const prepared = await prepareMaterial(material);
  const index = sealIndex(prepared.seals);
  return new Map(prepared.changes.map((c) => [c.change.id, verifyChange(c, index)]));
}

describe('seals', () => {
  it('one signature vouches for every change written together, by hash, in stamp order', async () => {
    const pc = await makePc('0000000000000a03');
    const changes = [write(pc, 'statReport', 'r1:o3', report(1)), write(pc, 'statReport', 'r1:o4', report(2))];
    const made = await seal(pc, [changes[1]!, changes[0]!]);
    expect(made).toMatchObject({ format: 'league-desk-seal', device: pc.id, first: changes[0]!.hlc, last: changes[1]!.hlc });
    expect(made.hashes).toEqual(changes.map(changeHash));
    const verified = await verifyAll({ changes, seals: [made] });
    for (const change of changes) expect(verified.get(change.id)).toMatchObject({ ok: true, seals: [recordId(made)], keys: [pc.keys.publicKey] });
  });

  it('a change relayed alone, or regrouped with others’ changes, still verifies by its own seal', async () => {
    const a = await makePc('0000000000000a03');
    const b = await makePc('0000000000000b05');
    const fromA = [write(a, 'statReport', 'x', report(1)), write(a, 'statReport', 'y', report(2)), write(a, 'statReport', 'z', report(3))];
    const fromB = [write(b, 'statReport', 'w', report(4))];
    const seals = [await seal(a, fromA), await seal(b, fromB)];
    // A third PC forwards only the middle change of A's batch, beside B's, in another order.
    const verified = await verifyAll({ changes: [fromB[0]!, fromA[1]!], seals: [...seals].reverse() });
    expect([...verified.values()].every((v) => v.ok)).toBe(true);
  });

  it('a change nobody sealed is no-seal', async () => {
    const pc = await makePc('0000000000000a03');
    const change = write(pc, 'statReport', 'x', report(1));
    expect((await verifyAll({ changes: [change] })).get(change.id)).toEqual({ ok: false, reason: 'no-seal' });
  });

  it('a change altered after sealing is hash-not-sealed: its seal spans its stamp but lists other bytes', async () => {
    const pc = await makePc('0000000000000a03');
    const change = write(pc, 'statReport', 'x', report(33));
    const made = await seal(pc, [change]);
    const altered = { ...change, fields: { ...change.fields, members: 1 } };
    expect((await verifyAll({ changes: [altered], seals: [made] })).get(change.id)).toEqual({ ok: false, reason: 'hash-not-sealed' });
  });

  it('a seal whose signature does not hold vouches for nothing: bad-signature', async () => {
    const pc = await makePc('0000000000000a03');
    const change = write(pc, 'statReport', 'x', report(1));
    const made = await seal(pc, [change]);
    const sig = fromBase64Url(made.signature)!;
    sig[0]! ^= 1;
    expect((await verifyAll({ changes: [change], seals: [{ ...made, signature: toBase64Url(sig) }] })).get(change.id)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('a change naming one PC but sealed by another is sealed-by-other-device', async () => {
    const county = await makePc('00000000000000c0');
    const township = await makePc('0000000000000a03');
    const posing = write(county, 'statReport', 'x', report(1));
    // sealChanges will not seal another PC's change; a forger writes the seal by hand.
    await expect(sealChanges([posing], { id: township.id, keys: township.keys })).rejects.toThrow(RangeError);
    const own = write(township, 'statReport', 'y', report(2));
    const forged = await signRecord({ format: 'league-desk-seal', version: 1, device: township.id, first: own.hlc, last: own.hlc, hashes: [changeHash(posing)] }, township.keys);
    expect((await verifyAll({ changes: [posing], seals: [forged] })).get(posing.id)).toEqual({ ok: false, reason: 'sealed-by-other-device' });
  });
});

describe('authenticity (verifyChanges)', () => {
  it('says, per change, the certificate it is written under or why not', async () => {
    const county = await makeCounty();
    const enrolled = await makePc('0000000000000a03');
    const stranger = await makePc('0000000000000e01');
    const certificate = await certify(county, enrolled, { role: 'townshipOfficer', scope: 'LT-03' });
    const mine = write(enrolled, 'statReport', 'x', report(1));
    const theirs = write(stranger, 'statReport', 'y', report(2));
    const result = await verifyChanges(county.home, {
      changes: [mine, theirs],
      seals: [await seal(enrolled, [mine]), await seal(stranger, [theirs])],
      certificates: [certificate],
    });
    expect(result.find((r) => r.id === mine.id)?.result).toEqual({ ok: true, certificate });
    expect(result.find((r) => r.id === theirs.id)?.result).toEqual({ ok: false, reason: 'unknown-device' });
  });
});
