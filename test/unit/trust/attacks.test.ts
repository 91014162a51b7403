/**
 * The attacks of issue 14, each as a file (a batch of changes, seals and certificates) that one
 * adversary could hand the county: each attack is refused with its reason code, and nothing honest
 * in the same file is lost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { trustView } from '../../../shared/trust/chain';
import { demoCounty } from '../../../shared/trust/demo';
import { fromBase64Url, toBase64Url } from '../../../shared/trust/encoding';
import { prepareMaterial } from '../../../shared/trust/material';
import { changeHash } from '../../../shared/trust/seal';
import { recordId, signRecord } from '../../../shared/trust/signed';
import {
  certify,
  decide,
  decideWithCast,
  expectAccepted,
  expectRefused,
  makeCast,
  makeCounty,
  makePc,
  newReport,
  ORG,
  revoke,
  seal,
  write,
  type Cast,
} from './trustFixtures';

let cast: Cast;
beforeEach(async () => {
  cast = await makeCast();
});

const report03 = `round-2026:${ORG.lt03}`;
const report05 = `round-2026:${ORG.lt05}`;

describe('a township file', () => {
  it('that approves its own report: the approval is refused, its figures and submission are kept', async () => {
    const { lt03 } = cast;
    const figures = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 33, youth1428: 60 }));
    const submit = write(lt03, 'statReport', report03, { status: 'submitted', submittedAt: '2026-03-01T00:02:00.000Z' });
    const approve = write(lt03, 'statReport', report03, { status: 'approved', approvedAt: '2026-03-01T00:03:00.000Z' });
    const decisions = await decideWithCast(cast, [[lt03, [figures, submit, approve]]]);
    expectAccepted(decisions, figures, submit);
    expectRefused(decisions, 'status-not-allowed', approve);
  });

  it('that edits another township’s approved figures, with a base set to the held stamp: refused as outside its scope', async () => {
    const { lt03, lt05, countyPc } = cast;
    const theirs = write(lt05, 'statReport', report05, newReport(ORG.lt05, { members: 33, status: 'submitted' }));
    const approved = write(countyPc, 'statReport', report05, { status: 'approved' }, { at: lt05.wall + 1000 });
    const own = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }), { at: countyPc.wall + 1000 });
    const forged = write(lt03, 'statReport', report05, { members: 1 }, { base: { members: theirs.hlc } });
    const decisions = await decideWithCast(cast, [
      [lt05, [theirs]],
      [countyPc, [approved]],
      [lt03, [own, forged]],
    ]);
    expectAccepted(decisions, theirs, approved, own);
    expectRefused(decisions, 'outside-scope', forged);
  });
});

describe('a file claiming to be the county’s PC', () => {
  it('a change naming the county PC’s device id, sealed with the township’s own key: wrong-key', async () => {
    const { lt03, countyPc } = cast;
    // The township PC takes the county PC's device id: its stamps and its seal name the county PC.
    const posing = { ...lt03, id: countyPc.id, wall: countyPc.wall + 5000, counter: 0 };
    const approve = write(posing, 'statReport', report03, { status: 'approved' });
    const honest = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }), { at: countyPc.wall + 1000 });
    const decisions = await decideWithCast(cast, [
      [posing, [approve]],
      [lt03, [honest]],
    ]);
    expectRefused(decisions, 'wrong-key', approve);
    expectAccepted(decisions, honest);
  });

  it('a copy of the county PC’s certificate with the township’s key put in: its signature fails, so it is not believed', async () => {
    const { lt03, countyPc } = cast;
    const countyCertificate = cast.certificates[0]!;
    const copied = { ...countyCertificate, key: lt03.keys.publicKey };
    const posing = { ...lt03, id: countyPc.id, wall: countyPc.wall + 5000, counter: 0 };
    const approve = write(posing, 'statReport', report03, { status: 'approved' });
    // Beside the real certificate, the county PC's key is another: wrong-key.
    expectRefused(await decideWithCast(cast, [[posing, [approve]]], { certificates: [copied] }), 'wrong-key', approve);
    // Where only the copy is known, the copy itself is refused: certificate-untrusted.
    const alone = await decide(cast.county, { certificates: [copied], changes: [approve], seals: [await seal(posing, [approve])] });
    expectRefused(alone, 'certificate-untrusted', approve);
    expect(alone.get(approve.id)).toMatchObject({ detail: { certificate: 'bad-signature' } });
  });

  it('a change naming the county PC but sealed under the township’s own device id: sealed-by-other-device', async () => {
    const { lt03, countyPc } = cast;
    const approve = write({ ...countyPc }, 'statReport', report03, { status: 'approved' });
    const own = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }));
    const forged = await signRecord({ format: 'league-desk-seal', version: 1, device: lt03.id, first: own.hlc, last: own.hlc, hashes: [changeHash(approve), changeHash(own)] }, lt03.keys);
    const decisions = await decide(cast.county, { certificates: cast.certificates, changes: [...cast.tree, approve, own], seals: [cast.treeSeal, forged] });
    expectRefused(decisions, 'sealed-by-other-device', approve);
    expectAccepted(decisions, own);
  });
});

describe('a signed change', () => {
  it('altered after signing (members 34 → 1): hash-not-sealed; the file’s other changes stand', async () => {
    const { lt03 } = cast;
    const create = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 33 }));
    const update = write(lt03, 'statReport', report03, { members: 34 });
    const note = write(lt03, 'statReport', report03, { notes: { members: 'checked' } });
    const sealed = await seal(lt03, [create, update, note]);
    const altered = { ...update, fields: { members: 1 } };
    const decisions = await decide(cast.county, { certificates: cast.certificates, changes: [...cast.tree, create, altered, note], seals: [cast.treeSeal, sealed] });
    expectRefused(decisions, 'hash-not-sealed', altered);
    expectAccepted(decisions, create, note);
  });

  it('replayed under a new id (the county’s old approval, re-stamped after a reopen): no-seal, or wrong-key if re-sealed', async () => {
    const { lt03, countyPc } = cast;
    const create = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 5, status: 'submitted' }));
    const approve = write(countyPc, 'statReport', report03, { status: 'approved' }, { at: lt03.wall + 1000 });
    const reopen = write(countyPc, 'statReport', report03, { status: 'returned', returnComment: 'recount' });
    const stamp = `2026-03-01T01:00:00.000Z-0000-${countyPc.id}`;
    const replayed = { ...approve, id: stamp, hlc: stamp };
    const honestSeals = [await seal(lt03, [create]), await seal(countyPc, [approve, reopen])];
    const base = { certificates: cast.certificates, changes: [...cast.tree, create, approve, reopen], seals: [cast.treeSeal, ...honestSeals] };
    const decisions = await decide(cast.county, base, { changes: [replayed] });
    expectAccepted(decisions, create, approve, reopen);
    expectRefused(decisions, 'no-seal', replayed);
    // The township re-seals it under the county PC's id with its own key: still not the county's key.
    const resealed = await signRecord({ format: 'league-desk-seal', version: 1, device: countyPc.id, first: stamp, last: stamp, hashes: [changeHash(replayed)] }, lt03.keys);
    expectRefused(await decide(cast.county, base, { changes: [replayed], seals: [resealed] }), 'wrong-key', replayed);
  });
});

describe('a revoked PC', () => {
  it('what it wrote after the county’s frontier is refused; what the county had seen stands; backdated writes are revoked-unseen', async () => {
    const { lt03, countyPc } = cast;
    const seen1 = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 5 }));
    const seen2 = write(lt03, 'statReport', report03, { members: 6 });
    const seenSeal = await seal(lt03, [seen1, seen2]);
    // Stolen: the thief writes on, and also sets the clock back to slip in "old" changes.
    const later = write(lt03, 'statReport', report03, { members: 600 }, { at: lt03.wall + 86_400_000 });
    const backdated = write(lt03, 'statReport', report03, { notes: { members: 'x' } }, { at: Date.parse(seen1.hlc.slice(0, 24)) });
    const thiefSeals = [await seal(lt03, [later]), await seal(lt03, [backdated])];
    expect(backdated.hlc < seen2.hlc).toBe(true);
    const revocation = await revoke(cast.county, lt03, seen2.hlc, [seenSeal]);
    const countyLater = write(countyPc, 'statReport', report03, { status: 'approved' }, { at: lt03.wall + 1000 });
    const decisions = await decide(
      cast.county,
      { certificates: cast.certificates, changes: [...cast.tree, seen1, seen2, later, backdated, countyLater], seals: [cast.treeSeal, seenSeal, ...thiefSeals, await seal(countyPc, [countyLater])] },
      { revocations: [revocation] },
    );
    expectAccepted(decisions, seen1, seen2, countyLater);
    expectRefused(decisions, 'revoked', later);
    expectRefused(decisions, 'revoked-unseen', backdated);
    expect(recordId(seenSeal)).toBe(revocation.seen[0]);
  });
});

describe('certificates that do not come from this county', () => {
  it('signed by a key whose chain does not reach the county’s authority: certificate-untrusted', async () => {
    const { county } = cast;
    const impostor = await makeCounty('LT');
    const pc = await makePc('0000000000000f01');
    const certificate = await certify(impostor, pc, { role: 'countyAdmin', scope: 'LT' });
    const rename = write(pc, 'org', ORG.county, { name: { zh: '假县委' } });
    const decisions = await decide(county, { certificates: [...cast.certificates, certificate], changes: [...cast.tree, rename], seals: [cast.treeSeal, await seal(pc, [rename])] });
    expectRefused(decisions, 'certificate-untrusted', rename);
    expectAccepted(decisions, ...cast.tree);
  });

  it('the demo county’s published keys are nobody’s authority in a real county', async () => {
    const demo = await demoCounty();
    const pc = await makePc(demo.device.id, demo.device.keys);
    const rename = write(pc, 'org', ORG.county, { name: { zh: '演示' } });
    const decisions = await decide(cast.county, { certificates: [demo.device.certificate], changes: [rename], seals: [await seal(pc, [rename])] });
    expectRefused(decisions, 'certificate-untrusted', rename);
  });

  it('another county’s PC, under its own authority: other-county', async () => {
    const other = await makeCounty('AK');
    const pc = await makePc('0000000000000f02');
    const certificate = await certify(other, pc, { role: 'countyAdmin', scope: 'AK' });
    const rename = write(pc, 'org', ORG.county, { name: { zh: '阿克苏' } });
    const decisions = await decide(cast.county, { certificates: [...cast.certificates, certificate], changes: [...cast.tree, rename], seals: [cast.treeSeal, await seal(pc, [rename])] });
    expectRefused(decisions, 'other-county', rename);
  });
});

describe('the home county', () => {
  it('is its authority’s: a second root county or a deleted root changes nothing, and honest files go on being accepted', async () => {
    const { countyPc, lt03 } = cast;
    const hijack = write(countyPc, 'org', 'org-AA', { code: 'AA', name: { zh: '假县' }, kind: 'county', parentId: null, archived: false });
    const remove = write(countyPc, 'org', ORG.county, { _deleted: true });
    const honest = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }), { at: countyPc.wall + 1000 });
    const decisions = await decideWithCast(cast, [
      [countyPc, [hijack, remove]],
      [lt03, [honest]],
    ]);
    expectRefused(decisions, 'outside-county', hijack);
    expectRefused(decisions, 'county-root-fixed', remove);
    expectAccepted(decisions, honest);
    const prepared = await prepareMaterial({ certificates: cast.certificates });
    expect(trustView(cast.county.home, prepared).county).toBe('LT');
  });
});

describe('forged signatures', () => {
  it('a certificate with one bit of its signature flipped is not believed', async () => {
    const { lt03 } = cast;
    const original = cast.certificates[1]!;
    const sig = fromBase64Url(original.signature)!;
    sig[10]! ^= 0x40;
    const flipped = { ...original, signature: toBase64Url(sig) };
    const figures = write(lt03, 'statReport', report03, newReport(ORG.lt03, { members: 12 }));
    const decisions = await decide(cast.county, { certificates: [cast.certificates[0], flipped], changes: [...cast.tree, figures], seals: [cast.treeSeal, await seal(lt03, [figures])] });
    expectRefused(decisions, 'certificate-untrusted', figures);
  });
});
