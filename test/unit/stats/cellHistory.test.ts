import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellHistory, type HistoryChange } from '../../../shared/stats/cellHistory';

let clock = 0;
const change = (fields: Record<string, unknown>, device = 'pc-a'): HistoryChange => ({ hlc: `2026-01-01T00:00:${String(clock++).padStart(2, '0')}.000Z-0000-${device}`, device, fields });
const lines = (changes: HistoryChange[], figure: Parameters<typeof cellHistory>[1] = 'members') =>
  cellHistory(changes, figure).map((e) => (e.kind === 'value' ? `${String(e.from)}→${String(e.to)}${e.note ? ` (${e.note})` : ''}` : `note:${e.note}`));

describe('a cell\'s history', () => {
  it('lists each change of the figure, newest first, from what to what', () => {
    expect(lines([change({ roundId: 'r', members: 44 }), change({ youth1428: 90 }), change({ members: 46 }), change({ members: null })])).toEqual([
      '46→null',
      '44→46',
      'undefined→44',
    ]);
  });

  it('an empty cell written empty changes nothing', () => {
    expect(lines([change({ members: null }), change({ members: 3 })])).toEqual(['undefined→3']);
  });

  it('leaves out a write that carries the value the cell already holds (the schema-9 carry-over: not "44 → 44")', () => {
    const demoLoad = change({ roundId: 'r', members: 44, status: 'approved' });
    const carried = change({ roundId: 'r', members: 44, status: 'returned', returnComment: '请核对' });
    expect(lines([demoLoad, carried, change({ members: 46 })])).toEqual(['44→46', 'undefined→44']);
  });

  it('records a comment once: a comment on another figure rewrites every comment, and is not a second entry', () => {
    // A report's comments are one field: the comment on cadres carries the comment on members again.
    const changes = [
      change({ members: 60 }),
      change({ notes: { members: '新建了一个班级团支部' } }),
      change({ cadres: 9 }),
      change({ notes: { members: '新建了一个班级团支部', cadres: '换届' } }),
    ];
    expect(lines(changes)).toEqual(['note:新建了一个班级团支部', 'undefined→60']);
    expect(lines(changes, 'cadres')).toEqual(['note:换届', 'undefined→9']);
  });

  it('shows a comment changed and a comment cleared, and a comment written with the value on its line', () => {
    const changes = [change({ members: 60, notes: { members: 'a' } }), change({ notes: { members: 'b' } }), change({ notes: {} }), change({ members: 61, notes: {} })];
    expect(lines(changes)).toEqual(['60→61', 'note:', 'note:b', 'undefined→60 (a)']);
  });

  it('a sex figure has no comments', () => {
    expect(lines([change({ membersFemale: 3, notes: { members: 'x' } })], 'membersFemale')).toEqual(['undefined→3']);
  });

  it('every entry changes something, and replaying the values gives the cell\'s last value (property)', () => {
    const value = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null });
    const write = fc.record({ members: fc.option(value, { nil: undefined }), note: fc.option(fc.constantFrom('', 'x', 'y'), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 20 }), (writes) => {
        const changes = writes.map((w) => change({ ...(w.members === undefined ? {} : { members: w.members }), ...(w.note === undefined ? {} : { notes: w.note === '' ? {} : { members: w.note } }) }));
        const entries = cellHistory(changes, 'members').reverse();
        const values = entries.filter((e) => e.kind === 'value');
        for (const e of values) expect(e.from ?? null).not.toBe(e.to);
        const last = [...writes].reverse().find((w) => w.members !== undefined)?.members ?? null;
        expect(values.at(-1)?.to ?? null).toBe(last);
      }),
    );
  });
});
