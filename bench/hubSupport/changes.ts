// The changes the sync and hub benchmarks work with: reports of many branches, each written a few
// times, like a busy county year, made through the app's own makeChange, so every one is a valid
// change record; with the rows they merge into.
import type { Change } from '../../shared/sync/change';
import { INITIAL_CLOCK } from '../../shared/sync/hlc';
import { applyChangeToRow, type MergedRow } from '../../shared/sync/row';
import { makeChange, type WriteSpec } from '../../shared/sync/write';

export const BENCH_DEVICE = '00000000000000be';

export function makeChanges(count: number, device = BENCH_DEVICE): Change[] {
  return makeChangesAndRows(count, device).changes;
}

export function makeChangesAndRows(count: number, device = BENCH_DEVICE): { changes: Change[]; rows: MergedRow[] } {
  let clock = INITIAL_CLOCK;
  const rows = new Map<string, MergedRow>();
  const changes: Change[] = [];
  // Stamps in the past (the hub's clock check and the future-stamp rule see nothing unusual).
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const row = `r${i % Math.ceil(count / 4)}`;
    const spec: WriteSpec = {
      table: 'statReport',
      row,
      scope: 'LT-03',
      fields: i % 4 === 0
        ? { roundId: 'round-2026', orgId: `org-${row}`, period: '2026', status: 'draft', members: i % 97, youth1435: 500, youth1428: 200 }
        : { members: i % 97, youth1428: 200 + (i % 13) },
    };
    const made = makeChange(spec, rows.get(row), { device, author: 'bench' }, clock, start + i);
    clock = made.clock;
    changes.push(made.change);
    rows.set(row, applyChangeToRow(rows.get(row), made.change).row);
  }
  return { changes, rows: [...rows.values()] };
}
