/** Shared builders for the sync merge tests: valid changes, written by hand or at random. */
import fc from 'fast-check';
import type { Change } from '../../../shared/sync/change';
import { formatStamp } from '../../../shared/sync/hlc';

export const DEVICES = ['00000000000000a1', '00000000000000b2', '00000000000000c3', '00000000000000d4', '00000000000000e5'] as const;
export const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export function stamp(wall: number, device: string = DEVICES[0], counter = 0): string {
  return formatStamp(wall, counter, device);
}

export interface ChangeSpec {
  wall?: number;
  counter?: number;
  device?: string;
  author?: string;
  table?: string;
  row?: string;
  fields: Record<string, unknown>;
  base?: Record<string, string>;
  scope?: string;
  schema?: number;
}

/** A valid change; the base defaults to '' (the author saw nothing) for each field. */
export function change(spec: ChangeSpec): Change {
  const device = spec.device ?? DEVICES[0];
  const hlc = stamp(spec.wall ?? T0, device, spec.counter ?? 0);
  const base = spec.base ?? Object.fromEntries(Object.keys(spec.fields).map((f) => [f, '']));
  return {
    id: hlc,
    hlc,
    device,
    author: spec.author ?? `author-${device.slice(-2)}`,
    table: spec.table ?? 'org',
    row: spec.row ?? 'o1',
    fields: spec.fields,
    base,
    scope: spec.scope ?? 'LT',
    schema: spec.schema ?? 1,
  };
}

/** All the fields an org row requires. */
export function wholeOrg(code = 'LT'): Record<string, unknown> {
  return { code, name: { zh: '共青团轮台县委员会', ug: 'كومپارتىيە' }, kind: 'county', parentId: null, archived: false };
}

/**
 * Rows and fields the random tests write. Small pools, so that edits collide on the same field
 * and sometimes write the same value (which is not a conflict), including the same bilingual name
 * built in another key order.
 */
export const WRITABLE: { table: string; rows: string[]; fields: Record<string, fc.Arbitrary<unknown>> }[] = [
  {
    table: 'org',
    rows: ['o1', 'o2'],
    fields: {
      code: fc.constantFrom('LT', 'LT-03', 'LT-03-012'),
      name: fc.constantFrom({ zh: '团县委', ug: 'ناھىيە' }, { ug: 'ناھىيە', zh: '团县委' }, { zh: '团委' }),
      secretaryName: fc.constantFrom('阿依古丽', 'Ahmat', '李明'),
      archived: fc.boolean(),
      _deleted: fc.boolean(),
    },
  },
  {
    table: 'statReport',
    rows: ['s1'],
    fields: {
      members: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)),
      status: fc.constantFrom('draft', 'submitted', 'approved'),
      _deleted: fc.constant(true),
    },
  },
];

/** One write: a table, a row and one or two fields with values. */
export const arbWriteSpec = fc
  .constantFrom(...WRITABLE)
  .chain((t) =>
    fc.record({
      table: fc.constant(t.table),
      row: fc.constantFrom(...t.rows),
      fields: fc.dictionary(fc.constantFrom(...Object.keys(t.fields)), fc.constant(null), { minKeys: 1, maxKeys: 2 }).chain((picked) =>
        fc.record(Object.fromEntries(Object.keys(picked).map((f) => [f, t.fields[f]!]))),
      ),
    }),
  )
  .map((w) => ({ ...w, scope: 'LT' }));

/**
 * A set of changes with unique stamps and random bases (each base is '' or the stamp of another
 * change of the same row): enough to exercise every path of the merge without modelling devices.
 */
export const arbChangeSet: fc.Arbitrary<Change[]> = fc
  .uniqueArray(
    fc.record({
      wall: fc.integer({ min: T0, max: T0 + 20 }),
      counter: fc.integer({ min: 0, max: 2 }),
      device: fc.constantFrom(...DEVICES.slice(0, 3)),
      write: arbWriteSpec,
      baseSeeds: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
    }),
    { selector: (c) => `${c.wall}/${c.counter}/${c.device}`, maxLength: 40, size: 'max' },
  )
  .map((drafts) => {
    const stamps = drafts.map((d) => stamp(d.wall, d.device, d.counter));
    return drafts.map((d) => {
      const base = Object.fromEntries(
        Object.keys(d.write.fields).map((f, k) => {
          const seed = d.baseSeeds[k]!;
          return [f, seed % 3 === 0 ? '' : stamps[seed % stamps.length]!];
        }),
      );
      return change({ wall: d.wall, counter: d.counter, device: d.device, table: d.write.table, row: d.write.row, fields: d.write.fields, base, scope: d.write.scope });
    });
  });

/** Splits a list into consecutive batches at the given cut points. */
export function splitAt<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const batches: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    batches.push(items.slice(start, point));
    start = point;
  }
  return batches;
}
