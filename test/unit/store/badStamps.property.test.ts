import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBundle } from '../../../shared/sync/bundle';
import { newDeviceId } from '../../../shared/sync/hlc';
import { vectorOf } from '../../../shared/sync/vector';
import { makeChange } from '../../../shared/sync/write';
import type { ExportedBundle } from '../../../renderer/src/features/sync/syncService';
import { readChangesByIds } from '../../../renderer/src/store/changeLog';
import type { Store } from '../../../renderer/src/store/store';
import { fileFor, fullFile, pcStates, SMALL_COUNTY } from '../../support/pcStates';
import { freshDb } from './fakeDb';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';
import { APP_TABLES } from '../../../shared/app/registry';

const { emptyPc, importFiles, smallCountyPc } = pcStates(() => freshDb());
const { ORGS, ROUND } = SMALL_COUNTY;

/*
 * Issue 15: one bad stamp must not stall a PC. A change stamped far in the future or the past — a
 * PC whose clock is wrong, or a forged file claiming to come from some PC, this one included —
 * reaches PCs in random schedules of edits and files. Whatever such files said, every edit a PC
 * makes afterwards reaches every other PC through the ordinary files for a peer (cut by the peer's
 * vector), not only through full files.
 */

const FUTURE = Date.UTC(2099, 0, 1);
const PAST = Date.UTC(1971, 0, 1);

/** Forged changes so far: each gets its own counter, so no two forgeries share an id. */
let forgeries = 0;

/** A file holding one change to a report, stamped at `wall`, claiming to come from `device`. */
async function forgedFile(device: string, wall: number, org: string, members: number): Promise<ExportedBundle> {
  forgeries += 1;
  const { change } = makeChange(
    { table: 'statReport', row: `${ROUND}:org-${org}`, scope: org, fields: { members } },
    undefined,
    { device, author: `local-${device}` },
    { wall, counter: forgeries },
    wall,
  );
  const sender = newDeviceId();
  const bytes = await encodeBundle({ county: { code: 'LT' }, sender: { device: sender, account: `local-${sender}`, scope: 'LT' }, kind: 'changes', changes: [change], vector: vectorOf([change]), created: new Date().toISOString() }, { tables: APP_TABLES });
  return { bytes, fileName: 'forged.leaguesync', changes: 1 };
}

type Step =
  | { kind: 'edit'; pc: number; org: number; members: number }
  | { kind: 'send'; from: number; to: number; full: boolean }
  | { kind: 'forge'; to: number; claims: number | 'stranger'; when: 'future' | 'past'; org: number };

const step = (pcs: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), pc: fc.nat(pcs - 1), org: fc.nat(ORGS.length - 1), members: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(pcs - 1), to: fc.nat(pcs - 1), full: fc.boolean() }),
    fc.record({
      kind: fc.constant('forge' as const),
      to: fc.nat(pcs - 1),
      claims: fc.oneof(fc.nat(pcs - 1), fc.constant('stranger' as const)),
      when: fc.constantFrom('future' as const, 'past' as const),
      org: fc.nat(ORGS.length - 1),
    }),
  );

const scenario = fc.integer({ min: 2, max: 3 }).chain((pcs) => fc.tuple(fc.constant(pcs), fc.array(step(pcs), { minLength: 1, maxLength: 10 })));

async function holds(store: Store): Promise<boolean> {
  return (await store.db.rows(ORG_TABLE).count()) > 0;
}

describe('far-future and far-past stamps in random exchanges (issue 15)', () => {
  it('every edit a PC makes reaches every other PC through files for a peer, whatever stamps arrived before', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([count, steps]) => {
        // Every PC starts from the county's full file, so all can edit from the first step.
        const county = await smallCountyPc();
        const start = await fullFile(county);
        const pcs: Store[] = [county];
        for (let i = 1; i < count; i++) {
          const pc = await emptyPc();
          await importFiles(pc, start);
          pcs.push(pc);
        }
        const edits: string[] = [];
        for (const s of steps) {
          if (s.kind === 'edit') {
            const code = ORGS[s.org]!;
            const made = await pcs[s.pc]!.repo.write([{ table: 'statReport', row: `${ROUND}:org-${code}`, scope: code, fields: { members: s.members } }]);
            edits.push(...made.map((c) => c.id));
          } else if (s.kind === 'send') {
            if (s.from === s.to || !(await holds(pcs[s.from]!))) continue;
            const to = pcs[s.to]!;
            await importFiles(to, s.full ? await fullFile(pcs[s.from]!) : await fileFor(pcs[s.from]!, to));
          } else {
            const device = s.claims === 'stranger' ? newDeviceId() : pcs[s.claims]!.identity.device;
            // Never refused: a bad stamp is no reason to refuse a file.
            await importFiles(pcs[s.to]!, await forgedFile(device, s.when === 'future' ? FUTURE : PAST, ORGS[s.org]!, 33));
          }
        }
        // Then every PC edits once more, and files for a peer go round in both directions, twice.
        for (const pc of pcs) edits.push(...(await pc.repo.write([{ table: 'statReport', row: `${ROUND}:org-${ORGS[0]}`, scope: ORGS[0], fields: { members: 7 } }])).map((c) => c.id));
        for (let lap = 0; lap < 2; lap++) {
          for (let i = 0; i < count; i++) {
            for (let j = 0; j < count; j++) if (i !== j) await importFiles(pcs[j]!, await fileFor(pcs[i]!, pcs[j]!));
          }
        }
        for (const pc of pcs) {
          const held = await readChangesByIds(pc.db, edits);
          expect(edits.filter((id) => !held.has(id))).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
  }, 300_000);

  it('a file claiming this PC made a change it never made: the change is left out and said so, and later edits still travel', async () => {
    const county = await smallCountyPc();
    const town = await emptyPc();
    await importFiles(town, await fullFile(county));
    const forged = await forgedFile(county.identity.device, FUTURE, 'LT-01', 999);
    // The township takes it (it cannot tell); the county leaves it out.
    await importFiles(town, forged);
    const outcome = await importFiles(county, forged);
    expect(outcome.applied).toBe(0);
    expect((await county.db.rows(STAT_REPORT_TABLE).get(`${ROUND}:org-LT-01`))?.members).toBe(10);
    const [edit] = await county.repo.write([{ table: 'statReport', row: `${ROUND}:org-LT-02`, scope: 'LT-02', fields: { members: 12 } }]);
    // The township's vector claims the county up to 2099: the county's file for it still carries the edit.
    const file = await fileFor(county, town);
    await importFiles(town, file);
    expect((await readChangesByIds(town.db, [edit!.id])).has(edit!.id)).toBe(true);
  });
});
