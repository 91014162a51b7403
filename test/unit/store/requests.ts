import type { DBCoreTable, Middleware, DBCore } from 'dexie';
import type { LeagueDeskDb } from '../../../renderer/src/store/db';

/** One IndexedDB request as the app made it: which store, what kind, and for writes the keys written. */
export interface StoreRequest {
  table: string;
  kind: 'get' | 'query' | 'cursor' | 'count' | 'write';
  /** Requests it stands for: a `bulkGet` or `bulkPut` of n records is n requests to IndexedDB. */
  requests: number;
  /** The records written (their primary keys, where the store has inbound keys). */
  keys?: unknown[];
}

/**
 * Counts the requests a database makes to IndexedDB (Dexie's DBCore, below every table call), so a
 * test can state what an operation costs in the unit that costs: IndexedDB's price is per request,
 * whatever the record's size. Install before the database opens.
 */
export function recordRequests(db: LeagueDeskDb): { during<T>(run: () => Promise<T>): Promise<{ value: T; requests: StoreRequest[] }> } {
  let log: StoreRequest[] | undefined;
  const note = (request: StoreRequest) => log?.push(request);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'request-counter',
    create: (down) => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        const keyPath = table.schema.primaryKey.keyPath;
        return {
          ...table,
          get: (req) => (note({ table: name, kind: 'get', requests: 1 }), table.get(req)),
          getMany: (req) => (note({ table: name, kind: 'get', requests: req.keys.length }), table.getMany(req)),
          query: (req) => (note({ table: name, kind: 'query', requests: 1 }), table.query(req)),
          openCursor: (req) => (note({ table: name, kind: 'cursor', requests: 1 }), table.openCursor(req)),
          count: (req) => (note({ table: name, kind: 'count', requests: 1 }), table.count(req)),
          mutate: (req) => {
            const values = 'values' in req ? (req.values as Record<string, unknown>[]) : undefined;
            const keys = values && typeof keyPath === 'string' ? values.map((v) => v[keyPath]) : 'keys' in req ? [...(req.keys as unknown[])] : undefined;
            note({ table: name, kind: 'write', requests: values?.length ?? keys?.length ?? 1, ...(keys ? { keys } : {}) });
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
  return {
    async during(run) {
      log = [];
      try {
        const value = await run();
        return { value, requests: log };
      } finally {
        log = undefined;
      }
    },
  };
}

/** How many IndexedDB requests, in all. */
export function requestCount(requests: readonly StoreRequest[]): number {
  return requests.reduce((n, r) => n + r.requests, 0);
}
