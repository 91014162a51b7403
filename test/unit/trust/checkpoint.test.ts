/**
 * The county adopting data written before trust (issue 14): a checkpoint signed by the county's
 * authority key lists changes no seal vouches for; every PC takes them as the county's. Once per
 * county — a later checkpoint adopts nothing stamped after the first — and only the county's
 * authority (or its successor) can sign one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import { carriedRecordProblem } from '../../../shared/trust/carried';
import { makeCheckpoint, MAX_CHECKPOINT_CHANGES, parseCheckpoint, checkpointTime, type Checkpoint } from '../../../shared/trust/checkpoint';
import { decideCarried, isAuthorized } from '../../../shared/trust/decideCarried';
import type { Change } from '../../../shared/sync/change';
import {
  changeHash,
  DAY,
  decide,
  decideWithCast,
  expectAccepted,
  expectRefused,
  ISO,
  makeCast,
  makeCounty,
  makePc,
  newReport,
  ORG,
  succeed,
  T0,
  write,
  type Cast,
  type Pc,
} from './trustFixtures';

let cast: Cast;
/** Two PCs that wrote before trust: the old county PC and a township PC, neither sealed. */
let oldCounty: Pc;
let oldTownship: Pc;
let preTrust: Change[];

const hashed = (changes: readonly Change[]) => changes.map((change) => ({ change, hash: changeHash(change) }));
const org = (code: string, kind: string, parentId: string | null) => ({ code, name: { zh: code }, kind, parentId, archived: false });

beforeAll(async () => {
  cast = await makeCast();
  oldCounty = await makePc('00000000000000b0');
  oldTownship = await makePc('00000000000000b3');
  const before = T0 - 200 * DAY;
  preTrust = [
    write(oldCounty, 'org', ORG.county, org('LT', 'county', null), { at: before }),
    write(oldCounty, 'org', ORG.lt03, org('LT-03', 'township', ORG.county)),
    write(oldCounty, 'org', ORG.lt05, org('LT-05', 'township', ORG.county)),
    write(oldTownship, 'statReport', 'round-2025:org-LT-03', { ...newReport(ORG.lt03, { roundId: 'round-2025', period: '2025', members: 31 }) }, { at: before + DAY }),
    // Approved by the township itself, before there were roles: the county held it so.
    write(oldTownship, 'statReport', 'round-2025:org-LT-03', { status: 'approved' }, { at: before + 2 * DAY }),
  ];
}, 30_000);

/** The county's checkpoint over `changes`, signed now (T0) unless `issued` says otherwise. */
function checkpoint(changes: readonly Change[], issued = ISO(T0), pageSize?: number, authority = cast.county.authority): Promise<Checkpoint[]> {
  return makeCheckpoint(hashed(changes), authority, issued, pageSize);
}

describe('the county’s checkpoint', () => {
  it('adopts changes written before trust, by any PC, unsealed and uncertified, as the county’s', async () => {
    const without = await decide(cast.county, { changes: preTrust });
    expectRefused(without, 'no-seal', ...preTrust);

    const pages = await checkpoint(preTrust);
    const decided = await decide(cast.county, { changes: preTrust, checkpoints: pages });
    expectAccepted(decided, ...preTrust);
    // Accepted as adopted, naming the checkpoint, not a certificate — the township's own approval included.
    for (const change of preTrust) expect(decided.get(change.id)).toEqual({ status: 'accepted', checkpoint: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('puts the hashes in order, pages them (each page signed alone), and any page alone adopts what it lists', async () => {
    const pages = await checkpoint(preTrust, ISO(T0), 2);
    expect(pages.map((p) => [p.page, p.pages, p.hashes.length])).toEqual([
      [1, 3, 2],
      [2, 3, 2],
      [3, 3, 1],
    ]);
    const all = pages.flatMap((p) => p.hashes);
    expect(all).toEqual([...all].sort());
    expect(new Set(all)).toEqual(new Set(preTrust.map(changeHash)));
    for (const page of pages) {
      expect(parseCheckpoint(page).ok).toBe(true);
      const listed = preTrust.filter((c) => page.hashes.includes(changeHash(c)));
      const decided = await decide(cast.county, { changes: preTrust, checkpoints: [page] });
      expectAccepted(decided, ...listed);
      expectRefused(decided, 'no-seal', ...preTrust.filter((c) => !listed.includes(c)));
      // Its span is the stamps of what it lists.
      expect([page.first, page.last]).toEqual([listed.map((c) => c.hlc).sort()[0], listed.map((c) => c.hlc).sort().at(-1)]);
    }
  });

  it('is a carried record like the others, read by the shape its schema gives', async () => {
    const [page] = await checkpoint(preTrust);
    expect(carriedRecordProblem(page as unknown as Record<string, unknown>)).toBeNull();
    expect(parseCheckpoint({ ...page, hashes: [...page!.hashes].reverse() })).toMatchObject({ ok: false, reason: 'record-invalid' });
    expect(parseCheckpoint({ ...page, hashes: [page!.hashes[0], page!.hashes[0]] })).toMatchObject({ ok: false, reason: 'record-invalid' });
    expect(parseCheckpoint({ ...page, version: 2 })).toMatchObject({ ok: false, reason: 'newer-version' });
    expect(parseCheckpoint({ ...page, hashes: Array.from({ length: MAX_CHECKPOINT_CHANGES + 1 }, () => page!.hashes[0]) })).toMatchObject({ ok: false });
    await expect(checkpoint(preTrust, ISO(T0), MAX_CHECKPOINT_CHANGES + 1)).rejects.toThrow(RangeError);
  });

  it('is issued when it is signed, or just after the greatest stamp it lists if the PC’s clock is behind', () => {
    const now = new Date(T0);
    expect(checkpointTime(hashed(preTrust), now)).toBe(ISO(T0));
    const ahead = write(oldCounty, 'org', ORG.lt03, { archived: false }, { at: T0 + DAY });
    expect(checkpointTime(hashed([...preTrust, ahead]), now)).toBe(ISO(T0 + DAY + 1));
  });
});

describe('once per county', () => {
  it('a later checkpoint adopts only changes stamped before the first; one listing a later change is refused for it', async () => {
    const first = await checkpoint(preTrust.slice(0, 3), ISO(T0));
    // Found later on a PC restored as the county's: written before the first checkpoint, not listed in it.
    const later = await checkpoint(preTrust.slice(3), ISO(T0 + 30 * DAY));
    expectAccepted(await decide(cast.county, { changes: preTrust, checkpoints: [...first, ...later] }), ...preTrust);

    // A thief with the passphrase, after the first checkpoint, adopting a forged approval written today.
    const thief = await makePc('00000000000000f7');
    const forged = write(thief, 'statReport', 'round-2025:org-LT-03', { members: 1 }, { at: T0 + 40 * DAY });
    const stolen = await checkpoint([forged, ...preTrust.slice(3)], ISO(T0 + 40 * DAY));
    const decided = await decide(cast.county, { changes: [...preTrust, forged], checkpoints: [...first, ...stolen] });
    expectRefused(decided, 'checkpoint-late', forged);
    expectAccepted(decided, ...preTrust);
    // Order-free: the first checkpoint is the earliest issued, whichever arrived first.
    expectRefused(await decide(cast.county, { changes: [forged], checkpoints: stolen }, { changes: preTrust, checkpoints: first }), 'checkpoint-late', forged);
  });

  it('a late listing does not take away what seals and certificates authorize', async () => {
    const honest = write(cast.lt03, 'statReport', `round-2026:${ORG.lt03}`, newReport(ORG.lt03, { members: 12 }), { at: T0 + 50 * DAY });
    const first = await checkpoint(preTrust, ISO(T0));
    const later = await checkpoint([honest], ISO(T0 + 60 * DAY));
    expectAccepted(await decideWithCast(cast, [[cast.lt03, [honest]]], { checkpoints: [...first, ...later] }), honest);
  });
});

describe('only the county adopts', () => {
  it('refuses a checkpoint signed by another authority claiming the same county, or by another county', async () => {
    const impostor = await makeCounty('LT');
    const other = await makeCounty('AK');
    for (const authority of [impostor.authority, other.authority]) {
      const pages = await checkpoint(preTrust, ISO(T0), undefined, authority);
      expectRefused(await decide(cast.county, { changes: preTrust, checkpoints: pages }), 'checkpoint-untrusted', ...preTrust);
    }
  });

  it('refuses a checkpoint whose list was altered after signing (a change added, or one of its hashes swapped)', async () => {
    const [page] = await checkpoint(preTrust.slice(0, 3));
    const forged = write(oldTownship, 'statReport', 'round-2025:org-LT-05', newReport(ORG.lt05, { roundId: 'round-2025', members: 999 }), { at: T0 - 150 * DAY });
    const added = { ...page!, hashes: [...page!.hashes, changeHash(forged)].sort() };
    const decided = await decide(cast.county, { changes: [...preTrust.slice(0, 3), forged], checkpoints: [added] });
    expectRefused(decided, 'checkpoint-untrusted', forged, ...preTrust.slice(0, 3));
    // The genuine page beside the altered one still adopts what it lists; the forged change stays out.
    const both = await decide(cast.county, { changes: [...preTrust.slice(0, 3), forged], checkpoints: [page, added] });
    expectAccepted(both, ...preTrust.slice(0, 3));
    expectRefused(both, 'checkpoint-untrusted', forged);
  });

  it('a successor authority’s checkpoint stands; the old key’s, signed after it was succeeded, does not', async () => {
    const next = await succeed(cast.county, cast.county.created.authority, ISO(T0 + DAY));
    const successor = { county: 'LT', keys: next.authority };
    const bySuccessor = await checkpoint(preTrust, ISO(T0 + 2 * DAY), undefined, successor);
    expectAccepted(await decide(cast.county, { changes: preTrust, checkpoints: bySuccessor, successions: [next.succession] }), ...preTrust);
    const byRetired = await checkpoint(preTrust, ISO(T0 + 2 * DAY));
    expectRefused(await decide(cast.county, { changes: preTrust, checkpoints: byRetired, successions: [next.succession] }), 'checkpoint-untrusted', ...preTrust);
  });
});

describe('on the command line', () => {
  it('decideCarried takes the same steps: a file’s checkpoint makes its pre-trust changes authorized', async () => {
    const pages = await checkpoint(preTrust);
    const decided = await decideCarried(cast.county.home, pages, preTrust, APP_REGISTRY.rules);
    for (const change of preTrust) expect(isAuthorized(decided, changeHash(change))).toBe(true);
    expect(decided.summary.map((w) => [w.device, w.authorized])).toEqual([
      [oldCounty.id, 3],
      [oldTownship.id, 2],
    ]);
    const bare = await decideCarried(cast.county.home, [], preTrust, APP_REGISTRY.rules);
    expect(bare.summary.map((w) => [w.authorized, w.refused['no-seal']])).toEqual([
      [0, 3],
      [0, 2],
    ]);
  });
});
