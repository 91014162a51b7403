import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { exchangeMatrix, KINDS, RECEIVERS, SENDERS } from '../../support/exchangeMatrix';
import { APP_REGISTRY } from '../../../shared/app/registry';

/** Each PC its own fake-indexeddb; the same PC (an upgrade) the same one. */
const factories = new Map<string, IDBFactory>();
const matrix = exchangeMatrix((pc, upTo = Infinity) => {
  let factory = factories.get(pc);
  if (!factory) factories.set(pc, (factory = new IDBFactory()));
  return new LeagueDeskDb(APP_REGISTRY, 'league-desk-test', { indexedDB: factory, IDBKeyRange }, upTo);
});

describe('every USB file imports, whatever happened before (issue 12; in Chromium: test/e2e/exchange.test.ts)', () => {
  for (const sender of SENDERS) {
    for (const kind of KINDS) {
      for (const receiver of RECEIVERS) {
        it(`${sender} → ${kind} file → ${receiver}: imports, again changes nothing, and both PCs then agree`, async () => {
          expect((await matrix.runCell(sender, kind, receiver)).problems).toEqual([]);
        }, 60_000);
      }
    }
  }
});
