/**
 * The county's checkpoint pages verify in any order and grouping: however the pages of a
 * checkpoint (any page size), a later checkpoint, forged pages and the changes they list arrive —
 * one by one, in files of several, repeated — a PC's incremental decisions (TrustLedger) equal the
 * batch decision over what it has received, and at the end the changes written before trust are
 * adopted, those stamped after the first checkpoint are refused as late, and those only forged
 * pages list are refused as untrusted, whatever the page size.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/sync/change';
import { makeCheckpoint, type Checkpoint } from '../../../shared/trust/checkpoint';
import { decideAll, type Decision } from '../../../shared/trust/decide';
import { TrustLedger } from '../../../shared/trust/ledger';
import { mergeMaterial, prepareMaterial, type PreparedMaterial } from '../../../shared/trust/material';
import { changeHash, DAY, ISO, makeCounty, makePc, RULES, T0, write, type County, type Pc } from './trustFixtures';

let county: County;
let impostor: County;
let pcs: Pc[];

beforeAll(async () => {
  county = await makeCounty('LT');
  impostor = await makeCounty('LT');
  pcs = await Promise.all(['00000000000000b0', '00000000000000b3', '00000000000000b5'].map((id) => makePc(id)));
}, 30_000);

const FIRST = ISO(T0);
const LATER = ISO(T0 + 30 * DAY);

const arbPlan = fc.record({
  /** Per change: its writer, and whether it was written before the first checkpoint. */
  writes: fc.array(fc.record({ pc: fc.nat(2), early: fc.constantFrom(true, true, true, false), value: fc.nat(99) }), { minLength: 1, maxLength: 14 }),
  pageSize: fc.integer({ min: 1, max: 6 }),
  /** Which early changes the first checkpoint lists (the rest, and every late one, the later checkpoint). */
  inFirst: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  forged: fc.constantFrom('none', 'impostor', 'altered'),
  /** The arrival order and grouping. */
  order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  groups: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }),
});
type Plan = typeof arbPlan extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  changes: Change[];
  items: PreparedMaterial[];
  expected: Map<string, Decision['status'] | string>;
}

async function build(plan: Plan): Promise<Built> {
  for (const pc of pcs) {
    pc.wall = T0;
    pc.counter = 0;
  }
  const changes = plan.writes.map((w, i) => write(pcs[w.pc]!, 'org', `org-x${i}`, { code: `LT-${String(w.value).padStart(2, '0')}` }, { at: (w.early ? T0 - 100 * DAY : T0 + 10 * DAY) + i }));
  const hashed = changes.map((change) => ({ change, hash: changeHash(change) }));
  const early = hashed.filter((_, i) => plan.writes[i]!.early);
  const first = early.filter((_, i) => plan.inFirst[i]);
  const later = hashed.filter((c) => !first.includes(c));
  const pages: Checkpoint[] = [
    ...(first.length > 0 ? await makeCheckpoint(first, county.authority, FIRST, plan.pageSize) : []),
    ...(later.length > 0 ? await makeCheckpoint(later, county.authority, first.length > 0 ? LATER : FIRST, plan.pageSize) : []),
  ];
  const expected = new Map<string, string>();
  for (const c of hashed) expected.set(c.hash, plan.writes[changes.indexOf(c.change)]!.early ? 'accepted' : 'checkpoint-late');
  // A stray change no genuine page lists, and a forged page listing it.
  const stray = write(pcs[0]!, 'org', 'org-stray', { code: 'LT-99' }, { at: T0 - 90 * DAY });
  const strayHashed = { change: stray, hash: changeHash(stray) };
  const forged: object[] = [];
  if (plan.forged === 'impostor') forged.push(...(await makeCheckpoint([strayHashed, ...hashed], impostor.authority, ISO(T0 - DAY))));
  if (plan.forged === 'altered' && pages.length > 0) forged.push({ ...pages[0]!, hashes: [...pages[0]!.hashes, strayHashed.hash].sort() });
  expected.set(strayHashed.hash, plan.forged === 'none' || (plan.forged === 'altered' && pages.length === 0) ? 'no-seal' : 'checkpoint-untrusted');
  const items = await Promise.all([
    ...[...changes, stray].map((change) => prepareMaterial({ changes: [change] })),
    ...[...pages, ...forged].map((page) => prepareMaterial({ checkpoints: [page] })),
  ]);
  return { changes: [...changes, stray], items, expected };
}

/** The items in the plan's order, grouped as files would group them, some repeated. */
function deliveries(plan: Plan, items: readonly PreparedMaterial[]): PreparedMaterial[] {
  const order = items.map((_, i) => i).sort((a, b) => (plan.order[a % 40]! - plan.order[b % 40]!) || a - b);
  const out: PreparedMaterial[] = [];
  for (let at = 0, g = 0; at < order.length; g++) {
    const size = plan.groups[g % 40]!;
    out.push(mergeMaterial(...order.slice(at, at + size).map((i) => items[i]!)));
    at += size;
  }
  if (out.length > 1) out.push(out[plan.order[0]! % out.length]!);
  return out;
}

const outcome = (d: Decision | undefined) => (d === undefined ? 'undecided' : d.status === 'accepted' ? 'accepted' : d.reason);

describe('checkpoint pages', () => {
  it('verify in any order and grouping, and adopt the same changes whatever the page size', async () => {
    await fc.assert(
      fc.asyncProperty(arbPlan, async (plan) => {
        const { items, expected } = await build(plan);
        const ledger = new TrustLedger(county.home, RULES);
        const received: PreparedMaterial[] = [];
        for (const delivery of deliveries(plan, items)) {
          ledger.add(delivery);
          received.push(delivery);
          const batch = decideAll(county.home, mergeMaterial(...received), RULES);
          expect(new Map([...ledger.decisions()].map(([h, d]) => [h, outcome(d)]))).toEqual(new Map([...batch].map(([h, d]) => [h, outcome(d)])));
        }
        const final = new Map([...ledger.decisions()].map(([h, d]) => [h, outcome(d)]));
        expect(final).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
