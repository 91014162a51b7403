import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/sync/change';
import { formatStamp } from '../../../shared/sync/hlc';
import { applyChangeToRow, type MergedRow } from '../../../shared/sync/row';

const DEVICES = ['00000000000000a1', '00000000000000b2', '00000000000000c3'];

function change(wall: number, counter: number, device: string, fields: Record<string, unknown>, base: Record<string, string> = {}): Change {
  const hlc = formatStamp(wall, counter, device);
  return { id: hlc, hlc, device, author: `local-${device}`, table: 'org', row: 'r1', fields, base, scope: 'LT', schema: 1 };
}

const arbChange = fc
  .record({
    wall: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_050 }),
    counter: fc.integer({ min: 0, max: 3 }),
    device: fc.constantFrom(...DEVICES),
    fields: fc.dictionary(fc.constantFrom('a', 'b', 'c', '_deleted'), fc.oneof(fc.integer(), fc.string(), fc.boolean()), { minKeys: 1 }),
  })
  .map((c) => change(c.wall, c.counter, c.device, c.fields));

/** Stamps are unique per change in real life: one device never issues the same stamp twice. */
const arbChanges = fc.uniqueArray(arbChange, { selector: (c) => c.hlc, maxLength: 30 });

function applyAll(changes: Change[]): MergedRow | undefined {
  let row: MergedRow | undefined;
  for (const c of changes) row = applyChangeToRow(row, c).row;
  return row;
}

describe('per-field merge of a row', () => {
  it('gives the same row whatever order the changes arrive in (commutative, associative)', () => {
    fc.assert(
      fc.property(arbChanges.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([changes, shuffled]) => {
        expect(applyAll(shuffled)).toEqual(applyAll(changes));
      }),
    );
  });

  it('applying a change again changes nothing (idempotent)', () => {
    fc.assert(
      fc.property(arbChanges, fc.nat(), (changes, pick) => {
        const once = applyAll(changes);
        if (changes.length === 0) return;
        const again = applyChangeToRow(once, changes[pick % changes.length]!);
        expect(again.changed).toBe(false);
        expect(again.row).toEqual(once);
      }),
    );
  });

  it('each field holds the value of the greatest stamp that wrote it', () => {
    fc.assert(
      fc.property(arbChanges, (changes) => {
        const row = applyAll(changes);
        for (const field of ['a', 'b', 'c']) {
          const writers = changes.filter((c) => field in c.fields).sort((x, y) => (x.hlc < y.hlc ? 1 : -1));
          if (writers.length === 0) expect(row?._clock[field]).toBeUndefined();
          else {
            expect(row?.[field]).toEqual(writers[0]!.fields[field]);
            expect(row?._clock[field]).toBe(writers[0]!.hlc);
          }
        }
      }),
    );
  });

  it('reports an overwrite its author had not seen, and not one it had', () => {
    const first = change(1_000, 0, DEVICES[0]!, { a: 'township typed 12' });
    const row = applyChangeToRow(undefined, first).row;
    const informed = change(2_000, 0, DEVICES[1]!, { a: 'county fixed 13' }, { a: first.hlc });
    expect(applyChangeToRow(row, informed).unseenOverwrites).toEqual([]);
    const blind = change(2_000, 0, DEVICES[2]!, { a: 'other PC typed 14' }, { a: '' });
    expect(applyChangeToRow(row, blind).unseenOverwrites).toEqual([{ field: 'a', value: 'township typed 12', hlc: first.hlc }]);
  });

  it('does not touch the row it was given', () => {
    const row = applyChangeToRow(undefined, change(1_000, 0, DEVICES[0]!, { a: 1 })).row;
    const snapshot = structuredClone(row);
    applyChangeToRow(row, change(2_000, 0, DEVICES[0]!, { a: 2 }));
    expect(row).toEqual(snapshot);
  });
});
