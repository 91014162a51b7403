import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../renderer/src/store/store';
import { fileFor, fullFile, pcStates, SMALL_COUNTY, stateOf } from '../../support/pcStates';
import { freshDb } from './fakeDb';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';
import { ORG_TABLE } from '../../../shared/orgs/tables';

const { emptyPc, importFiles, smallCountyPc } = pcStates(() => freshDb());
const { ORGS, ROUND } = SMALL_COUNTY;

/*
 * Issue 12: random histories of 2–4 PCs that edit and exchange full and peer files in any order,
 * through the app's own store and sync service. No import fails, and once everyone has passed a
 * full file round the ring twice, every PC holds the same rows, vector and log.
 */

type Step =
  | { kind: 'edit'; pc: number; org: number; members: number }
  | { kind: 'send'; from: number; to: number; full: boolean }
  | { kind: 'restore'; pc: number; from: number };

const step = (pcs: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), pc: fc.nat(pcs - 1), org: fc.nat(ORGS.length - 1), members: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(pcs - 1), to: fc.nat(pcs - 1), full: fc.boolean() }),
    fc.record({ kind: fc.constant('restore' as const), pc: fc.nat(pcs - 1), from: fc.nat(pcs - 1) }),
  );

const scenario = fc.integer({ min: 2, max: 4 }).chain((pcs) => fc.tuple(fc.constant(pcs), fc.array(step(pcs), { minLength: 1, maxLength: 10 })));

describe('PCs exchanging files in random orders (issue 12)', () => {
  it('every import succeeds, and after full files pass round the ring twice, all PCs hold the same', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([count, steps]) => {
        // PC 0 is the county; the others start empty (they restore or receive a file along the way).
        const pcs: Store[] = [await smallCountyPc()];
        for (let i = 1; i < count; i++) pcs.push(await emptyPc());
        for (const s of steps) {
          if (s.kind === 'edit') {
            const pc = pcs[s.pc]!;
            const code = ORGS[s.org]!;
            // A PC that holds nothing yet cannot edit the report: it would not know the round.
            if (!(await pc.db.rows(STAT_REPORT_TABLE).get(`${ROUND}:org-${code}`))) continue;
            await pc.repo.write([{ table: 'statReport', row: `${ROUND}:org-${code}`, scope: code, fields: { members: s.members } }]);
          } else if (s.kind === 'send') {
            if (s.from === s.to) continue;
            const from = pcs[s.from]!;
            if ((await from.db.rows(ORG_TABLE).count()) === 0) continue; // nothing to export: the app says so
            await importFiles(pcs[s.to]!, s.full ? await fullFile(from) : await fileFor(from, pcs[s.to]!));
          } else {
            // A PC is replaced by a new one restored from another's full file (a reinstall).
            const from = pcs[s.from]!;
            if (s.pc === s.from || (await from.db.rows(ORG_TABLE).count()) === 0) continue;
            const fresh = await emptyPc();
            await importFiles(fresh, await fullFile(from));
            pcs[s.pc] = fresh;
          }
        }
        for (let lap = 0; lap < 2; lap++) {
          for (let i = 0; i < count; i++) await importFiles(pcs[(i + 1) % count]!, await fullFile(pcs[i]!));
        }
        const states = await Promise.all(pcs.map(stateOf));
        expect(new Set(states).size).toBe(1);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
