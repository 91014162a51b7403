import type { ExportedBundle } from '../../renderer/src/features/sync/syncService';
import type { Store } from '../../renderer/src/store/store';
import { editReports, fileFor, fullFile, pcStates, reportIds, stateOf, type DbMaker } from './pcStates';

/*
 * Issue 12: every USB file imports, whatever happened before. Sender state × export kind ×
 * receiver state, through the app's own store and sync service. Each cell: the sender's file
 * imports into the receiver, and again (nothing changes); the receiver's full file goes back; both
 * PCs then hold byte-identical rows, vector and log. Run in fake-indexeddb
 * (test/unit/store/exchange.matrix.test.ts) and in Chromium (test/e2e/exchange.test.ts).
 *
 * Every cell starts from its own county PC: the demo (its file F0), then a few reports approved
 * (file F1). Townships restore F1 or, to be behind, F0. A sender's own edits touch reports 0–2; a
 * diverged receiver edits the same ones, a newer one reports 5–6.
 */

export const SENDERS = ['fresh demo', 'restored', 'restored + edited', 'edited after an exchange', 'upgraded from an older build'] as const;
export const KINDS = ['full', 'for the peer'] as const;
export const RECEIVERS = ['empty', 'same history', 'older history', 'newer history', 'already imported that file', 'diverged, with conflicts'] as const;

export type SenderState = (typeof SENDERS)[number];
export type ExportKind = (typeof KINDS)[number];
export type ReceiverState = (typeof RECEIVERS)[number];

/** What a cell found; `problems` is empty when every promise held. */
export interface CellOutcome {
  applied: number;
  alreadyApplied: number;
  conflicts: number;
  problems: string[];
}

export function exchangeMatrix(makeDb: DbMaker) {
  const pcs = pcStates(makeDb);

  async function countyPc() {
    const county = await pcs.demoPc();
    const f0 = await fullFile(county);
    for (const id of await reportIds(county, 2, 10)) {
      await county.repo.write([{ table: 'statReport', row: id, scope: 'LT', fields: { status: 'approved' } }]);
    }
    return { county, f0, f1: await fullFile(county) };
  }
  type Origin = Awaited<ReturnType<typeof countyPc>>;

  async function sender(state: SenderState, origin: Origin): Promise<Store> {
    switch (state) {
      case 'fresh demo':
        return origin.county;
      case 'restored':
        return pcs.restoredPc(origin.f1);
      case 'restored + edited': {
        const pc = await pcs.restoredPc(origin.f1);
        await editReports(pc, await reportIds(pc, 3), 31);
        return pc;
      }
      case 'edited after an exchange': {
        const pc = await pcs.restoredPc(origin.f1);
        await editReports(pc, await reportIds(pc, 2), 29);
        const other = await pcs.restoredPc(origin.f1);
        await pcs.importFiles(other, await fullFile(pc));
        await editReports(other, await reportIds(other, 1, 3), 44);
        await pcs.importFiles(pc, await fileFor(other, pc));
        await editReports(pc, await reportIds(pc, 3), 32);
        return pc;
      }
      case 'upgraded from an older build': {
        const pc = await pcs.upgradedPc(origin.f1);
        await editReports(pc, await reportIds(pc, 3), 33);
        return pc;
      }
    }
  }

  async function receiver(state: ReceiverState, origin: Origin, file: (to?: Store) => Promise<ExportedBundle>): Promise<Store> {
    switch (state) {
      case 'empty':
        return pcs.emptyPc();
      case 'same history':
        return pcs.restoredPc(origin.f1);
      case 'older history':
        return pcs.restoredPc(origin.f0);
      case 'newer history': {
        const pc = await pcs.restoredPc(origin.f1);
        await editReports(pc, await reportIds(pc, 2, 5), 50);
        return pc;
      }
      case 'already imported that file': {
        const pc = await pcs.restoredPc(origin.f1);
        await pcs.importFiles(pc, await file(pc));
        return pc;
      }
      case 'diverged, with conflicts': {
        const pc = await pcs.restoredPc(origin.f1);
        await editReports(pc, await reportIds(pc, 3), 17);
        return pc;
      }
    }
  }

  async function runCell(senderState: SenderState, kind: ExportKind, receiverState: ReceiverState): Promise<CellOutcome> {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    const origin = await countyPc();
    const from = await sender(senderState, origin);
    const make = (to?: Store) => (kind === 'full' || !to ? fullFile(from) : fileFor(from, to));
    const to = await receiver(receiverState, origin, make);
    const file = await make(to);
    const before = await stateOf(from);

    const outcome = await pcs.importFiles(to, file);
    check(outcome.applied + outcome.alreadyApplied === file.changes, `applied ${outcome.applied} + already ${outcome.alreadyApplied} ≠ ${file.changes} in the file`);
    if (receiverState === 'already imported that file' && kind === 'full') check(outcome.applied === 0, 'a file imported twice applied something');
    const edited = senderState !== 'fresh demo' && senderState !== 'restored';
    if (receiverState === 'diverged, with conflicts' && edited) check(outcome.conflicts > 0, 'concurrent edits raised no conflict');
    // The same file again changes nothing.
    const after = await stateOf(to);
    check((await pcs.importFiles(to, file)).applied === 0, 'the same file again applied something');
    check((await stateOf(to)) === after, 'the same file again changed the state');
    // And back: the sender receives the receiver's full file; then both hold the same.
    await pcs.importFiles(from, await fullFile(to));
    const [a, b] = [await stateOf(from), await stateOf(to)];
    check(a === b, 'the two PCs differ after the exchange');
    if (receiverState === 'empty' || receiverState === 'same history' || receiverState === 'already imported that file') {
      check(a === before, 'the receiver had nothing new, yet the sender changed');
    }
    return { applied: outcome.applied, alreadyApplied: outcome.alreadyApplied, conflicts: outcome.conflicts, problems };
  }

  return { runCell };
}
