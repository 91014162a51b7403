// Page script for test/e2e/exchange.test.ts: the exchange matrix (test/support/exchangeMatrix.ts) in
// Chromium's own IndexedDB, on an on-disk profile, with the app's store and sync service.
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { exchangeMatrix, type ExportKind, type ReceiverState, type SenderState } from '../../support/exchangeMatrix';
import { APP_REGISTRY } from '../../../shared/app/registry';

const PREFIX = 'matrix-';
const matrix = exchangeMatrix((pc, upTo = Infinity) => new LeagueDeskDb(APP_REGISTRY, `${PREFIX}${pc}`, undefined, upTo));

async function exchangeCell(sender: SenderState, kind: ExportKind, receiver: ReceiverState) {
  try {
    return await matrix.runCell(sender, kind, receiver);
  } catch (error) {
    return { applied: 0, alreadyApplied: 0, conflicts: 0, problems: [`threw ${(error as Error).name}: ${(error as Error).message}`] };
  } finally {
    // Each cell's PCs are closed with the page's Dexie instances; their databases are dropped.
    for (const db of await indexedDB.databases()) if (db.name?.startsWith(PREFIX)) indexedDB.deleteDatabase(db.name);
  }
}

(globalThis as unknown as { exchangeCell: typeof exchangeCell }).exchangeCell = exchangeCell;
