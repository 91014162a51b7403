/**
 * The promises of sync without a network, checked over random histories: 2–5 PCs (some with wrong
 * clocks) make random edits — concurrent edits of the same field, deletes, same values written
 * twice — and exchange files cut by the version vector the peer last reported, or full exports.
 * Files are lost, delivered twice and delivered in any order. At the end everyone imports
 * everything (one round of exports from each PC to each other, none lost).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalState, valuesEqual } from '../../../shared/sync/canonical';
import type { Change } from '../../../shared/sync/change';
import { resolveConflict, writeLocally } from '../../../shared/sync/localWrite';
import type { MemorySyncStore } from '../../../shared/sync/memoryAccess';
import { changesMissingFrom, mergeVectors, type VersionVector } from '../../../shared/sync/vector';
import { arbWriteSpec, DAY, DEVICES, T0 } from './mergeFixtures';
import { testStore } from './testTables';

interface Pc {
  device: string;
  author: string;
  /** How wrong this PC's clock is (ms); a few days ahead or behind on some. */
  skew: number;
  store: MemorySyncStore;
  /** Per other PC, the vector it last reported in a bundle: what to cut our exports for it by. */
  reported: Map<string, VersionVector>;
}

interface Bundle {
  from: string;
  to: string;
  changes: Change[];
  vector: VersionVector;
}

class County {
  time = T0;
  readonly mail: Bundle[] = [];
  constructor(readonly pcs: Pc[]) {}

  nowOf(pc: Pc): number {
    return this.time + pc.skew;
  }

  pc(device: string): Pc {
    return this.pcs.find((p) => p.device === device)!;
  }

  async export(from: Pc, to: Pc, full: boolean): Promise<Bundle> {
    const log = await from.store.allChanges();
    const changes = full ? changesMissingFrom({}, log) : changesMissingFrom(from.reported.get(to.device) ?? {}, log);
    return { from: from.device, to: to.device, changes, vector: await from.store.getVector() };
  }

  async deliver(bundle: Bundle): Promise<void> {
    const to = this.pc(bundle.to);
    const plan = await to.store.applyChanges(bundle.changes, { now: this.nowOf(to) });
    expect(plan.refused).toBe(false);
    to.reported.set(bundle.from, mergeVectors(to.reported.get(bundle.from) ?? {}, bundle.vector));
  }

  /** Everyone sends everyone what they lack, nothing lost, in the given order. */
  async fullRound(seeds: readonly number[]): Promise<void> {
    const round: Bundle[] = [];
    for (const from of this.pcs) for (const to of this.pcs) if (from !== to) round.push(await this.export(from, to, false));
    const order = round.map((_, i) => i).sort((i, j) => (seeds[i % seeds.length] ?? 0) - (seeds[j % seeds.length] ?? 0) || i - j);
    for (const i of order) await this.deliver(round[i]!);
  }

  async states(): Promise<string[]> {
    return Promise.all(this.pcs.map((p) => canonicalState(p.store)));
  }
}

const arbSkew = fc.constantFrom(0, 0, 0, 45_000, -2 * DAY, 3 * DAY);

const arbStep = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), who: fc.nat(4), write: arbWriteSpec }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), from: fc.nat(4), to: fc.nat(4), full: fc.boolean(), lost: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), again: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 1, 500, 60_000) }) },
);

const arbHistory = fc.record({
  skews: fc.array(arbSkew, { minLength: 2, maxLength: 5 }),
  steps: fc.array(arbStep, { minLength: 5, maxLength: 60, size: 'max' }),
  finalSeeds: fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
  leftoverMail: fc.boolean(),
  resolution: fc.record({ pc: fc.nat(), conflict: fc.nat(), takeOverwritten: fc.boolean() }),
});

async function play(history: HistoryValue): Promise<County> {
  const pcs: Pc[] = history.skews.map((skew, i) => ({ device: DEVICES[i]!, author: `author-${i}`, skew, store: testStore(), reported: new Map() }));
  const county = new County(pcs);
  for (const step of history.steps) {
    county.time += 3;
    if (step.kind === 'wait') county.time += step.ms;
    else if (step.kind === 'write') {
      const pc = pcs[step.who % pcs.length]!;
      await writeLocally(pc.store, [step.write], pc, county.nowOf(pc));
    } else if (step.kind === 'export') {
      const [from, to] = [pcs[step.from % pcs.length]!, pcs[step.to % pcs.length]!];
      if (from === to) continue;
      const bundle = await county.export(from, to, step.full);
      if (!step.lost) county.mail.push(bundle);
    } else if (county.mail.length > 0) {
      const index = step.pick % county.mail.length;
      const bundle = county.mail[index]!;
      if (!step.again) county.mail.splice(index, 1);
      await county.deliver(bundle);
    }
  }
  await county.fullRound(history.finalSeeds);
  // Files still in the mail (stale, or delivered before) arriving late change nothing.
  if (history.leftoverMail) for (const bundle of county.mail) await county.deliver(bundle);
  return county;
}
type HistoryValue = typeof arbHistory extends fc.Arbitrary<infer V> ? V : never;

/**
 * The values that were concurrently overwritten, precisely: for a field, a value v written to it
 * that is not its final value, where no change writing the field has as its base the stamp of L,
 * the greatest change that wrote v — nobody saw v and chose to replace it. (Writing v again later
 * counts as seeing it survive; a value replaced on purpose is no conflict.) merge.ts shows why
 * every device that holds all the changes records L as overwritten.
 */
function concurrentlyOverwritten(changes: Change[]): { table: string; row: string; field: string; loser: Change }[] {
  const writersByField = new Map<string, Change[]>();
  for (const c of changes) {
    for (const field of Object.keys(c.fields)) {
      const key = JSON.stringify([c.table, c.row, field]);
      writersByField.set(key, [...(writersByField.get(key) ?? []), c]);
    }
  }
  const found = [];
  for (const [key, writers] of writersByField) {
    const [table, row, field] = JSON.parse(key) as [string, string, string];
    writers.sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    const final = writers.at(-1)!;
    const greatestByValue = new Map<string, Change>();
    for (const w of writers) greatestByValue.set(canonicalJson(w.fields[field]), w);
    for (const loser of greatestByValue.values()) {
      if (valuesEqual(loser.fields[field], final.fields[field])) continue;
      if (writers.some((w) => w.base[field] === loser.hlc)) continue;
      found.push({ table, row, field, loser });
    }
  }
  return found;
}

const exercised = { overwritten: 0, futureStampedPcs: 0, resolved: 0 };

describe('sync between PCs that exchange files', () => {
  it('every PC ends byte-identical, and every concurrently overwritten value is a conflict on every PC', async () => {
    await fc.assert(
      fc.asyncProperty(arbHistory, async (history) => {
        const county = await play(history);
        const states = await county.states();
        expect(new Set(states).size).toBe(1);

        const everything = await county.pcs[0]!.store.allChanges();
        const lost = concurrentlyOverwritten(everything);
        exercised.overwritten += lost.length;
        if (history.skews.some((s) => Math.abs(s) > DAY)) exercised.futureStampedPcs += 1;
        for (const pc of county.pcs) {
          const conflicts = pc.store.conflicts();
          for (const { table, row, field, loser } of lost) {
            const match = conflicts.find((c) => c.table === table && c.row === row && c.field === field && c.overwritten.hlc === loser.hlc);
            expect(match, `${pc.device} lacks the conflict for ${table}/${row}/${field} = ${JSON.stringify(loser.fields[field])}`).toBeDefined();
            expect(valuesEqual(match!.overwritten.value, loser.fields[field])).toBe(true);
          }
        }
      }),
      { numRuns: 120 },
    );
    // Guard against a generator that never produces what the property is about.
    expect(exercised.overwritten).toBeGreaterThan(100);
    expect(exercised.futureStampedPcs).toBeGreaterThan(10);
  }, 120_000);

  it('after a conflict is settled on one PC and files are exchanged, every PC holds the chosen value', async () => {
    await fc.assert(
      fc.asyncProperty(arbHistory, async (history) => {
        const county = await play(history);
        const withConflicts = county.pcs.filter((p) => p.store.conflicts().length > 0);
        if (withConflicts.length === 0) return;
        const pc = withConflicts[history.resolution.pc % withConflicts.length]!;
        const conflicts = pc.store.conflicts();
        const conflict = conflicts[history.resolution.conflict % conflicts.length]!;
        const chosen = history.resolution.takeOverwritten ? conflict.overwritten.value : conflict.kept.value;
        await resolveConflict(pc.store, conflict, chosen, pc, county.nowOf(pc));
        await county.fullRound(history.finalSeeds);
        exercised.resolved += 1;
        for (const other of county.pcs) {
          const [row] = await other.store.getRows(conflict.table, [conflict.row]);
          expect(valuesEqual(row![conflict.field], chosen)).toBe(true);
        }
        expect(new Set(await county.states()).size).toBe(1);
      }),
      { numRuns: 80 },
    );
    expect(exercised.resolved).toBeGreaterThan(20);
  }, 120_000);
});
