import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalState } from '../../../shared/sync/canonical';
import type { Change } from '../../../shared/sync/change';
import { writeLocally } from '../../../shared/sync/localWrite';
import type { MemorySyncStore } from '../../../shared/sync/memoryAccess';
import { believedPeerVector, changesMissingFrom, includes, mergeVectors, vectorOf, type VersionVector } from '../../../shared/sync/vector';
import { arbWriteSpec, DEVICES, stamp, T0 } from './mergeFixtures';
import { testStore } from './testTables';

const [A, B, C] = DEVICES;
const stamped = (wall: number, device: string) => ({ device, hlc: stamp(wall, device) });

const arbVector: fc.Arbitrary<VersionVector> = fc
  .array(fc.tuple(fc.constantFrom(...DEVICES), fc.integer({ min: 0, max: 50 })), { maxLength: 5 })
  .map((entries) => vectorOf(entries.map(([device, wall]) => stamped(T0 + wall, device))));

describe('version vectors', () => {
  it('holds, per origin device, the greatest stamp seen from it', () => {
    expect(vectorOf([stamped(T0 + 2, A), stamped(T0 + 5, A), stamped(T0 + 1, B), stamped(T0 + 3, A)])).toEqual({
      [A]: stamp(T0 + 5, A),
      [B]: stamp(T0 + 1, B),
    });
    expect(vectorOf([])).toEqual({});
  });

  it('merging keeps the greater stamp per device, in any order and any number of times', () => {
    fc.assert(
      fc.property(arbVector, arbVector, arbVector, (x, y, z) => {
        expect(mergeVectors(x, y)).toEqual(mergeVectors(y, x));
        expect(mergeVectors(mergeVectors(x, y), z)).toEqual(mergeVectors(x, mergeVectors(y, z)));
        expect(mergeVectors(x, x)).toEqual(x);
        for (const device of DEVICES) {
          const greatest = [x[device], y[device]].filter((s) => s !== undefined).sort().at(-1);
          expect(mergeVectors(x, y)[device]).toBe(greatest);
        }
      }),
    );
  });

  it('includes a change when the vector holds its stamp or a later one from its device', () => {
    const vector = { [A]: stamp(T0 + 5, A) };
    expect(includes(vector, stamped(T0 + 5, A))).toBe(true);
    expect(includes(vector, stamped(T0 + 4, A))).toBe(true);
    expect(includes(vector, stamped(T0 + 6, A))).toBe(false);
    expect(includes(vector, stamped(T0, B))).toBe(false);
  });

  it('an export for a peer holds exactly what its vector lacks, in clock order', () => {
    fc.assert(
      fc.property(arbVector, fc.array(fc.tuple(fc.constantFrom(...DEVICES), fc.integer({ min: 0, max: 50 }))), (peer, entries) => {
        const changes = entries.map(([device, wall]) => stamped(T0 + wall, device));
        const missing = changesMissingFrom(peer, changes);
        expect(missing.every((c) => !includes(peer, c))).toBe(true);
        expect(changes.filter((c) => !includes(peer, c)).length).toBe(missing.length);
        expect(missing.map((c) => c.hlc)).toEqual(missing.map((c) => c.hlc).sort());
      }),
    );
  });
});

/**
 * Devices that only ever send what the peer's last reported vector lacks. A bundle carries the
 * sender's vector; the receiver remembers it, and cuts its next export for that sender by it.
 */
interface Peer {
  device: string;
  store: MemorySyncStore;
  /** Per other device, the vector it last reported to us. */
  reported: Map<string, VersionVector>;
}
interface Bundle {
  from: string;
  to: string;
  changes: Change[];
  vector: VersionVector;
}

async function exportFor(sender: Peer, receiver: string): Promise<Bundle> {
  const changes = changesMissingFrom(sender.reported.get(receiver) ?? {}, await sender.store.allChanges());
  return { from: sender.device, to: receiver, changes, vector: await sender.store.getVector() };
}

async function receiveBundle(receiver: Peer, bundle: Bundle, now: number): Promise<void> {
  await receiver.store.applyChanges(bundle.changes, { now });
  receiver.reported.set(bundle.from, mergeVectors(receiver.reported.get(bundle.from) ?? {}, bundle.vector));
}

/**
 * The vector describes the log exactly: for each origin device, the log holds every change from
 * it up to the vector's stamp, and none beyond. `everything` is what exists anywhere.
 */
async function expectVectorDescribesLog(peer: Peer, peers: Peer[]): Promise<void> {
  const held = new Set((await peer.store.allChanges()).map((c) => c.id));
  const vector = await peer.store.getVector();
  for (const other of peers) for (const c of await other.store.allChanges()) expect(includes(vector, c)).toBe(held.has(c.id));
}

const stats = { delivered: 0, changes: 0 };

const arbStep = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), who: fc.nat(2), write: arbWriteSpec }),
  fc.record({ kind: fc.constant('export' as const), from: fc.nat(2), to: fc.nat(2), lost: fc.boolean() }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), again: fc.boolean() }),
);

describe('sync by vector-cut exports', () => {
  it('converges although files are lost, repeated and delivered in any order, and every log stays a prefix per origin', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbStep, { minLength: 10, maxLength: 40, size: 'max' }), fc.array(fc.integer(), { minLength: 6, maxLength: 6 }), async (steps, finalSeeds) => {
        const peers: Peer[] = [A, B, C].map((device) => ({ device, store: testStore(), reported: new Map() }));
        const mail: Bundle[] = [];
        let now = T0;
        let delivered = 0;
        for (const step of steps) {
          now += 7;
          if (step.kind === 'write') {
            const peer = peers[step.who]!;
            await writeLocally(peer.store, [step.write], { device: peer.device, author: `a-${peer.device}` }, now);
          } else if (step.kind === 'export') {
            if (step.from === step.to) continue;
            const bundle = await exportFor(peers[step.from]!, peers[step.to]!.device);
            if (!step.lost) mail.push(bundle);
          } else if (mail.length > 0) {
            const index = step.pick % mail.length;
            const bundle = mail[index]!;
            if (!step.again) mail.splice(index, 1);
            const receiver = peers.find((p) => p.device === bundle.to)!;
            await receiveBundle(receiver, bundle, now);
            await expectVectorDescribesLog(receiver, peers);
            delivered += 1;
          }
        }
        stats.delivered += delivered;
        stats.changes += (await Promise.all(peers.map((p) => p.store.allChanges()))).flat().length;

        // Nothing lost any more: one round in which everyone sends to everyone, in random order.
        const everything = new Map((await Promise.all(peers.map((p) => p.store.allChanges()))).flat().map((c) => [c.id, c]));
        const round: Bundle[] = [];
        for (const from of peers) for (const to of peers) if (from !== to) round.push(await exportFor(from, to.device));
        const order = round.map((_, i) => i).sort((i, j) => finalSeeds[i]! - finalSeeds[j]! || i - j);
        for (const i of order) await receiveBundle(peers.find((p) => p.device === round[i]!.to)!, round[i]!, now);

        const states = await Promise.all(peers.map((p) => canonicalState(p.store)));
        expect(new Set(states).size).toBe(1);
        for (const peer of peers) expect((await peer.store.allChanges()).length).toBe(everything.size);
      }),
      { numRuns: 60 },
    );
    // The runs did exchange something (guards against a generator that only makes empty runs).
    expect(stats.delivered).toBeGreaterThan(100);
    expect(stats.changes).toBeGreaterThan(100);
  });

  it("believes a peer about this PC's own changes only up to what this PC holds of them, and about every other PC as it says", () => {
    fc.assert(
      fc.property(arbVector, arbVector, fc.constantFrom(...DEVICES), (peer, own, me) => {
        const believed = believedPeerVector(peer, own, me);
        for (const device of DEVICES) if (device !== me) expect(believed[device]).toBe(peer[device]);
        if (peer[me] !== undefined && own[me] !== undefined && peer[me]! <= own[me]!) expect(believed[me]).toBe(peer[me]);
        else expect(believed[me]).toBeUndefined();
        // What this PC holds of its own and sends by the believed vector is never less than the peer lacks.
        const mine = [stamped(T0, me), stamped(T0 + 25, me), stamped(T0 + 50, me)].filter((c) => includes(own, c));
        for (const c of changesMissingFrom(peer, mine)) expect(changesMissingFrom(believed, mine)).toContainEqual(c);
      }),
    );
    // A peer that took a change stamped in 2099 for one of A's: A sends it all of its own.
    expect(believedPeerVector({ [A]: stamp(Date.UTC(2099, 0, 1), A), [B]: stamp(T0, B) }, { [A]: stamp(T0 + 9, A) }, A)).toEqual({ [B]: stamp(T0, B) });
  });
});
